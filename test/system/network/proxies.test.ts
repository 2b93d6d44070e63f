/**
 * Issue 13, "Done when": through real proxies, sign-in (OIDC), the desktop list and a self-service
 * action work against the local cloud; wrong proxy credentials, an untrusted inspection CA and a
 * proxy that is down each give their specific error; with the inspection CA configured it works.
 */
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNetwork } from '@core/network/node-network';
import type { NetworkFactory, ProxyChallenge, ProxyCredentials } from '@core/network/port';
import type { NetworkSettings } from '@shared/models/network';
import { type Emulator, startEmulator } from '../../emulator';
import { makeCa, type TestCa } from '../../core/network/certs';
import { listAndRestart, oidcOrgId, oidcPolicy, signIn, startCoreOnEmulator } from '../../core/network/support';
import { downProxy, type Running, startHttpsFront, startInspectingProxy, startSquid, startTinyproxy } from './proxies';

const USER = 'deskbridge';
const PASS = 'proxy-pass-1';

/** The settings reach core through the settings file, as Settings → Network saves them. */
interface Setup {
  readonly settings: NetworkSettings;
  readonly network: NetworkFactory;
}

function networkWith(settings: NetworkSettings, answers: (ProxyCredentials | null)[], asked: ProxyChallenge[]): Setup {
  return { settings, network: askingNetwork(answers, asked) };
}

function askingNetwork(answers: (ProxyCredentials | null)[], asked: ProxyChallenge[]): NetworkFactory {
  const factory = nodeNetwork({ env: {}, systemCaFiles: [] });
  return (hooks) =>
    factory({
      askProxyCredentials: (challenge) => {
        asked.push(challenge);
        void hooks;
        return Promise.resolve(answers.shift() ?? null);
      },
    });
}

/** Sign in, list, restart: the whole path a user takes, through the given network. */
async function journey(emu: Emulator, setup: Setup, endpoints: { sts?: string; workspaces?: string } = {}) {
  const settings = { version: 1, organizations: [], preferences: { language: 'system', theme: 'system', network: setup.settings } };
  const run = await startCoreOnEmulator({ network: setup.network, emu, settings, policy: (e) => oidcPolicy(e, endpoints) });
  try {
    const orgId = await oidcOrgId(run.core);
    const signInError = await signIn(run.core, orgId);
    if (signInError) return { signInError, list: null };
    return { signInError, list: await listAndRestart(run.core) };
  } finally {
    await run.stop();
  }
}

let emu: Emulator;
let publicCa: TestCa;
let inspectionCa: TestCa;
let fronts: Running[] = [];
let frontEndpoints: { sts: string; workspaces: string };
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  publicCa = await makeCa('Deskbridge Test Public CA');
  inspectionCa = await makeCa('Deskbridge Test Inspection CA');
  fronts = [await startHttpsFront(publicCa, emu.endpoints.sts), await startHttpsFront(publicCa, emu.endpoints.workspaces)];
  frontEndpoints = { sts: fronts[0]!.url, workspaces: fronts[1]!.url };
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-net-ca-'));
}, 60_000);

afterAll(async () => {
  await Promise.all(fronts.map((f) => f.stop()));
  await emu.stop();
  await publicCa.remove();
  await inspectionCa.remove();
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['squid', startSquid],
  ['tinyproxy', startTinyproxy],
] as const)('%s with Basic authentication', (name, start) => {
  let proxy: Running;
  beforeAll(async () => {
    proxy = await start(USER, PASS);
  }, 30_000);
  afterAll(() => proxy.stop());

  it('asks for the proxy credentials once, then signs in, lists and restarts through it', async () => {
    const asked: ProxyChallenge[] = [];
    const result = await journey(emu, networkWith({ proxy: { mode: 'manual', url: proxy.url } }, [{ username: USER, password: PASS }], asked));
    expect(result.signInError).toBeNull();
    expect(result.list).toMatchObject({ listError: null, restart: null });
    expect(result.list!.count).toBeGreaterThan(0);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ proxy: new URL(proxy.url).host, scheme: 'basic', attempt: 1 });
  });

  it('the same works for https endpoints through CONNECT', async () => {
    const caFile = join(dir, 'public.pem');
    await writeFile(caFile, publicCa.cert);
    const asked: ProxyChallenge[] = [];
    const result = await journey(
      emu,
      networkWith({ proxy: { mode: 'manual', url: proxy.url }, caFile }, [{ username: USER, password: PASS }], asked),
      frontEndpoints,
    );
    expect(result.signInError).toBeNull();
    expect(result.list).toMatchObject({ listError: null, restart: null });
    expect(asked).toHaveLength(1);
  });
});

// tinyproxy 1.11 answers wrong credentials with a 401 of its own, not a 407: squid shows this one.
describe('squid with Basic authentication, wrong credentials', () => {
  let proxy: Running;
  beforeAll(async () => {
    proxy = await startSquid(USER, PASS);
  }, 30_000);
  afterAll(() => proxy.stop());

  it('wrong proxy credentials: a bounded number of asks, then the proxy-refused error naming proxy and host', async () => {
    const asked: ProxyChallenge[] = [];
    const wrong = { username: USER, password: 'not-it' };
    const result = await journey(emu, networkWith({ proxy: { mode: 'manual', url: proxy.url } }, [wrong, wrong, wrong, wrong], asked));
    expect(result.signInError?.code).toBe('network.proxyAuth');
    expect(result.signInError?.params).toMatchObject({ proxy: new URL(proxy.url).host, host: new URL(emu.endpoints.oidcIssuer).host });
    expect(asked).toHaveLength(3);
    expect(JSON.stringify(result.signInError)).not.toContain('not-it');
  });
});

describe('a TLS-inspecting proxy with its own CA', () => {
  let proxy: Running & { inspected: () => number };
  beforeAll(async () => {
    proxy = await startInspectingProxy(inspectionCa, publicCa);
  });
  afterAll(() => proxy.stop());

  it('untrusted inspection CA: the TLS inspection error, with the issuer’s name and the host', async () => {
    const caFile = join(dir, 'public-only.pem');
    await writeFile(caFile, publicCa.cert);
    const result = await journey(emu, networkWith({ proxy: { mode: 'manual', url: proxy.url }, caFile }, [], []), frontEndpoints);
    expect(result.signInError?.code).toBe('network.tlsInspection');
    expect(result.signInError?.params).toMatchObject({
      host: new URL(frontEndpoints.sts).host,
      issuer: expect.stringContaining('Deskbridge Test Inspection CA'),
    });
  });

  it('with the inspection CA in the CA file: sign-in, list and restart work, inspected', async () => {
    const caFile = join(dir, 'with-inspection.pem');
    await writeFile(caFile, `${publicCa.cert}\n${await readFile(inspectionCa.certFile, 'utf8')}`);
    const before = proxy.inspected();
    const result = await journey(emu, networkWith({ proxy: { mode: 'manual', url: proxy.url }, caFile }, [], []), frontEndpoints);
    expect(result.signInError).toBeNull();
    expect(result.list).toMatchObject({ listError: null, restart: null });
    expect(proxy.inspected()).toBeGreaterThan(before);
  });
});

describe('a proxy that is down', () => {
  it('sign-in fails with the proxy-unreachable error naming the proxy', async () => {
    const url = await downProxy();
    const result = await journey(emu, networkWith({ proxy: { mode: 'manual', url } }, [], []));
    expect(result.signInError?.code).toBe('network.proxyUnreachable');
    expect(result.signInError?.params).toMatchObject({ proxy: new URL(url).host });
  });
});
