import fc from 'fast-check';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySettings, type Settings } from '@core/settings/settings-schema';
import { setAsidePath, SettingsStore } from '@core/settings/settings-store';
import type { OrgProfile } from '@shared/models/org';
import { startTempCore, storedProfile, tempDir, unwrap } from './support/temp-core';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await tempDir('deskbridge-settings-');
  file = join(dir, 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const profile = (id: string, code: string, name = code) => storedProfile(id, code, name) as unknown as OrgProfile;
const settingsWith = (...organizations: OrgProfile[]): Settings => ({ ...emptySettings(), organizations });
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('SettingsStore: writing', () => {
  it('starts empty without a file and creates none until something changes', async () => {
    const store = new SettingsStore(file);
    expect(await store.load()).toEqual({ settings: emptySettings() });
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes what it holds, readable by the next start, private to the user', async () => {
    const store = new SettingsStore(join(dir, 'nested', 'settings.json'));
    await store.update((s) => ({ ...s, organizations: [profile('a', 'alpha')] }));
    const again = new SettingsStore(join(dir, 'nested', 'settings.json'));
    expect(await again.load()).toEqual({ settings: settingsWith(profile('a', 'alpha')) });
    expect((await stat(join(dir, 'nested', 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('never lets a reader see a partial file while many large writes run, and leaves no temp file', async () => {
    const store = new SettingsStore(file);
    await store.load();
    const big = 'x'.repeat(60);
    let done = false;
    let reads = 0;
    const reader = (async () => {
      while (!done) {
        const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
        if (text !== null) {
          expect(() => JSON.parse(text)).not.toThrow();
          reads++;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const writes: Promise<Settings>[] = [];
    for (let i = 0; i < 40; i++) {
      const orgs = Array.from({ length: 200 }, (_, j) => profile(`${i}-${j}`, `c${j}`, `${big}${i}`));
      writes.push(store.update((s) => ({ ...s, organizations: orgs })));
    }
    await Promise.all(writes);
    done = true;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('serialises concurrent updates: none is lost and the last one wins', async () => {
    const store = new SettingsStore(file);
    await store.load();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => store.update((s) => ({ ...s, organizations: [...s.organizations, profile(`id${i}`, `code${i}`)] }))),
    );
    const names = ['first', 'second', 'third', 'last'];
    await Promise.all(names.map((name) => store.update((s) => ({ ...s, organizations: s.organizations.map((o) => (o.id === 'id0' ? { ...o, name } : o)) }))));
    const onDisk = (await readJson(file)) as Settings;
    expect(onDisk).toEqual(store.get());
    expect(onDisk.organizations.map((o) => o.id)).toEqual(Array.from({ length: 25 }, (_, i) => `id${i}`));
    expect(onDisk.organizations[0]!.name).toBe('last');
  });
});

describe('SettingsStore: recovery', () => {
  const valid = settingsWith(profile('a', 'alpha'), profile('b', 'bravo'));

  it('recovers from a truncated file: fresh settings, a notice, the damaged copy set aside', async () => {
    const whole = JSON.stringify(valid, null, 2);
    await writeFile(file, whole.slice(0, Math.floor(whole.length / 2)));
    const store = new SettingsStore(file);
    const loaded = await store.load();
    expect(loaded.settings).toEqual(emptySettings());
    expect(loaded.recovery?.message).toBe('Your settings file was damaged, so Deskbridge started with fresh settings.');
    expect(loaded.recovery?.details).toContain('not valid JSON');
    expect(loaded.recovery?.details).toContain(setAsidePath(file));
    expect(await readFile(setAsidePath(file), 'utf8')).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(await readJson(file)).toEqual(emptySettings());
  });

  it('recovers from a schema-invalid file: valid organizations kept, bad ones dropped, the original set aside', async () => {
    const bad = { ...storedProfile('c', 'charlie'), signIn: { ...(storedProfile('c', 'c').signIn as object), issuer: 'http://evil.example' } };
    const sneakyManaged = { ...storedProfile('d', 'delta'), managed: true };
    const original = { ...valid, organizations: [valid.organizations[0], bad, valid.organizations[1], sneakyManaged, 'junk'] };
    await writeFile(file, JSON.stringify(original));
    const loaded = await new SettingsStore(file).load();
    expect(loaded.settings.organizations.map((o) => o.id)).toEqual(['a', 'b']);
    expect(loaded.recovery?.message).toBe('Some of your settings were invalid and were reset; everything else was kept.');
    expect(loaded.recovery?.details).toContain('organization #2, organization #4, organization #5');
    expect(await readJson(setAsidePath(file))).toEqual(original);
    expect(await readJson(file)).toEqual(loaded.settings);
  });

  it.each([
    ['an empty file', ''],
    ['binary garbage', '\u0000\u00ff\ufffd{'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a newer version', JSON.stringify({ ...emptySettings(), version: 2 })],
    ['organizations that are not a list', JSON.stringify({ ...emptySettings(), organizations: {} })],
  ])('starts with fresh settings and a notice from %s', async (_what, content) => {
    await writeFile(file, content);
    const loaded = await new SettingsStore(file).load();
    expect(loaded.settings).toEqual(emptySettings());
    expect(loaded.recovery?.message).toMatch(/fresh settings/);
    expect(await readFile(setAsidePath(file), 'utf8')).toBe(content);
  });

  it('quietly cleans cosmetic differences (unknown top-level keys, unknown preference values)', async () => {
    await writeFile(file, JSON.stringify({ ...valid, extra: 1, preferences: { language: 'xx', theme: 'dark', connectOnOpen: 'yes' } }));
    const loaded = await new SettingsStore(file).load();
    expect(loaded.recovery).toBeUndefined();
    expect(loaded.settings).toEqual({ ...valid, preferences: { theme: 'dark' } });
    expect(await readJson(file)).toEqual(loaded.settings);
  });

  it('starts with fresh settings and a notice when the settings path cannot be read as a file', async () => {
    await mkdir(file);
    const loaded = await new SettingsStore(file).load();
    expect(loaded.settings).toEqual(emptySettings());
    expect(loaded.recovery?.message).toMatch(/could not be read/);
  });

  it('shows the recovery as a warning notice when core starts, and keeps the valid organizations', async () => {
    const bad = { ...storedProfile('c', 'charlie'), name: '' };
    const t = await startTempCore({ settings: { ...valid, organizations: [...valid.organizations, bad] } });
    try {
      const notices = unwrap(await t.core.api.app.notices());
      expect(notices).toEqual([
        expect.objectContaining({ level: 'warning', message: 'Some of your settings were invalid and were reset; everything else was kept.' }),
      ]);
      expect(unwrap(await t.core.api.orgs.list()).organizations.map((o) => o.id)).toEqual(['a', 'b']);
    } finally {
      await t.stop();
    }
  });

  it('never crashes core, whatever the settings file holds', async () => {
    const content = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json(),
      fc
        .record({
          version: fc.constantFrom(1, 2, '1'),
          organizations: fc.array(fc.oneof(fc.anything(), fc.constant(storedProfile('x', 'xray'))), { maxLength: 4 }),
          preferences: fc.anything(),
        })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        const runDir = await tempDir('deskbridge-fuzz-');
        try {
          await writeFile(join(runDir, 'settings.json'), text);
          const t = await startTempCore({ dir: runDir });
          const list = unwrap(await t.core.api.orgs.list());
          await t.stop();
          // Whatever was loaded is now on disk in a form the next start reads without a notice.
          const again = await new SettingsStore(join(runDir, 'settings.json')).load();
          expect(again.recovery).toBeUndefined();
          expect(again.settings.organizations).toEqual(list.organizations);
        } finally {
          await rm(runDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  });
});
