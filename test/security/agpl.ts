/**
 * The emulator's IAM evaluator (@cloud-copilot/iam-simulate and friends) is AGPL: a dev
 * dependency of the emulator only. These checks prove it never reaches the app: not in the built
 * bundle (out/), not in what electron-builder packs (its `files` plus the production dependency
 * closure), not in package.json's dependencies.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { appFiles, productionClosure } from '../build/asar-files';
import type { Finding } from './finding';

const require = createRequire(import.meta.url);

interface Manifest {
  readonly name?: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

async function manifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Installed top-level packages whose licence is AGPL (found by licence, not by a fixed list). */
export async function agplPackages(root: string): Promise<string[]> {
  const modules = join(root, 'node_modules');
  const found: string[] = [];
  const entries = await readdir(modules, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dirs = entry.name.startsWith('@')
      ? (await readdir(join(modules, entry.name), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(modules, entry.name, e.name))
      : [join(modules, entry.name)];
    for (const dir of dirs) {
      const m = await manifest(dir);
      if (m?.name !== undefined && /AGPL/i.test(m.license ?? '')) found.push(m.name);
    }
  }
  return found.sort();
}

/** Strings only the evaluator's code contains (its error keys), besides the package names. */
const SIGNATURES = ['must.use.wildcard', 'runSimulation('];

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (/\.(c?js|mjs|html|json)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Every bundled file of out/ that names or contains an AGPL package. */
export async function agplInBundle(outDir: string, packages: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of await files(outDir)) {
    const text = await readFile(file, 'utf8');
    const hit = [...packages, ...SIGNATURES].find((marker) => text.includes(marker));
    if (hit !== undefined) {
      findings.push({
        check: 'agpl/bundle',
        file: relative(outDir, file).split(sep).join('/'),
        line: 0,
        message: `The app bundle contains AGPL code (${hit}); it must stay a dev dependency of the emulator.`,
      });
    }
  }
  return findings;
}

/** AGPL packages among the dependencies, the production closure or the files electron-builder packs. */
export async function agplInPackage(root: string, packages: readonly string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const pkg = (await manifest(root)) ?? {};
  for (const name of packages) {
    if (pkg.dependencies?.[name] !== undefined) {
      findings.push({ check: 'agpl/dependency', file: 'package.json', line: 0, message: `${name} is AGPL and must be a devDependency, not a dependency.` });
    }
  }
  const closure = await productionClosure(root);
  for (const name of packages.filter((n) => closure.has(n))) {
    findings.push({
      check: 'agpl/closure',
      file: 'package.json',
      line: 0,
      message: `${name} (AGPL) is reachable from the production dependencies electron-builder ships.`,
    });
  }
  const config = require(join(root, 'build/electron-builder.config.cjs')) as { files: string[] };
  const packed = await appFiles(root, config.files);
  for (const file of packed.filter((f) => packages.some((name) => f.includes(`node_modules/${name}/`)))) {
    findings.push({ check: 'agpl/files', file, line: 0, message: 'electron-builder’s files would pack AGPL code.' });
  }
  return findings;
}
