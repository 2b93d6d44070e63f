/** Preferences: the settings domain over a real core on temp files, with and without IT's locks. */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '@core/ipc-dispatch';
import type { PreferencesView } from '@shared/ipc/domains/settings';
import { startTempCore, unwrap, type TempCore } from './support/temp-core';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

const stored = async (core: TempCore) => (JSON.parse(await readFile(core.paths.settingsFile, 'utf8')) as { preferences: Record<string, unknown> }).preferences;

describe('preferences without managed configuration', () => {
  it('start at the defaults, nothing locked', async () => {
    t = await startTempCore();
    expect(unwrap(await t.core.api.settings.get())).toEqual({
      preferences: { language: 'system', theme: 'system', connectOnOpen: false, rdpFullScreen: false },
      locked: [],
    });
  });

  it('are changed, saved to the settings file, announced, and read back after a restart', async () => {
    t = await startTempCore();
    const announced: PreferencesView[] = [];
    t.core.events.on('settings:changed', (view) => announced.push(view));
    const view = unwrap(await t.core.api.settings.update({ language: 'ja', connectOnOpen: true }));
    expect(view.preferences).toMatchObject({ language: 'ja', theme: 'system', connectOnOpen: true });
    expect(announced).toEqual([view]);
    expect(await stored(t)).toEqual({ language: 'ja', connectOnOpen: true });
    const dir = t.dir;
    await t.core.dispose();
    const again = await startTempCore({ dir });
    try {
      expect(unwrap(await again.core.api.settings.get()).preferences).toMatchObject({ language: 'ja', connectOnOpen: true });
    } finally {
      await again.stop();
    }
  });

  it.each([
    ['an unknown language', { language: 'xx' }],
    ['a theme that is not one of the three', { theme: 'sepia' }],
    ['a non-boolean switch', { connectOnOpen: 'yes' }],
    ['an unknown preference', { userName: 'alice' }],
    ['an empty change', {}],
  ])('refuses %s at the IPC boundary and changes nothing', async (_what, patch) => {
    t = await startTempCore();
    const before = await readFile(t.paths.settingsFile, 'utf8').catch(() => 'absent');
    const result = await dispatch(t.core.api, 'settings:update', [patch]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments', params: { method: 'settings:update' } } });
    expect(await readFile(t.paths.settingsFile, 'utf8').catch(() => 'absent')).toBe(before);
  });
});

describe('preferences set by managed configuration', () => {
  const policy = {
    preferences: {
      theme: { value: 'dark' },
      rdpFullScreen: { value: true, locked: true },
      language: { value: 'de', locked: false },
    },
  };

  it('apply IT’s values and report which are locked', async () => {
    t = await startTempCore({ policy });
    expect(unwrap(await t.core.api.settings.get())).toEqual({
      preferences: { language: 'de', theme: 'dark', connectOnOpen: false, rdpFullScreen: true },
      locked: ['theme', 'rdpFullScreen'],
    });
  });

  it('refuse a change to a locked preference, the whole change, and write nothing', async () => {
    t = await startTempCore({ policy, settings: { version: 1, organizations: [], preferences: { theme: 'light' } } });
    const before = await readFile(t.paths.settingsFile, 'utf8');
    const result = await t.core.api.settings.update({ theme: 'light', connectOnOpen: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'preference-locked' } });
    expect(await readFile(t.paths.settingsFile, 'utf8')).toBe(before);
    // A value the user chose before IT locked it does not win over the lock.
    expect(unwrap(await t.core.api.settings.get()).preferences.theme).toBe('dark');
  });

  it('let the user override an unlocked default', async () => {
    t = await startTempCore({ policy });
    const view = unwrap(await t.core.api.settings.update({ language: 'fr' }));
    expect(view.preferences.language).toBe('fr');
    expect(await stored(t)).toEqual({ language: 'fr' });
  });

  it('ignore, with a notice, a policy whose preferences are invalid', async () => {
    t = await startTempCore({ policy: { preferences: { theme: { value: 'sepia' } } } });
    expect(unwrap(await t.core.api.settings.get()).preferences.theme).toBe('system');
    const notices = unwrap(await t.core.api.app.notices());
    expect(notices.map((n) => n.code)).toContain('policy-ignored');
    expect(notices.find((n) => n.code === 'policy-ignored')?.details).toMatch(/preferences\.theme\.value/);
  });
});
