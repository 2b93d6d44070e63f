/**
 * The security gate of `npm test`: Electron security lint rules, Electronegativity (MEDIUM or
 * worse outside its allowlist fails), a supported Electron major, and the trust-boundary probes
 * (imported profiles, managed configuration). Exit code 1 on any finding.
 * Run: npx tsx test/security/gate.ts   (set DESKBRIDGE_OFFLINE=1 to skip the registry look-up)
 */
import { resolve } from 'node:path';
import { checkElectronVersion, KNOWN_LATEST_CHECKED, registryLatest } from './electron-version';
import { scanWithElectronegativity } from './electronegativity';
import { formatFinding } from './finding';
import { lintSecurity } from './security-lint';
import { checkTrustBoundaries } from './trust-boundaries';

const root = resolve(import.meta.dirname, '../..');
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const registry = process.env.DESKBRIDGE_OFFLINE ? null : await registryLatest();
const version = await checkElectronVersion(root, registry);
out(`electron version: ${version.message}${registry === null ? ` (registry not reached; constant checked ${KNOWN_LATEST_CHECKED})` : ''}`);

const lint = await lintSecurity(root);
out(`security lint: ${lint.length} finding(s)`);
lint.forEach((f) => out(`  ${formatFinding(f)}`));

const scan = await scanWithElectronegativity(root, version.pinned);
out(`electronegativity: ${scan.checks} checks, ${scan.findings.length} finding(s) at MEDIUM or worse, ${scan.allowed.length} allowlisted`);
scan.findings.forEach((f) => out(`  ${formatFinding(f)}`));

const trust = await checkTrustBoundaries();
out(`trust boundaries: ${trust.length} finding(s)`);
trust.forEach((f) => out(`  ${formatFinding(f)}`));

const failed = (version.ok ? 0 : 1) + lint.length + scan.findings.length + trust.length;
out(failed === 0 ? 'security gate: passed' : `security gate: FAILED (${failed} problem(s))`);
process.exitCode = failed === 0 ? 0 : 1;
