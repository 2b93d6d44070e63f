/**
 * `npm run web`: the test harness as a developer tool. Serves the real renderer backed by the
 * real core in any local browser — how Deskbridge is tried where the Electron binary is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../electron/core';
import { nodeNetwork } from '@core/network/node-network';
import { KeytarSecretStore } from '@core/vault/keytar-secret-store';
import { buildRendererForWeb } from './build-renderer';
import { isWebHostOrigin, startHarness } from './server';
import { systemBrowser } from './system-browser';

const { values } = parseArgs({
  options: {
    settings: { type: 'string' },
    policy: { type: 'string' },
    port: { type: 'string', default: '0' },
  },
});

const temp = await mkdtemp(join(tmpdir(), 'deskbridge-web-settings-'));
const settingsDir = values.settings ? resolve(values.settings) : temp;
const core = await createCore({
  info: { name: 'Deskbridge', version: process.env.npm_package_version ?? '0.0.0', host: 'web', platform: process.platform },
  paths: { settingsFile: join(settingsDir, 'settings.json'), policyFile: values.policy ?? process.env.DESKBRIDGE_POLICY_FILE ?? null },
  secrets: new KeytarSecretStore(),
  browser: systemBrowser(),
  sessions: { viewerOrigin: isWebHostOrigin },
  // The web host's network port: undici (HTTPS_PROXY/HTTP_PROXY/NO_PROXY, Settings → Network, extra CAs).
  network: nodeNetwork(),
});
const rendererDir = await buildRendererForWeb();
const harness = await startHarness(core, rendererDir, Number(values.port));
process.stdout.write(`\nDeskbridge (web host) is running. Open this address in a browser on this machine:\n\n  ${harness.url}\n\nPress Ctrl+C to stop.\n`);

async function stop(): Promise<void> {
  await harness.stop();
  await core.dispose();
  await rm(rendererDir, { recursive: true, force: true });
  await rm(temp, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
