import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redirectElectronDirs, removeOnQuit } from '@main/lifecycle';
import { electronPaths, settingsFolder } from '@main/platform/paths';

let tmpRoot: string;
beforeEach(async () => {
  tmpRoot = await mkdtemp(join(tmpdir(), 'deskbridge-lifecycle-test-'));
});
afterEach(async () => {
  await rm(tmpRoot, { recursive: true, force: true });
});

function fakeApp() {
  const emitter = new EventEmitter();
  const paths = new Map<string, string>([
    ['temp', tmpRoot],
    ['appData', '/home/u/.config'],
  ]);
  return Object.assign(emitter, {
    paths,
    getPath: (name: string) => paths.get(name) ?? '',
    setPath: (name: string, value: string) => void paths.set(name, value),
    setAppLogsPath: (value: string) => void paths.set('logs', value),
    quit: vi.fn(),
  });
}

describe('Electron folders', () => {
  it('points userData, sessionData, crashDumps and logs into one private temp folder', async () => {
    const app = fakeApp();
    const { run, prepare } = redirectElectronDirs(app);
    await prepare;
    for (const name of ['userData', 'sessionData', 'crashDumps', 'logs']) {
      expect(app.paths.get(name)!.startsWith(run.root + '/')).toBe(true);
    }
    expect((await stat(run.root)).mode & 0o777).toBe(0o700);
    expect(await readdir(tmpRoot)).toEqual([run.root.slice(tmpRoot.length + 1)]);
  });

  it('keeps the settings file in a stable app-data folder, outside the temp folder', () => {
    const dir = settingsFolder('/home/u/.config');
    expect(dir).toBe('/home/u/.config/Deskbridge');
    expect(electronPaths(dir, {}, true).settingsFile).toBe('/home/u/.config/Deskbridge/settings.json');
  });

  it('disposes core and removes the temp folder before the app really quits', async () => {
    const app = fakeApp();
    const { run, prepare } = redirectElectronDirs(app);
    await prepare;
    const dispose = vi.fn(async () => undefined);
    removeOnQuit(app as never, run, dispose, (error) => {
      throw error;
    });

    const first = { preventDefault: vi.fn() };
    app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(dispose).toHaveBeenCalledOnce();
    expect(await readdir(tmpRoot)).toEqual([]);

    const second = { preventDefault: vi.fn() };
    app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
