/**
 * The in-app viewer: click (sessions.connect) to the first remote frame on screen against Xvnc on
 * loopback, and the VNC bridge's throughput next to a direct TCP connection in the same run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createCore } from '../../electron/core';
import { Logger } from '../../electron/core/log/logger';
import { VncBridge } from '../../electron/core/sessions';
import { VNC_SECRET_SERVICE } from '../../electron/core/sessions/session-service';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store';
import type { Desktop } from '../../shared/models/desktop';
import { launchChromium } from '../e2e/support/chromium';
import { buildRendererForWeb } from '../harness/build-renderer';
import { startHarness } from '../harness/server';
import { run, startXvnc } from '../system/support/xvnc';
import { atMost, type Benchmark, type Figure } from './figures';

const RUNS = 7;
const PAYLOAD = 64 * 1024 * 1024;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Without a password (SecurityTypes None), and with VncAuth and a password the user chose to keep
 * in the keychain (the ticket carries it; noVNC answers the challenge without asking).
 */
async function firstFrame(password?: string): Promise<Figure[]> {
  const xvnc = await startXvnc(password === undefined ? {} : { password });
  await run('xsetroot', ['-solid', '#3366cc'], xvnc.env);
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-bench-vnc-'));
  const rendererDir = await buildRendererForWeb();
  let desktop: Desktop | undefined;
  const secrets = new MemorySecretStore();
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-bench', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile: null },
    secrets,
    browser: { open: async () => undefined },
    sessions: { findDesktop: () => desktop },
  });
  const browser = await launchChromium();
  const harness = await startHarness(core, rendererDir);
  try {
    const org = await core.api.orgs.add({ code: 'WSpdx+ABC12D', name: 'Bench', signIn: { method: 'oidc', issuer: 'https://idp.example.com', clientId: 'c', roleArn: 'arn:aws:iam::123456789012:role/R', userNameClaim: 'preferred_username' } });
    if (!org.ok) throw new Error(org.error.message);
    desktop = { key: `${org.value.id}/ws-bench0001`, orgId: org.value.id, workspaceId: 'ws-bench0001', directoryId: 'd-1234567890', userName: 'bench', name: 'Bench', state: 'AVAILABLE', protocols: [], modifications: [], connectTag: `vnc://127.0.0.1:${xvnc.port}` };
    if (password !== undefined) await secrets.set(VNC_SECRET_SERVICE, desktop.key, password);
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await context.newPage();
      const start = performance.now();
      const result = await core.api.sessions.connect(org.value.id, 'ws-bench0001');
      if (!result.ok || result.value.kind !== 'session' || !result.value.viewerPath) throw new Error('No viewer session.');
      const [path, fragment = ''] = result.value.viewerPath.split('#');
      await page.goto(`${harness.origin}/${path}#token=${harness.token}&${fragment}`);
      await page.waitForFunction(
        () => {
          const canvas = [...document.querySelectorAll('canvas')].filter((c) => c.width > 0).at(-1);
          const d = canvas?.getContext('2d')?.getImageData(10, 10, 1, 1).data;
          return d !== undefined && d[0] === 0x33 && d[1] === 0x66 && d[2] === 0xcc;
        },
        undefined,
        { polling: 'raf', timeout: 15_000 },
      );
      // The first run warms Chromium's caches; it is not counted.
      if (i > 0) times.push(performance.now() - start);
      await core.api.sessions.disconnect(result.value.session.id);
      await page.close();
    }
    await context.close();
    const how = password === undefined ? 'no password' : 'remembered password';
    return [
      { benchmark: 'vnc viewer', metric: `click to first frame, ${how} (median)`, value: median(times), unit: 'ms', target: atMost(500, 'ms') },
      { benchmark: 'vnc viewer', metric: `click to first frame, ${how} (best)`, value: Math.min(...times), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await harness.stop();
    await core.dispose();
    await xvnc.stop();
    await rm(rendererDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

/** A TCP peer that sends PAYLOAD bytes to whoever connects, then closes. */
async function source(): Promise<{ port: number; close(): Promise<void> }> {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const server = createServer((socket) => {
    let sent = 0;
    const pump = () => {
      while (sent < PAYLOAD) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      socket.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function throughput(): Promise<Figure[]> {
  const peer = await source();
  const bridge = new VncBridge(new Logger().scoped('bench'), { upstreamOpen: () => undefined, closed: () => undefined });
  try {
    const direct = await new Promise<number>((resolve, reject) => {
      const start = performance.now();
      let bytes = 0;
      const socket = connect({ host: '127.0.0.1', port: peer.port });
      socket.on('data', (data: Buffer) => (bytes += data.length));
      socket.once('error', reject);
      socket.once('end', () => resolve((bytes / (1024 * 1024)) / ((performance.now() - start) / 1000)));
    });
    const url = await bridge.issue('bench', { host: '127.0.0.1', port: peer.port }, 'app://deskbridge');
    const bridged = await new Promise<number>((resolve, reject) => {
      const start = performance.now();
      let bytes = 0;
      const ws = new WebSocket(url, { origin: 'app://deskbridge', perMessageDeflate: false });
      ws.on('message', (data: Buffer) => (bytes += data.length));
      ws.once('error', reject);
      ws.once('close', () => resolve((bytes / (1024 * 1024)) / ((performance.now() - start) / 1000)));
    });
    return [
      { benchmark: 'vnc bridge', metric: 'direct TCP throughput (64 MiB)', value: direct, unit: 'MiB/s' },
      { benchmark: 'vnc bridge', metric: 'through the WebSocket bridge', value: bridged, unit: 'MiB/s' },
      { benchmark: 'vnc bridge', metric: 'bridge / direct', value: bridged / direct, unit: '×' },
    ];
  } finally {
    await bridge.stop();
    await peer.close();
  }
}

const bench: Benchmark = async () => [...(await throughput()), ...(await firstFrame()), ...(await firstFrame('bench-pw'))];
export default bench;
