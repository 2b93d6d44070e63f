/**
 * A whole core on the local cloud, with the network port of the test's choosing: sign in (OIDC,
 * the emulator's login form played by the "browser"), the desktop list, and one self-service action.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core';
import type { NetworkFactory } from '@core/network/port';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import type { AppError } from '@shared/ipc/result';
import type { ManagedPolicy } from '@shared/models/org';
import { type Emulator, startEmulator } from '../../emulator';
import { ALICE, playingBrowser, type PlayedBrowser } from '../auth/support';

export interface CoreOnEmulator {
  readonly emu: Emulator;
  readonly core: Core;
  readonly browser: PlayedBrowser;
  readonly dir: string;
  stop(): Promise<void>;
}

/** The demo's OIDC organization, with its AWS endpoints optionally moved (an https front). */
export function oidcPolicy(emu: Emulator, endpoints: { sts?: string; workspaces?: string } = {}): ManagedPolicy {
  const org = emu.demo.managedPolicy.organizations.find((o) => o.signIn.method === 'oidc')!;
  return { ...emu.demo.managedPolicy, organizations: [{ ...org, endpoints: { ...org.endpoints, ...endpoints } }] };
}

export async function startCoreOnEmulator(options: {
  network: NetworkFactory;
  policy?: (emu: Emulator) => ManagedPolicy;
  emu?: Emulator;
  settings?: unknown;
}): Promise<CoreOnEmulator> {
  const emu = options.emu ?? (await startEmulator());
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-net-'));
  const policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify((options.policy ?? oidcPolicy)(emu)));
  if (options.settings !== undefined) await writeFile(join(dir, 'settings.json'), JSON.stringify(options.settings));
  const browser = playingBrowser(ALICE);
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile },
    secrets: new MemorySecretStore(),
    browser,
    network: options.network,
  });
  return {
    emu,
    core,
    browser,
    dir,
    stop: async () => {
      await core.dispose();
      if (!options.emu) await emu.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function oidcOrgId(core: Core): Promise<string> {
  return core.api.orgs.list().then((r) => {
    if (!r.ok) throw new Error(r.error.message);
    const org = r.value.organizations.find((o) => o.signIn.method === 'oidc');
    if (!org) throw new Error('no OIDC organization');
    return org.id;
  });
}

/** Signs in; the AppError when it fails. */
export async function signIn(core: Core, orgId: string): Promise<AppError | null> {
  const result = await core.api.auth.signIn(orgId, { staySignedIn: false });
  if (!result.ok) return result.error;
  return result.value.state === 'signed-in' ? null : (result.value.error ?? { code: 'internal-error', message: `state ${result.value.state}` });
}

/** The list after a refresh, and a restart of the first desktop that allows one. */
export async function listAndRestart(core: Core): Promise<{ count: number; restart: AppError | null; listError: AppError | null }> {
  const listed = await core.api.desktops.refresh();
  if (!listed.ok) return { count: 0, restart: null, listError: listed.error };
  const orgError = listed.value.orgs.find((o) => o.error)?.error ?? null;
  const target = listed.value.desktops.find((d) => d.state === 'AVAILABLE');
  if (!target)
    return { count: listed.value.desktops.length, restart: null, listError: orgError ?? { code: 'internal-error', message: 'no AVAILABLE desktop' } };
  const restarted = await core.api.desktops.restart(target.key);
  return { count: listed.value.desktops.length, restart: restarted.ok ? null : restarted.error, listError: orgError };
}

/**
 * A forward proxy on 127.0.0.1 that wants Basic user:pass (absolute-URI requests; CONNECT is
 * refused with 407 too). `seen` counts the requests it received; the caller closes `server`.
 */
export async function basicAuthProxy(user: string, pass: string): Promise<{ url: string; seen: number; readonly server: Server }> {
  const expected = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  const server = createServer((req, res) => {
    state.seen += 1;
    if (req.headers['proxy-authorization'] !== expected) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' }).end();
      return;
    }
    const target = new URL(req.url ?? '/');
    const { 'proxy-authorization': _used, ...headers } = req.headers;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  const state = { url: '', seen: 0, server };
  server.on('connect', (_req, socket) => {
    socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
