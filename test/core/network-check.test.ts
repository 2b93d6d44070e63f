/**
 * The network check's probes against real local servers: a TCP listener, a TLS server with a
 * certificate from a test CA made with openssl, an HTTP server, a closed port and a name that
 * cannot resolve. Only the NetworkPort (a port) is supplied by the test: Node's own fetch.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkCheck, targetsOf } from '@core/network/network-check';
import { nodeNetwork } from '@core/network/node-network';
import type { NetworkPort } from '@core/network/port';
import { awsStreamingGateways, GATEWAY_SOURCE } from '@core/network/probe-gateways';
import { nodeNetworkProbe, trustedCertificates } from '@core/network/probe-node';
import { rootCertificates } from 'node:tls';
import type { NetworkProbeResult } from '@shared/ipc/domains/diagnostics';
import type { OrgProfile } from '@shared/models/org';

const run = promisify(execFile);
const INFO = { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: 'linux' } as const;

let dir: string;
let caPem: string;
let tcp: Server;
let tls: Server;
let silent: Server;
let http: HttpServer;
let closedPort: number;
const silentSockets = new Set<Socket>();

function portOf(server: Server | HttpServer): number {
  return (server.address() as AddressInfo).port;
}

async function listen<T extends Server | HttpServer>(server: T): Promise<T> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function close(server: Server | HttpServer | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-netcheck-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-subj', '/CN=Corp Inspection CA']);
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-CA',
    join(dir, 'ca.pem'),
    '-CAkey',
    join(dir, 'ca.key'),
    '-keyout',
    join(dir, 'leaf.key'),
    '-out',
    join(dir, 'leaf.pem'),
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  caPem = await readFile(join(dir, 'ca.pem'), 'utf8');
  tcp = await listen(createTcpServer((socket) => socket.end()));
  tls = await listen(createTlsServer({ key: await readFile(join(dir, 'leaf.key')), cert: await readFile(join(dir, 'leaf.pem')) }, (socket) => socket.end()));
  // Accepts TCP and then says nothing: a TLS handshake with it never finishes.
  silent = await listen(
    createTcpServer((socket) => {
      silentSockets.add(socket);
      socket.on('close', () => silentSockets.delete(socket));
    }),
  );
  http = await listen(createHttpServer((request, response) => response.writeHead(request.url?.includes('openid') ? 200 : 404).end('{}')));
  const spare = await listen(createTcpServer());
  closedPort = portOf(spare);
  await close(spare);
});

afterAll(async () => {
  for (const socket of silentSockets) socket.destroy();
  await Promise.all([close(tcp), close(tls), close(silent), close(http)]);
  await rm(dir, { recursive: true, force: true });
});

const ABORT = () => new AbortController().signal;

describe('nodeNetworkProbe', () => {
  it('resolves a name and an IP literal', async () => {
    const probe = nodeNetworkProbe();
    expect(await probe.lookup('127.0.0.1', ABORT())).toEqual(['127.0.0.1']);
    expect(await probe.lookup('localhost', ABORT())).toContain('127.0.0.1');
  });

  it('reports a name that cannot resolve', async () => {
    await expect(nodeNetworkProbe().lookup('nonexistent.invalid', ABORT())).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('connects to a listening port and reports a closed one', async () => {
    const probe = nodeNetworkProbe();
    await expect(probe.connect('127.0.0.1', portOf(tcp), ABORT())).resolves.toBeUndefined();
    await expect(probe.connect('127.0.0.1', closedPort, ABORT())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('shows the issuer of an untrusted certificate (TLS inspection) and trusts it with the CA configured', async () => {
    const untrusted = await nodeNetworkProbe().handshake('127.0.0.1', '127.0.0.1', portOf(tls), ABORT());
    expect(untrusted).toMatchObject({ issuer: 'Corp Inspection CA', trusted: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    const trusted = await nodeNetworkProbe({ ca: [caPem] }).handshake('127.0.0.1', '127.0.0.1', portOf(tls), ABORT());
    expect(trusted).toMatchObject({ issuer: 'Corp Inspection CA', trusted: true });
    expect(trusted.authorizationError).toBeUndefined();
  });

  it('keeps Node’s own CAs when an extra CA is configured', () => {
    const trusted = trustedCertificates([caPem]) ?? [];
    expect(trusted).toContain(caPem);
    expect(trusted).toEqual(expect.arrayContaining([...rootCertificates]));
  });

  it('stops a handshake that never finishes when the signal aborts', async () => {
    const controller = new AbortController();
    const handshake = nodeNetworkProbe().handshake('127.0.0.1', '127.0.0.1', portOf(silent), controller.signal);
    controller.abort(new Error('out of time'));
    await expect(handshake).rejects.toThrow('out of time');
  });
});

function org(overrides: Partial<OrgProfile> & Pick<OrgProfile, 'signIn'>): OrgProfile {
  return { id: 'o1', code: 'WSiad+ABC123', name: 'Acme', region: 'eu-central-1', policy: { allowStaySignedIn: true }, managed: false, ...overrides };
}

describe('targetsOf', () => {
  it('lists the identity provider, STS, the WorkSpaces API and the Region’s streaming gateways on 443, 4172 and 4195', () => {
    const targets = targetsOf(
      org({ signIn: { method: 'oidc', issuer: 'https://login.example.com/tenant/', clientId: 'c', roleArn: 'arn:aws:iam::1:role/r', userNameClaim: 'sub' } }),
    );
    expect(targets.map((t) => [t.kind, t.url ?? `${t.host}:${t.port}`])).toEqual([
      ['idp', 'https://login.example.com/tenant/.well-known/openid-configuration'],
      ['sts', 'https://sts.eu-central-1.amazonaws.com/'],
      ['workspaces-api', 'https://workspaces.eu-central-1.amazonaws.com/'],
      ['streaming-gateway', 'drp-fra.amazonworkspaces.com:443'],
      ['streaming-gateway', 'drp-fra.amazonworkspaces.com:4172'],
      ['streaming-gateway', 'drp-fra.amazonworkspaces.com:4195'],
    ]);
  });

  it('probes Identity Center’s start URL, OIDC and portal in its own Region and honours endpoint overrides', () => {
    const targets = targetsOf(
      org({
        signIn: { method: 'identity-center', startUrl: 'https://d-123.awsapps.com/start', region: 'us-east-1', accountId: '1', roleName: 'r' },
        endpoints: { workspaces: 'http://127.0.0.1:4566/workspaces' },
      }),
    );
    expect(targets.filter((t) => t.url).map((t) => [t.kind, t.url])).toEqual([
      ['idp', 'https://d-123.awsapps.com/start'],
      ['identity-center-oidc', 'https://oidc.us-east-1.amazonaws.com/'],
      ['identity-center-portal', 'https://portal.sso.us-east-1.amazonaws.com/'],
      ['workspaces-api', 'http://127.0.0.1:4566/workspaces'],
    ]);
    expect(targets.find((t) => t.kind === 'workspaces-api')).toMatchObject({ host: '127.0.0.1', port: 4566 });
  });

  it('probes the SAML sign-in URL’s host and keeps one gateway table with its source', () => {
    const targets = targetsOf(org({ region: 'us-gov-west-1', signIn: { method: 'saml', signInUrl: 'https://idp.corp.example/app/aws/sso' } }));
    expect(targets[0]).toMatchObject({ kind: 'idp', host: 'idp.corp.example', port: 443 });
    expect(targets.filter((t) => t.kind === 'streaming-gateway').map((t) => t.host)).toEqual(Array(3).fill('drp-pdt.amazonworkspaces.com'));
    expect(awsStreamingGateways('xx-nowhere-1')).toEqual([]);
    expect(GATEWAY_SOURCE).toBe('https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html');
  });
});

describe('NetworkCheck', () => {
  function network(proxied: (url: string) => boolean = () => false): Pick<NetworkPort, 'fetch' | 'resolveProxy'> & { fetched: string[] } {
    const fetched: string[] = [];
    return {
      fetched,
      fetch: (input, init) => {
        fetched.push(input instanceof Request ? input.url : input.toString());
        return fetch(input, init);
      },
      resolveProxy: async (url) => (proxied(url) ? 'PROXY 127.0.0.1:3128' : 'DIRECT'),
    };
  }

  function byKind(results: readonly NetworkProbeResult[], kind: string, port?: number): NetworkProbeResult {
    const found = results.find((r) => r.kind === kind && (port === undefined || r.target.endsWith(`:${port}`)));
    if (!found) throw new Error(`no ${kind} result`);
    return found;
  }

  it('reaches HTTP through the Node adapter (undici), the port core really uses', async () => {
    const base = `http://127.0.0.1:${portOf(http)}`;
    const port = nodeNetwork()({ askProxyCredentials: async () => null });
    try {
      const check = new NetworkCheck({
        orgs: () => [
          org({
            signIn: { method: 'oidc', issuer: `${base}/idp`, clientId: 'c', roleArn: 'arn:aws:iam::1:role/r', userNameClaim: 'sub' },
            endpoints: { sts: `${base}/sts`, workspaces: `${base}/workspaces` },
          }),
        ],
        network: port,
        probe: nodeNetworkProbe(),
        info: INFO,
        gateways: () => [],
      });
      const { results } = await check.run();
      expect(byKind(results, 'idp')).toMatchObject({ ok: true, proxy: 'DIRECT', http: { status: 'ok', detail: 'HTTP 200' } });
    } finally {
      await port.dispose();
    }
  });

  it('probes every endpoint in parallel and reports DNS, TCP, TLS, HTTP, the proxy and the failures, in the table and the text', async () => {
    const base = `http://127.0.0.1:${portOf(http)}`;
    const check = new NetworkCheck({
      orgs: () => [
        org({
          signIn: { method: 'oidc', issuer: `${base}/idp`, clientId: 'c', roleArn: 'arn:aws:iam::1:role/r', userNameClaim: 'sub' },
          endpoints: { sts: `https://127.0.0.1:${portOf(tls)}/`, workspaces: `${base}/workspaces` },
        }),
      ],
      network: network(),
      probe: nodeNetworkProbe(),
      info: INFO,
      gateways: () => [
        { host: '127.0.0.1', port: portOf(tcp) },
        { host: '127.0.0.1', port: closedPort },
        { host: 'nonexistent.invalid', port: 4172 },
      ],
    });
    const report = await check.run();
    const { results } = report;
    expect(results).toHaveLength(6);

    const idp = byKind(results, 'idp');
    expect(idp).toMatchObject({
      ok: true,
      proxy: 'DIRECT',
      dns: { status: 'ok', detail: '127.0.0.1' },
      tcp: { status: 'ok' },
      tls: { status: 'skipped' },
      http: { status: 'ok', detail: 'HTTP 200' },
    });
    expect(byKind(results, 'workspaces-api')).toMatchObject({ ok: true, http: { status: 'ok', detail: 'HTTP 404' } });

    const sts = byKind(results, 'sts');
    expect(sts.ok).toBe(false);
    expect(sts.tls).toMatchObject({ status: 'failed', detail: 'issuer Corp Inspection CA, not trusted: UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(sts.http.status).toBe('failed');

    expect(byKind(results, 'streaming-gateway', portOf(tcp))).toMatchObject({
      ok: true,
      tcp: { status: 'ok' },
      tls: { status: 'skipped' },
      http: { status: 'skipped' },
    });
    expect(byKind(results, 'streaming-gateway', closedPort)).toMatchObject({ ok: false, tcp: { status: 'failed' } });
    expect(byKind(results, 'streaming-gateway', closedPort).tcp.detail).toContain('ECONNREFUSED');
    const unresolvable = byKind(results, 'streaming-gateway', 4172);
    expect(unresolvable).toMatchObject({ ok: false, target: 'nonexistent.invalid:4172', dns: { status: 'failed' }, tcp: { status: 'skipped' } });
    expect(unresolvable.dns.detail).toContain('ENOTFOUND');
    for (const result of results) expect(typeof result.dns.ms === 'number' || result.dns.status !== 'ok').toBe(true);

    expect(report.text).toContain('Deskbridge network check — Deskbridge 0.0.0-test (web, linux)');
    expect(report.text).toContain('Organization: Acme');
    expect(report.text).toContain(`[OK] Identity provider ${base}/idp/.well-known/openid-configuration`);
    expect(report.text).toContain('[PROBLEM] AWS STS');
    expect(report.text).toMatch(/proxy DIRECT \| DNS failed \d+ ms \(ENOTFOUND: getaddrinfo ENOTFOUND nonexistent\.invalid\)/);
    expect(report.text).toContain(GATEWAY_SOURCE);
  });

  it('reports the proxy and does the HTTP part through the NetworkPort when a proxy is used', async () => {
    const base = `http://127.0.0.1:${portOf(http)}`;
    const net = {
      ...network((url) => url.includes('/idp/')),
      active: () =>
        ({ settings: { proxy: { mode: 'manual', url: 'http://127.0.0.1:3128' } }, source: 'managed', description: 'PROXY 127.0.0.1:3128' }) as const,
    };
    const check = new NetworkCheck({
      orgs: () => [
        org({
          signIn: { method: 'oidc', issuer: `${base}/idp`, clientId: 'c', roleArn: 'arn:aws:iam::1:role/r', userNameClaim: 'sub' },
          endpoints: { sts: `${base}/sts`, workspaces: `${base}/ws` },
        }),
      ],
      network: net,
      probe: nodeNetworkProbe(),
      info: INFO,
      gateways: () => [],
    });
    const { results, text } = await check.run();
    expect(text).toContain('Proxy setting: PROXY 127.0.0.1:3128 (from managed)');
    expect(byKind(results, 'idp')).toMatchObject({
      ok: true,
      proxy: 'PROXY 127.0.0.1:3128',
      dns: { status: 'skipped', detail: 'through PROXY 127.0.0.1:3128' },
      tcp: { status: 'skipped' },
      http: { status: 'ok', detail: 'HTTP 200' },
    });
    expect(net.fetched).toContain(`${base}/idp/.well-known/openid-configuration`);
  });

  it('finishes within its bound: a probe that never answers reports "timed out", the others their results', async () => {
    const check = new NetworkCheck({
      orgs: () => [
        org({
          signIn: { method: 'saml', signInUrl: `https://127.0.0.1:${portOf(silent)}/sso` },
          endpoints: { sts: `http://127.0.0.1:${portOf(http)}/sts`, workspaces: `http://127.0.0.1:${portOf(http)}/ws` },
        }),
      ],
      network: network(),
      probe: nodeNetworkProbe(),
      info: INFO,
      gateways: () => [],
      totalMs: 300,
    });
    const { results, text } = await check.run();
    expect(byKind(results, 'idp')).toMatchObject({ ok: false, dns: { status: 'ok' }, tcp: { status: 'ok' }, tls: { status: 'timed-out' } });
    expect(byKind(results, 'sts')).toMatchObject({ ok: true, http: { status: 'ok' } });
    expect(text).toContain('TLS timed-out');
  });

  it('says there is nothing to check without organizations', async () => {
    const report = await new NetworkCheck({ orgs: () => [], network: network(), probe: nodeNetworkProbe(), info: INFO }).run();
    expect(report.results).toEqual([]);
    expect(report.text).toContain('No organizations are set up, so there was nothing to check.');
  });
});
