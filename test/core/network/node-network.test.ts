/** The undici adapter of the network port against real local servers: proxy sign-in, TLS inspection, failures. */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '@core/auth/auth-error';
import { explainNetworkError } from '@core/auth/network-error';
import { checkProxyUrl, MAX_PROXY_ASKS, NodeNetwork, NetworkSettingsError, proxyChallengeOf } from '@core/network/node-network';
import { classifyTransportError, NetworkFailure } from '@core/network/network-failure';
import type { ProxyChallenge, ProxyCredentials } from '@core/network/port';
import { bypassesProxy, environmentProxyFor } from '@core/network/proxy-env';
import { NetworkSdkHandler } from '@core/network/sdk-handler';
import { describeFailure } from '@core/workspaces/aws-errors';
import type { NetworkSettings } from '@shared/models/network';
import { makeCa, type TestCa } from './certs';
import { basicAuthProxy as startBasicAuthProxy } from './support';

const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The shared Basic-auth proxy, closed with this file's other servers. */
async function basicAuthProxy(user: string, pass: string): Promise<{ url: string; seen: number }> {
  const proxy = await startBasicAuthProxy(user, pass);
  servers.push(proxy.server);
  return proxy;
}

function network(settings: NetworkSettings, answers: (ProxyCredentials | null)[] = [], asked: ProxyChallenge[] = []): NodeNetwork {
  return new NodeNetwork(
    {
      askProxyCredentials: (challenge) => {
        asked.push(challenge);
        return Promise.resolve(answers.shift() ?? null);
      },
    },
    { env: {}, systemCaFiles: [], settings },
  );
}

let origin = '';
let ca: TestCa;
let tlsOrigin = '';

beforeAll(async () => {
  origin = `http://${await listen(createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')))}`;
  ca = await makeCa('Corp Inspection CA');
  const leaf = await ca.leaf('127.0.0.1');
  tlsOrigin = `https://${await listen(createHttpsServer({ key: leaf.key, cert: leaf.cert }, (_req, res) => res.writeHead(200).end('secure')))}`;
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections?.();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await ca.remove();
});

async function failureOf(promise: Promise<unknown>): Promise<NetworkFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkFailure);
  return error as NetworkFailure;
}

describe('proxy sign-in (Basic, 407)', () => {
  it('asks once, keeps the answer in memory and reuses it for the next request', async () => {
    const proxy = await basicAuthProxy('ann', 'right');
    const asked: ProxyChallenge[] = [];
    const net = network({ proxy: { mode: 'manual', url: proxy.url } }, [{ username: 'ann', password: 'right' }], asked);
    expect((await net.fetch(`${origin}/a`)).status).toBe(200);
    expect((await net.fetch(`${origin}/b`)).status).toBe(200);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ proxy: new URL(proxy.url).host, scheme: 'basic', forHost: new URL(origin).host, attempt: 1 });
    await net.dispose();
  });

  it('a wrong password is asked again at most MAX_PROXY_ASKS times, then a clear error, and never asked again this run', async () => {
    const proxy = await basicAuthProxy('ann', 'right');
    const asked: ProxyChallenge[] = [];
    const wrong = { username: 'ann', password: 'wrong' };
    const net = network({ proxy: { mode: 'manual', url: proxy.url } }, [wrong, wrong, wrong, wrong, wrong], asked);
    const failure = await failureOf(net.fetch(`${origin}/x`));
    expect(failure.kind).toBe('proxy-auth');
    expect(failure.extra.cancelled).toBeUndefined();
    expect(asked.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(asked).toHaveLength(MAX_PROXY_ASKS);
    expect((await failureOf(net.fetch(`${origin}/y`))).kind).toBe('proxy-auth');
    expect(asked).toHaveLength(MAX_PROXY_ASKS);
    expect(failure.message).not.toContain('wrong');
    await net.dispose();
  });

  it('cancel is a clear error of its own', async () => {
    const proxy = await basicAuthProxy('ann', 'right');
    const net = network({ proxy: { mode: 'manual', url: proxy.url } }, [null]);
    const failure = await failureOf(net.fetch(`${origin}/x`));
    expect(failure.kind).toBe('proxy-auth');
    expect(failure.extra.cancelled).toBe(true);
    const error = explainNetworkError(failure, 'idp', origin);
    expect(error.code).toBe('network.proxyCancelled');
    await net.dispose();
  });

  it('the proxy’s 407 on a CONNECT (https) asks too', async () => {
    const proxy = await basicAuthProxy('ann', 'right');
    const asked: ProxyChallenge[] = [];
    const net = network({ proxy: { mode: 'manual', url: proxy.url } }, [], asked);
    const failure = await failureOf(net.fetch(`${tlsOrigin}/`));
    expect(failure.kind).toBe('proxy-auth');
    expect(asked).toHaveLength(1);
    await net.dispose();
  });
});

