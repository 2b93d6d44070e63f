/**
 * The security gate of `npm test`: Electron security lint rules, Electronegativity (MEDIUM or
 * worse outside its allowlist fails), a supported Electron major (from the registry, else estimated
 * from the release cadence; "unknown" fails), the trust-boundary probes (imported profiles,
 * managed configuration) and the sessions' trust checks (session window API, viewer origins,
 * remembered VNC passwords, connection files). Exit code 1 on any finding.
 * Run: npx tsx test/security/gate.ts   (set DESKBRIDGE_OFFLINE=1 to skip the registry look-up)
 */
import { resolve } from 'node:path';
import { agplInBundle, agplInPackage, agplPackages } from './agpl';
import { checkElectronVersion, registryLatest } from './electron-version';
import { scanWithElectronegativity } from './electronegativity';
import { formatFinding } from './finding';
import { lintSecurity } from './security-lint';
import { checkSessionTrust } from './session-trust';
import { checkTrustBoundaries } from './trust-boundaries';

const root = resolve(import.meta.dirname, '../..');
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const registry = process.env.DESKBRIDGE_OFFLINE ? null : await registryLatest();
const version = await checkElectronVersion(root, registry, Date.now());
out(`electron version: ${version.message}`);

const lint = await lintSecurity(root);
out(`security lint: ${lint.length} finding(s)`);
lint.forEach((f) => out(`  ${formatFinding(f)}`));

const scan = await scanWithElectronegativity(root, version.pinned);
out(`electronegativity: ${scan.checks} checks, ${scan.findings.length} finding(s) at MEDIUM or worse, ${scan.allowed.length} allowlisted`);
scan.findings.forEach((f) => out(`  ${formatFinding(f)}`));

const trust = await checkSessionTrust();
out(`session trust: ${trust.length} finding(s)`);
trust.forEach((f) => out(`  ${formatFinding(f)}`));

// npm test builds out/ just before the gate runs.
const agpl = await agplPackages(root);
const licence = [...(await agplInPackage(root, agpl)), ...(await agplInBundle(resolve(root, 'out'), agpl))];
out(`AGPL dev tools (${agpl.join(', ') || 'none installed'}): ${licence.length} finding(s) in the package or out/`);
licence.forEach((f) => out(`  ${formatFinding(f)}`));

// An unknown Electron support status is not a pass: the gate says so and fails.
const boundaries = await checkTrustBoundaries();
out(`trust boundaries: ${boundaries.length} finding(s)`);
boundaries.forEach((f) => out(`  ${formatFinding(f)}`));

const failed = (version.ok ? 0 : 1) + lint.length + scan.findings.length + trust.length + licence.length + boundaries.length;
const unknown = version.support === 'unknown' ? '; Electron support UNKNOWN' : '';
out(failed === 0 ? 'security gate: passed' : `security gate: FAILED (${failed} problem(s)${unknown})`);
process.exitCode = failed === 0 ? 0 : 1;
