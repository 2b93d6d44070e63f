import { afterEach, describe, expect, it } from 'vitest';
import { withRuntimeVersions } from '@core/settings/runtime-versions';
import { startTempCore, unwrap, type TempCore } from './support/temp-core';

let t: TempCore | null = null;
afterEach(async () => {
  await t?.stop();
  t = null;
});

describe('AppInfo reports the runtimes (Settings › About)', () => {
  it('core adds the Node version it runs on', async () => {
    t = await startTempCore();
    expect(unwrap(await t.core.api.app.info()).versions).toEqual({ node: process.versions.node });
  });

  it('keeps what the host knows (Electron, Chromium, its own Node)', () => {
    const info = withRuntimeVersions(
      { name: 'Deskbridge', version: '1.0.0', host: 'electron', platform: 'linux', versions: { electron: '45.5.0', chromium: '140.0.1', node: '22.1.0' } },
      '20.0.0',
    );
    expect(info.versions).toEqual({ electron: '45.5.0', chromium: '140.0.1', node: '22.1.0' });
  });
});