describe('failures a person can act on', () => {
  it('a proxy that is down: proxy unreachable, naming the proxy and the host', async () => {
    const closed = createHttpServer();
    const address = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const net = network({ proxy: { mode: 'manual', url: `http://${address}` } });
    const failure = await failureOf(net.fetch(`${origin}/`));
    expect(failure.kind).toBe('proxy-unreachable');
    expect(failure.extra.proxy).toBe(address);
    const desktops = describeFailure(failure, { orgName: 'Org', region: 'us-east-1' });
    expect(desktops.code).toBe('network.proxyUnreachable');
    expect(desktops.params).toEqual({ host: new URL(origin).host, proxy: address });
    await net.dispose();
  });

  it('an untrusted certificate is TLS inspection, with the issuer’s name; the CA file makes it work', async () => {
    const net = network({ proxy: { mode: 'none' } });
    const failure = await failureOf(net.fetch(`${tlsOrigin}/`));
    expect(failure.kind).toBe('tls-inspection');
    expect(failure.extra.issuer).toContain('Corp Inspection CA');
    const error = explainNetworkError(failure, 'aws', tlsOrigin);
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe('network.tlsInspection');
    expect(error.params).toMatchObject({ host: new URL(tlsOrigin).host, issuer: expect.stringContaining('Corp Inspection CA') });
    await net.configure({ proxy: { mode: 'none' }, caFile: ca.certFile });
    expect(await (await net.fetch(`${tlsOrigin}/`)).text()).toBe('secure');
    await net.dispose();
  });

  it('a CA file that is not a certificate is refused when configured', async () => {
    const net = network({ proxy: { mode: 'none' } });
    await expect(net.configure({ proxy: { mode: 'none' }, caFile: '/nonexistent/ca.pem' })).rejects.toBeInstanceOf(NetworkSettingsError);
    await net.dispose();
  });

  it('no answer in time: a timeout naming the host', async () => {
    const silent = await listen(createHttpServer(() => undefined));
    const net = network({ proxy: { mode: 'none' } });
    const failure = await failureOf(net.fetch(`http://${silent}/`, { signal: AbortSignal.timeout(300) }));
    expect(failure.kind).toBe('timeout');
    expect(explainNetworkError(failure, 'idp', `http://${silent}`)).toMatchObject({ code: 'idp-timeout', params: { host: silent } });
    expect(explainNetworkError(failure, 'aws', `http://${silent}`)).toMatchObject({ code: 'network.timeout', params: { host: silent } });
    await net.dispose();
  });

  it('an identity provider’s answer that fits no failure is idp-unexpected, naming the host it came from', () => {
    expect(explainNetworkError(new Error('odd'), 'idp', 'https://idp.example/token (token)')).toMatchObject({
      code: 'idp-unexpected',
      params: { host: 'idp.example' },
    });
    // A timeout the transport did not classify still names the host.
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(explainNetworkError(timeout, 'idp', 'https://idp.example:8443/userinfo (UserInfo)')).toMatchObject({
      code: 'idp-timeout',
      params: { host: 'idp.example:8443' },
    });
  });

  it('DNS failures name the host (and with a proxy, it is the proxy that is not found)', () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND sts.example'), { code: 'ENOTFOUND' }) });
    expect(classifyTransportError(error, 'https://sts.example/', null)).toMatchObject({ kind: 'dns', host: 'sts.example' });
    expect(classifyTransportError(error, 'https://sts.example/', 'proxy.corp:3128')).toMatchObject({ kind: 'proxy-unreachable', host: 'sts.example' });
    expect(explainNetworkError(error, 'aws', 'https://sts.example')).toMatchObject({ code: 'network.dns', params: { host: 'sts.example' } });
  });

  it('an API answered with a redirect to another host is a captive portal', async () => {
    const portal = await listen(createHttpServer((_req, res) => res.writeHead(302, { location: 'http://portal.hotel.example/login' }).end()));
    const net = network({ proxy: { mode: 'none' } });
    const handler = new NetworkSdkHandler(net.fetch, { requestTimeoutMs: 5_000 });
    const [host, port] = portal.split(':');
    const failure = await failureOf(
      handler.handle({ protocol: 'http:', hostname: host!, port: Number(port), path: '/', method: 'POST', headers: {}, query: {}, body: '{}' }),
    );
    expect(failure.kind).toBe('captive-portal');
    expect(describeFailure(failure, { orgName: 'Org', region: null })).toMatchObject({ code: 'network.captivePortal', params: { host: portal } });
    await net.dispose();
  });
});

