/**
 * Settings → Network through the contract on a whole core: the proxy sign-in question goes out as
 * an event and its answer comes back through network.answerProxyLogin; IT's preset and lock; bad input.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNetwork } from '@core/network/node-network';
import type { ProxyLoginQuestion } from '@shared/ipc/domains/network';
import { type Emulator, startEmulator } from '../../emulator';
import { basicAuthProxy, oidcOrgId, oidcPolicy, signIn, startCoreOnEmulator } from './support';

let emu: Emulator;
let proxy: Server;
let proxyUrl = '';
const network = nodeNetwork({ env: {}, systemCaFiles: [] });

beforeAll(async () => {
  emu = await startEmulator();
  const started = await basicAuthProxy('ann', 'right');
  proxy = started.server;
  proxyUrl = started.url;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await emu.stop();
});

const withProxy = () => ({
  version: 1,
  organizations: [],
  preferences: { language: 'system', theme: 'system', network: { proxy: { mode: 'manual', url: proxyUrl } } },
});

describe('the proxy sign-in question, through the contract', () => {
  it('goes out as network:proxyLogin naming proxy and host; the answer signs in', async () => {
    const run = await startCoreOnEmulator({ network, emu, settings: withProxy() });
    const questions: ProxyLoginQuestion[] = [];
    run.core.events.on('network:proxyLogin', (q) => {
      questions.push(q);
      void run.core.api.network.answerProxyLogin(q.id, { username: 'ann', password: 'right' });
    });
    try {
      expect(await signIn(run.core, await oidcOrgId(run.core))).toBeNull();
      expect(questions).toHaveLength(1);
      expect(questions[0]).toMatchObject({ proxy: new URL(proxyUrl).host, forHost: new URL(emu.endpoints.oidcIssuer).host, scheme: 'basic', attempt: 1 });
      expect(await run.core.api.network.answerProxyLogin(questions[0]!.id, null)).toMatchObject({ ok: false, error: { code: 'network.noQuestion' } });
      // The password is in memory only: not in the settings file, not in the log.
      const { readFile } = await import('node:fs/promises');
      expect(await readFile(`${run.dir}/settings.json`, 'utf8')).not.toContain('right');
      expect(run.core.logger.list().some((e) => e.scope === 'network' && e.message.includes('asks for credentials'))).toBe(true);
      expect(JSON.stringify(run.core.logger.list())).not.toContain('right');
    } finally {
      await run.stop();
    }
  });

  it('cancel ends the sign-in with network.proxyCancelled', async () => {
    const run = await startCoreOnEmulator({ network, emu, settings: withProxy() });
    run.core.events.on('network:proxyLogin', (q) => void run.core.api.network.answerProxyLogin(q.id, null));
    try {
      const error = await signIn(run.core, await oidcOrgId(run.core));
      expect(error).toMatchObject({ code: 'network.proxyCancelled', params: { proxy: new URL(proxyUrl).host } });
    } finally {
      await run.stop();
    }
  });
});

describe('Settings → Network', () => {
  it('saves the user’s choice, refuses credentials in the URL and an unusable CA file', async () => {
    const run = await startCoreOnEmulator({ network, emu });
    try {
      expect(await run.core.api.network.get()).toMatchObject({ ok: true, value: { settings: { proxy: { mode: 'system' } }, managed: false, locked: false } });
      expect(await run.core.api.network.update({ proxy: { mode: 'manual', url: 'http://ann:secret@proxy.corp:3128' } })).toMatchObject({
        ok: false,
        error: { code: 'network.invalidProxyUrl' },
      });
      expect(await run.core.api.network.update({ proxy: { mode: 'none' }, caFile: `${run.dir}/missing.pem` })).toMatchObject({
        ok: false,
        error: { code: 'network.caFileUnusable' },
      });
      const saved = await run.core.api.network.update({ proxy: { mode: 'manual', url: 'http://proxy.corp:3128' } });
      expect(saved).toMatchObject({
        ok: true,
        value: { settings: { proxy: { mode: 'manual', url: 'http://proxy.corp:3128' } }, active: { description: 'PROXY proxy.corp:3128', source: 'settings' } },
      });
      const { readFile } = await import('node:fs/promises');
      expect(JSON.parse(await readFile(`${run.dir}/settings.json`, 'utf8')).preferences.network).toEqual({
        proxy: { mode: 'manual', url: 'http://proxy.corp:3128' },
      });
    } finally {
      await run.stop();
    }
  });

  it('IT’s managed configuration presets and locks the settings', async () => {
    const run = await startCoreOnEmulator({
      network,
      emu,
      settings: withProxy(),
      policy: (e) => ({ ...oidcPolicy(e), network: { proxy: { mode: 'none' }, locked: true } }),
    });
    try {
      expect(await run.core.api.network.get()).toMatchObject({
        ok: true,
        value: { settings: { proxy: { mode: 'none' } }, managed: true, locked: true, active: { description: 'DIRECT', source: 'managed' } },
      });
      expect(await run.core.api.network.update({ proxy: { mode: 'system' } })).toMatchObject({ ok: false, error: { code: 'network.locked' } });
    } finally {
      await run.stop();
    }
  });
});
