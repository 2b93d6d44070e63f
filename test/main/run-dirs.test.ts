import { spawn } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { RemoteSessionService } from '@core/sessions/remote-session-service';
import { TempFiles } from '@core/sessions/temp-files';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { electronHandoff } from '@main/platform/electron-handoff';
import { electronSessionPorts } from '@main/windows/session-window';
import { desktop, FakeHandoff, FakeLauncher, ORG } from '../core/sessions/fakes';
import { BrowserWindow } from './fake-electron';
import { ELECTRON_DIRS, isProcessAlive, planRunDir, prepareRunDir, removeRunDir, runDirPid, sweepStaleRunDirs } from '@main/platform/run-dirs';

let tmpRoot: string;
beforeEach(async () => {
  tmpRoot = await mkdtemp(join(tmpdir(), 'deskbridge-rundirs-test-'));
});
afterEach(async () => {
  await rm(tmpRoot, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

describe('per-run private temp folder', () => {
  it('names an unguessable folder per run without touching the disk', async () => {
    const a = planRunDir(tmpRoot, 4242);
    const b = planRunDir(tmpRoot, 4242);
    expect(a.root).not.toBe(b.root);
    expect(runDirPid(a.root.slice(tmpRoot.length + 1))).toBe(4242);
    expect(Object.keys(a.dirs).sort()).toEqual([...ELECTRON_DIRS].sort());
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('creates the folder and its Electron subfolders private to the user (0700)', async () => {
    const run = planRunDir(tmpRoot);
    await prepareRunDir(run);
    expect((await stat(run.root)).mode & 0o777).toBe(0o700);
    for (const dir of [...Object.values(run.dirs), run.files]) expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('re-locks a folder Chromium created first with a looser mode', async () => {
    const run = planRunDir(tmpRoot);
    await mkdir(run.root, { mode: 0o755 });
    await prepareRunDir(run);
    expect((await stat(run.root)).mode & 0o777).toBe(0o700);
  });

  it('refuses a symlink planted where the folder should be', async () => {
    const run = planRunDir(tmpRoot);
    const elsewhere = join(tmpRoot, 'elsewhere');
    await mkdir(elsewhere);
    await symlink(elsewhere, run.root);
    await expect(prepareRunDir(run)).rejects.toThrow(/not a folder/);
  });

  it('removes the folder and everything Electron wrote into it', async () => {
    const run = planRunDir(tmpRoot);
    await prepareRunDir(run);
    await writeFile(join(run.dirs.sessionData, 'Cookies'), 'session');
    await removeRunDir(run);
    expect(await readdir(tmpRoot)).toEqual([]);
  });
});

describe('sweeping folders left by crashed runs', () => {
  it('removes folders whose process is gone and keeps live ones, the current one and strangers', async () => {
    const dead = planRunDir(tmpRoot, await deadPid());
    const alive = planRunDir(tmpRoot, process.pid);
    const current = planRunDir(tmpRoot, 999_999);
    for (const run of [dead, alive, current]) await prepareRunDir(run);
    await writeFile(join(dead.dirs.crashDumps, 'dump.dmp'), 'memory');
    const stranger = join(tmpRoot, 'deskbridge-run-notes');
    await mkdir(stranger);

    const removed = await sweepStaleRunDirs(tmpRoot, isProcessAlive, current.root);

    expect(removed).toEqual([dead.root]);
    expect((await readdir(tmpRoot)).sort()).toEqual([alive.root, current.root, stranger].map((p) => p.slice(tmpRoot.length + 1)).sort());
  });

  it('never follows a symlink that looks like a stale run folder', async () => {
    const victim = join(tmpRoot, 'victim');
    await mkdir(victim);
    await writeFile(join(victim, 'precious'), 'keep me');
    const fake = planRunDir(tmpRoot, await deadPid());
    await symlink(victim, fake.root);

    expect(await sweepStaleRunDirs(tmpRoot, () => false)).toEqual([]);
    expect((await lstat(join(victim, 'precious'))).isFile()).toBe(true);
  });

  it('removes the .rdp file a crashed run left behind, host and user name inside', async () => {
    const crashed = planRunDir(tmpRoot, await deadPid());
    await prepareRunDir(crashed);
    // The sessions service as electron/main wires it: connection files in the run folder.
    const ports = electronSessionPorts({
      BrowserWindow: BrowserWindow as unknown as Parameters<typeof electronSessionPorts>[0]['BrowserWindow'],
      preloadDir: '/p',
      partition: 'deskbridge-main',
      devTools: false,
      trusted: {},
      run: crashed,
      handoff: electronHandoff({} as Parameters<typeof electronHandoff>[0], { openExternal: async () => undefined }, 'linux'),
    });
    const launcher = new FakeLauncher();
    launcher.installed.add('xfreerdp');
    const current = desktop({ connectTag: 'rdp://10.0.0.5', userName: 'CORP\\jdoe' });
    const service = new RemoteSessionService({
      events: new EventBus(),
      secrets: new MemorySecretStore(),
      browser: { open: async () => undefined },
      launcher,
      handoff: new FakeHandoff(),
      platform: 'linux',
      log: new Logger().scoped('sessions'),
      now: () => 0,
      files: new TempFiles(ports.tempDir),
      findOrg: () => ORG,
      findDesktop: () => current,
    });
    expect(await service.connect(current.key)).toMatchObject({ ok: true });
    const written = await filesUnder(tmpRoot);
    expect(written.filter((f) => f.endsWith('.rdp'))).toHaveLength(1);
    expect(written[0]!.startsWith(`${crashed.root}/`)).toBe(true);

    // The process dies here: no dispose, no quit. The next start sweeps.
    expect(await sweepStaleRunDirs(tmpRoot, isProcessAlive)).toEqual([crashed.root]);
    expect(await filesUnder(tmpRoot)).toEqual([]);
  });

  it('copes with a temp folder that does not exist', async () => {
    expect(await sweepStaleRunDirs(join(tmpRoot, 'missing'))).toEqual([]);
  });

  it('tells live processes from dead ones', async () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(await deadPid())).toBe(false);
  });
});