describe('proxy choice', () => {
  it('system mode follows HTTPS_PROXY / HTTP_PROXY / NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'proxy.corp:3128', http_proxy: 'http://plain.corp:8080', NO_PROXY: '.internal.corp, 10.1.2.3, localhost:8443' };
    expect(environmentProxyFor('https://sts.us-east-1.amazonaws.com/', env)).toBe('http://proxy.corp:3128');
    expect(environmentProxyFor('http://idp.example/', env)).toBe('http://plain.corp:8080');
    expect(environmentProxyFor('https://sso.internal.corp/', env)).toBeNull();
    expect(environmentProxyFor('https://internal.corp/', env)).toBeNull();
    expect(environmentProxyFor('https://10.1.2.3/', env)).toBeNull();
    expect(environmentProxyFor('https://localhost:8443/', env)).toBeNull();
    expect(environmentProxyFor('https://localhost:9443/', env)).toBe('http://proxy.corp:3128');
    expect(bypassesProxy(new URL('https://anything.example/'), '*')).toBe(true);
    expect(environmentProxyFor('https://x.example/', {})).toBeNull();
  });

  it('resolveProxy and active() say what is used', async () => {
    const net = new NodeNetwork(
      { askProxyCredentials: () => Promise.resolve(null) },
      { env: { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'internal.corp' }, systemCaFiles: [] },
    );
    expect(await net.resolveProxy('https://sts.amazonaws.com/')).toBe('PROXY proxy.corp:3128');
    expect(await net.resolveProxy('https://a.internal.corp/')).toBe('DIRECT');
    expect(net.active()).toMatchObject({ source: 'environment', description: expect.stringContaining('HTTPS_PROXY=proxy.corp:3128') });
    await net.configure({ proxy: { mode: 'none' } });
    expect(await net.resolveProxy('https://sts.amazonaws.com/')).toBe('DIRECT');
    await net.dispose();
  });

  it('a manual proxy URL never carries credentials', () => {
    expect(() => checkProxyUrl('http://ann:secret@proxy.corp:3128')).toThrow(/must not contain a user name or password/);
    expect(() => checkProxyUrl('socks5://proxy.corp:1080')).toThrow(NetworkSettingsError);
    expect(() => checkProxyUrl('http://proxy.corp:3128')).not.toThrow();
  });
});

describe('what a proxy offers (Proxy-Authenticate)', () => {
  it('reads the schemes and Basic’s realm', () => {
    expect(proxyChallengeOf('Basic realm="corp proxy"')).toEqual({ schemes: ['basic'], basic: true, realm: 'corp proxy' });
    expect(proxyChallengeOf('Negotiate, NTLM')).toEqual({ schemes: ['negotiate', 'ntlm'], basic: false });
    expect(proxyChallengeOf('Digest realm="x", nonce="abc", Basic realm="y"')).toMatchObject({ basic: true, realm: 'y' });
    expect(proxyChallengeOf(null)).toBeNull();
  });
});
