/**
 * Electron's own folders (userData, sessionData, crashDumps, logs) and the native clients'
 * connection files (.rdp, .dcv) live in a per-run private temp folder that is removed on quit;
 * folders left by a crashed run are swept at the next start
 * (docs/architecture.md, the privacy contract). Plain Node so it is tested without Electron.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const RUN_DIR_PREFIX = 'deskbridge-run-';
export const ELECTRON_DIRS = ['userData', 'sessionData', 'crashDumps', 'logs'] as const;
export type ElectronDir = (typeof ELECTRON_DIRS)[number];

/** Where core writes connection files for native clients, inside the run folder. */
export const CONNECTION_FILES_DIR = 'connection-files';

export interface RunDir {
  readonly root: string;
  readonly dirs: Readonly<Record<ElectronDir, string>>;
  /** Connection files (.rdp, .dcv, with host and user name): swept with the rest after a crash. */
  readonly files: string;
}

/**
 * Names the run folder without touching the disk, so Electron's paths can be set synchronously
 * before 'ready'; the random part makes it unguessable for other users of a shared temp folder.
 */
export function planRunDir(tmpRoot: string, pid: number = process.pid, random: string = randomBytes(8).toString('hex')): RunDir {
  const root = join(tmpRoot, `${RUN_DIR_PREFIX}${pid}-${random}`);
  const dirs = Object.fromEntries(ELECTRON_DIRS.map((name) => [name, join(root, name)])) as Record<ElectronDir, string>;
  return { root, dirs, files: join(root, CONNECTION_FILES_DIR) };
}

/**
 * Creates the run folder private to this user (0700) before Chromium uses it. If Chromium or
 * anyone else got there first, it must still be a real folder owned by us; then it is re-locked.
 */
export async function prepareRunDir(run: RunDir): Promise<void> {
  await mkdir(run.root, { recursive: true, mode: 0o700 });
  const info = await lstat(run.root);
  if (!info.isDirectory() || info.isSymbolicLink()) throw new Error('The private temp folder is not a folder.');
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) throw new Error('The private temp folder belongs to another user.');
  await chmod(run.root, 0o700);
  for (const dir of [...Object.values(run.dirs), run.files]) await mkdir(dir, { recursive: true, mode: 0o700 });
}

export async function removeRunDir(run: RunDir): Promise<void> {
  await rm(run.root, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** The pid a run folder name carries, or null for anything that is not one of ours. */
export function runDirPid(name: string): number | null {
  const match = new RegExp(`^${RUN_DIR_PREFIX}(\\d{1,10})-[0-9a-f]{16}$`).exec(name);
  return match ? Number(match[1]) : null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes run folders of runs that are gone (crashed or killed). Only our own folders: real
 * directories (never symlinks) owned by this user, whose process is no longer alive.
 */
export async function sweepStaleRunDirs(
  tmpRoot: string,
  isAlive: (pid: number) => boolean = isProcessAlive,
  keep: string | null = null,
): Promise<readonly string[]> {
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of await readdir(tmpRoot).catch(() => [] as string[])) {
    const pid = runDirPid(name);
    const path = join(tmpRoot, name);
    if (pid === null || path === keep || isAlive(pid)) continue;
    const info = await lstat(path).catch(() => null);
    if (!info || !info.isDirectory() || info.isSymbolicLink()) continue;
    if (uid !== undefined && info.uid !== uid) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}
