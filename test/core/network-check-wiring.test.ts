/**
 * core wires the network check to the host's NetworkPort (issue 13): the proxy it reports and
 * the HTTP requests it makes come from the factory the composition root injects.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { NetworkFactory } from '@core/network/port';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { DEFAULT_NETWORK_SETTINGS } from '@shared/models/network';

let dir: string;
let server: Server;
let core: Core;
const fetched: string[] = [];
const resolved: string[] = [];

const hostNetwork: NetworkFactory = () => ({
  fetch: (input, init) => {
    fetched.push(input instanceof Request ? input.url : input.toString());
    return fetch(input, init);
  },
  resolveProxy: async (url) => {
    resolved.push(url);
    return 'PROXY proxy.corp.example:3128';
  },
  configure: async () => undefined,
  active: () => ({ settings: DEFAULT_NETWORK_SETTINGS, source: 'default', description: 'System proxy settings' }),
  dispose: async () => undefined,
});

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-netcheck-core-'));
  const organization = {
    code: 'wspdx+abc12d',
    name: 'Acme',
    region: 'us-west-2',
    signIn: { method: 'oidc', issuer: `${base}/idp`, clientId: 'deskbridge', roleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers', userNameClaim: 'sub' },
    endpoints: { sts: `${base}/sts`, workspaces: `${base}/workspaces` },
  };
  await writeFile(join(dir, 'policy.json'), JSON.stringify({ organizations: [organization], allowAddOrganizations: true, allowStaySignedIn: true }));
  core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile: join(dir, 'policy.json') },
    secrets: new MemorySecretStore(),
    browser: { open: async () => undefined },
    network: hostNetwork,
    networkCheck: { gateways: () => [] },
  });
});

afterAll(async () => {
  await core.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('diagnostics.networkCheck through the contract', () => {
  it('asks the host’s port for the proxy and fetches through it', async () => {
    const result = await core.api.diagnostics.networkCheck();
    if (!result.ok) throw new Error(result.error.message);
    const { results, text } = result.value;
    expect(results.map((r) => [r.kind, r.proxy, r.http.status])).toEqual([
      ['idp', 'PROXY proxy.corp.example:3128', 'ok'],
      ['sts', 'PROXY proxy.corp.example:3128', 'ok'],
      ['workspaces-api', 'PROXY proxy.corp.example:3128', 'ok'],
    ]);
    expect(resolved).toEqual(results.map((r) => r.url));
    expect(fetched).toEqual(expect.arrayContaining(results.map((r) => r.url)));
    expect(text).toContain('Proxy setting: System proxy settings (from default)');
  });
});
