/**
 * Electron supports the latest three stable majors. When the npm registry answers, its `latest`
 * tag says which those are. Offline, the answer is estimated from Electron's documented release
 * cadence: a new stable major every 8 weeks, so a major leaves support when the third one after
 * it ships, about 24 weeks after its own release. The anchor of that estimate is a fact that
 * does not go stale (a past release date), and today's date moves the estimate: offline, an old
 * pin fails. Near the estimated end the cadence's slips (up to ~3 weeks, e.g. over new year)
 * make the answer uncertain, and the check says "unknown" instead of passing.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Electron 45.0.0 was published on 2026-10-21 (`npm view electron time`, checked 2026-11-29). */
export const CADENCE_ANCHOR = { major: 45, released: Date.UTC(2026, 9, 21) } as const;
export const SUPPORTED_MAJORS = 3;
const DAY_MS = 86_400_000;
export const CADENCE_MS = 8 * 7 * DAY_MS;
/** How far the real schedule has drifted from the 8-week grid (Electron 40 came 24 days late). */
export const CADENCE_SLIP_MS = 3 * 7 * DAY_MS;

export type Support = 'supported' | 'unsupported' | 'unknown';

export interface VersionCheck {
  /** True only when the pinned major is known to be supported and package.json agrees with it. */
  readonly ok: boolean;
  readonly support: Support;
  readonly pinned: string;
  readonly source: 'registry' | 'release cadence';
  /** The supported majors, when known (the registry) or estimated (the cadence). */
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

/** The registry's latest Electron, or null when it cannot be reached. */
export async function registryLatest(timeoutMs = 15_000): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['view', 'electron', 'version'], { timeout: timeoutMs });
    const version = stdout.trim();
    return /^\d+\.\d+\.\d+$/.test(version) ? version : null;
  } catch {
    return null;
  }
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** When `major` is estimated to leave support: when the third major after it ships. */
export function estimatedSupportEnd(major: number): number {
  return CADENCE_ANCHOR.released + (major - CADENCE_ANCHOR.major + SUPPORTED_MAJORS) * CADENCE_MS;
}

/** The offline estimate: supported, unsupported, or unknown within the cadence's slip of the end. */
export function supportByCadence(major: number, now: number): { support: Support; message: string; supported: number[] } {
  const end = estimatedSupportEnd(major);
  const latest = CADENCE_ANCHOR.major + Math.floor((now - CADENCE_ANCHOR.released) / CADENCE_MS);
  const supported = supportedMajors(latest);
  const basis = `estimated from the 8-week release cadence, Electron ${CADENCE_ANCHOR.major} having shipped ${day(CADENCE_ANCHOR.released)}; registry not reached`;
  if (now < end - CADENCE_SLIP_MS) {
    return { support: 'supported', supported, message: `Electron ${major} is supported until about ${day(end)} (${basis}).` };
  }
  if (now >= end + CADENCE_SLIP_MS) {
    return { support: 'unsupported', supported, message: `Electron ${major} left support about ${day(end)} (${basis}). Upgrade Electron.` };
  }
  return {
    support: 'unknown',
    supported,
    message: `UNKNOWN whether Electron ${major} is still supported: its support ends about ${day(end)}, too close to today to tell offline (${basis}). Run the gate with the npm registry reachable.`,
  };
}

/** The pinned major's support: from the registry's latest when it answered, else the cadence estimate. */
function supportOf(pinned: string, registry: string | null, now: number): Omit<VersionCheck, 'ok'> {
  const pinnedMajor = majorOf(pinned);
  if (registry === null) return { pinned, source: 'release cadence', ...supportByCadence(pinnedMajor, now) };
  const latest = majorOf(registry);
  const supported = supportedMajors(latest);
  // A pin newer than the registry's latest (a prerelease) is not out of support.
  const support: Support = pinnedMajor > latest - SUPPORTED_MAJORS ? 'supported' : 'unsupported';
  const message =
    support === 'supported'
      ? `Electron ${pinned} is supported (supported majors: ${supported.join(', ')}; latest ${registry} from the registry).`
      : `Electron ${pinned} is out of support: supported majors are ${supported.join(', ')} (latest ${registry} from the registry). Upgrade Electron.`;
  return { support, pinned, source: 'registry', supported, message };
}

export function judge(pinned: string, range: string, registry: string | null, now: number): VersionCheck {
  const result = supportOf(pinned, registry, now);
  if (majorOf(range) !== majorOf(pinned)) return { ...result, ok: false, message: `package.json asks for electron ${range} but ${pinned} is installed.` };
  return { ...result, ok: result.support === 'supported' };
}

export async function checkElectronVersion(root: string, registry: string | null, now: number): Promise<VersionCheck> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '';
  const installed = JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  return judge(installed.version, range, registry, now);
}
