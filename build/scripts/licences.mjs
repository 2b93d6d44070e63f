// Writes the licences of Deskbridge's shipped (production) dependencies for Settings › About:
// walks package.json files from the project's `dependencies` down the installed tree, resolving
// each package as Node does (nested node_modules first, then up to the root). Run by `npm run build`.
// Usage: node build/scripts/licences.mjs [out.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_OUT = join(ROOT, 'renderer/src/features/settings/licences.json');

function readPackage(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** Where `name` resolves from a package in `fromDir`: its own node_modules, then each parent's. */
function resolvePackage(name, fromDir, root) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

/** The SPDX expression of a package.json's `license` (or the old `licenses` array). */
export function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return 'UNKNOWN';
}

/** Every production dependency under `root`, once per name@version, sorted by name. */
export function collectLicences(root = ROOT) {
  const seen = new Map();
  const queue = [{ dir: root, deps: { ...readPackage(root).dependencies } }];
  while (queue.length > 0) {
    const { dir, deps } = queue.shift();
    for (const name of Object.keys(deps)) {
      const found = resolvePackage(name, dir, root);
      if (!found) continue; // an optional dependency for another platform
      const pkg = readPackage(found);
      const id = `${pkg.name}@${pkg.version}`;
      if (seen.has(id)) continue;
      seen.set(id, { name: pkg.name, version: pkg.version, licence: licenceOf(pkg) });
      queue.push({ dir: found, deps: { ...pkg.dependencies, ...pkg.optionalDependencies } });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT;
  const licences = collectLicences();
  writeFileSync(out, `${JSON.stringify(licences, null, 1)}\n`);
  process.stdout.write(`Wrote the licences of ${licences.length} production dependencies to ${out}\n`);
}
