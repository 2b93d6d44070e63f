/**
 * Electron supports the latest three stable majors. "Latest" offline is a constant, updated by
 * hand with the date it was checked; when the npm registry answers, its `latest` tag wins.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Checked 2026-11-28 with `npm view electron dist-tags`: latest 45.5.0. */
export const KNOWN_LATEST_MAJOR = 45;
export const KNOWN_LATEST_CHECKED = '2026-11-28';
export const SUPPORTED_MAJORS = 3;

export interface VersionCheck {
  readonly ok: boolean;
  readonly pinned: string;
  readonly latestMajor: number;
  readonly source: 'registry' | 'constant';
  readonly supported: readonly number[];
  readonly message: string;
}

export function majorOf(version: string): number {
  const match = /^\D*(\d+)\./.exec(version);
  if (!match) throw new Error(`Not a version: ${version}`);
  return Number(match[1]);
}

export function supportedMajors(latestMajor: number): number[] {
  return Array.from({ length: SUPPORTED_MAJORS }, (_, i) => latestMajor - i);
}

/** The registry's latest Electron, or null offline (never fails the gate on its own). */
export async function registryLatest(timeoutMs = 15_000): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['view', 'electron', 'version'], { timeout: timeoutMs });
    const version = stdout.trim();
    return /^\d+\.\d+\.\d+$/.test(version) ? version : null;
  } catch {
    return null;
  }
}

export function judge(pinned: string, range: string, registry: string | null): VersionCheck {
  const fromRegistry = registry === null ? null : majorOf(registry);
  const latestMajor = Math.max(KNOWN_LATEST_MAJOR, fromRegistry ?? 0);
  const supported = supportedMajors(latestMajor);
  const pinnedMajor = majorOf(pinned);
  const rangeMajor = majorOf(range);
  const ok = supported.includes(pinnedMajor) && rangeMajor === pinnedMajor;
  const source = fromRegistry !== null && fromRegistry >= KNOWN_LATEST_MAJOR ? 'registry' : 'constant';
  const message = ok
    ? `Electron ${pinned} is supported (supported majors: ${supported.join(', ')}; latest from ${source}).`
    : rangeMajor !== pinnedMajor
      ? `package.json asks for electron ${range} but ${pinned} is installed.`
      : `Electron ${pinned} is out of support: supported majors are ${supported.join(', ')} (latest from ${source}). Upgrade Electron.`;
  return { ok, pinned, latestMajor, source, supported, message };
}

export async function checkElectronVersion(root: string, registry: string | null): Promise<VersionCheck> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '';
  const installed = JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return judge(installed.version, range, registry);
}
