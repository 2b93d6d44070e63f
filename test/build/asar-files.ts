/**
 * What electron-builder would put into app.asar: the config's `files` globs over the project
 * (minimatch, ordered, later negations win, as electron-builder's FileMatcher) plus the
 * production dependency closure of package.json (what it copies into node_modules).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const require = createRequire(import.meta.url);
const minimatch = require('minimatch') as (path: string, pattern: string, options?: { dot?: boolean }) => boolean;

async function walk(root: string, dir = root): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(root, path)));
    else files.push(relative(root, path).split(sep).join('/'));
  }
  return files;
}

export function matchesFiles(file: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) {
      included = true;
    }
  }
  return included;
}

export async function appFiles(projectDir: string, patterns: readonly string[]): Promise<string[]> {
  return (await walk(projectDir)).filter((file) => matchesFiles(file, patterns)).sort();
}

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Node's lookup: node_modules/<name> in the requiring package's folder, then each parent. */
async function resolvePackage(name: string, from: string, root: string): Promise<string | null> {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (await readManifest(candidate)) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

/** Every installed package reachable from package.json's `dependencies`: name → folders. */
export async function productionClosure(projectDir: string): Promise<Map<string, Set<string>>> {
  const root = await readManifest(projectDir);
  const found = new Map<string, Set<string>>();
  const queue: [string, string][] = Object.keys({ ...root?.dependencies, ...root?.optionalDependencies }).map((name) => [name, projectDir]);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const [name, from] = queue.shift()!;
    const dir = await resolvePackage(name, from, projectDir);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    found.set(name, (found.get(name) ?? new Set()).add(dir));
    const manifest = await readManifest(dir);
    for (const dep of Object.keys({ ...manifest?.dependencies, ...manifest?.optionalDependencies })) queue.push([dep, dir]);
  }
  return found;
}
