/**
 * Issue 15 item 1: an imported profile must not hand the user's sign-in to a stranger. The local
 * cloud signs alice in for real; "the attacker" is a server that records whatever reaches it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import type { SecretStore } from '@core/ports';
import { VNC_SECRET_SERVICE } from '@core/sessions';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import type { OrgInput } from '@shared/models/org';
import { type Emulator, startEmulator } from '../emulator';
import { ALICE, ManualClock, playingBrowser } from './auth/support';
import { KEYCHAIN_TIMEOUT_MS } from '@core/vault/bounded-secret-store';
import { unwrap } from './support/temp-core';

interface Recorded {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let emu: Emulator;
let attacker: Server;
let attackerUrl: string;
const recorded: Recorded[] = [];
let dir: string;
let core: Core | null = null;

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0 });
  attacker = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      recorded.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(500, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
  await emu.stop();
});
afterEach(async () => {
  await core?.dispose();
  core = null;
  recorded.length = 0;
  await rm(dir, { recursive: true, force: true });
});

/** The demo organization as a colleague's file would carry it, one endpoint pointed at the attacker. */
function hostileProfile(method: 'oidc' | 'identity-center'): OrgInput {
  const { policy: _policy, badge: _badge, ...demo } = emu.demo.organizations.find((o) => o.signIn.method === method)!;
  const service = method === 'oidc' ? 'sts' : 'sso';
  return { ...demo, name: 'Acme', endpoints: { ...demo.endpoints, [service]: attackerUrl } };
}

const profileFile = (organization: OrgInput) => JSON.stringify({ format: 'deskbridge-organization', version: 1, organization });

async function start(trustedHosts: readonly string[], settings?: unknown, secrets: SecretStore = new MemorySecretStore(), clock?: ManualClock): Promise<Core> {
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-trust-'));
  await writeFile(join(dir, 'policy.json'), JSON.stringify({ trustedHosts }));
  if (settings !== undefined) await writeFile(join(dir, 'settings.json'), JSON.stringify(settings));
  core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile: join(dir, 'policy.json') },
    secrets,
    browser: playingBrowser(ALICE),
    ...(clock ? { clock } : {}),
  });
  return core;
}

/** What reached the attacker that carries the user's token: the web identity token or the SSO bearer token. */
function leakedTokens(): Recorded[] {
  return recorded.filter((r) => r.body.includes('WebIdentityToken=') || r.headers['x-amz-sso_bearer_token'] !== undefined);
}

const attackerHost = () => new URL(attackerUrl).host;

describe.each(['oidc', 'identity-center'] as const)('an imported %s profile with an attacker’s endpoint', (method) => {
  const service = method === 'oidc' ? 'sts' : 'sso';

  it('would leak the token if its host were trusted: the attacker’s server sees it (the check below can fail)', async () => {
    const app = await start([...emu.demo.trustedHosts, attackerHost()]);
    const pending = unwrap(await app.api.orgs.importProfile(profileFile(hostileProfile(method))));
    const [org] = unwrap(await app.api.orgs.answerLink(pending.id, true)).organizations;
    await app.api.auth.signIn(org!.id, { staySignedIn: false });
    expect(leakedTokens().length).toBeGreaterThan(0);
  });

  it('is refused with the reason, nothing is queued or added, and no token reaches the attacker', async () => {
    const app = await start(emu.demo.trustedHosts);
    const result = await app.api.orgs.importProfile(profileFile(hostileProfile(method)));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'untrusted-address', message: 'This organization uses addresses that only your IT department can set, so it was not added.' },
    });
    expect(result.ok ? '' : result.error.details).toBe(
      `endpoints.${service}: ${attackerHost()} is not AWS’s own ${service} address (like ${service === 'sts' ? 'https://sts.us-east-1.amazonaws.com' : 'https://portal.sso.us-east-1.amazonaws.com'}); any other address needs your IT department’s managed configuration.`,
    );
    expect(unwrap(await app.api.orgs.pendingLinks())).toEqual([]);
    expect(unwrap(await app.api.orgs.list()).organizations).toEqual([]);
    expect(await app.api.orgs.add(hostileProfile(method))).toMatchObject({ ok: false, error: { code: 'untrusted-address' } });
    expect(recorded).toEqual([]);
  });

  it('is removed at start when an older version stored it, with a notice, and cannot sign in', async () => {
    const stored = { ...hostileProfile(method), id: 'imported-earlier', region: 'us-east-1', policy: { allowStaySignedIn: true }, managed: false };
    const app = await start(emu.demo.trustedHosts, { version: 1, organizations: [stored], preferences: { language: 'system', theme: 'system' } });
    expect(unwrap(await app.api.orgs.list()).organizations).toEqual([]);
    expect(unwrap(await app.api.app.notices())).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('“Acme”'),
        details: expect.stringContaining(`endpoints.${service}: ${attackerHost()}`),
      }),
    ]);
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).not.toContain(attackerUrl);
    expect((await app.api.auth.signIn('imported-earlier', { staySignedIn: false })).ok).toBe(false);
    expect(recorded).toEqual([]);
  });

  it('is removed at start with everything it kept in the keychain: VNC passwords and the stay-signed-in entry', async () => {
    const stored = { ...hostileProfile(method), id: 'imported-earlier', region: 'us-east-1', policy: { allowStaySignedIn: true }, managed: false };
    const secrets = new MemorySecretStore();
    // What an older version left for it: a remembered sign-in and two VNC passwords; and another organization's password.
    await secrets.set(KEYCHAIN_SERVICE, 'imported-earlier:alice', JSON.stringify({ v: 1, refreshToken: 'rt-of-the-dropped-profile' }));
    await secrets.set(VNC_SECRET_SERVICE, 'imported-earlier/ws-1@10.0.0.5:5900', 'vnc-pass-1');
    await secrets.set(VNC_SECRET_SERVICE, 'imported-earlier/ws-2@10.0.0.6:5900', 'vnc-pass-2');
    await secrets.set(VNC_SECRET_SERVICE, 'kept-org/ws-3@10.0.0.7:5900', 'vnc-pass-3');
    await start(emu.demo.trustedHosts, { version: 1, organizations: [stored], preferences: { language: 'system', theme: 'system' } }, secrets);
    // Gone by the time core is up, not at some later removal (there is none: the profile is gone).
    expect(await secrets.accounts(VNC_SECRET_SERVICE)).toEqual(['kept-org/ws-3@10.0.0.7:5900']);
    expect(await secrets.accounts(KEYCHAIN_SERVICE)).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('does not hold start-up for ever when the keychain never answers while it wipes the dropped profile', async () => {
    const stored = { ...hostileProfile(method), id: 'imported-earlier', region: 'us-east-1', policy: { allowStaySignedIn: true }, managed: false };
    const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
    const hanging: SecretStore = { get: never, set: never, delete: never, accounts: never };
    const clock = ManualClock.fixed();
    let started: Core | null = null;
    const starting = start(
      emu.demo.trustedHosts,
      { version: 1, organizations: [stored], preferences: { language: 'system', theme: 'system' } },
      hanging,
      clock,
    ).then((app) => (started = app));
    // Core's clock passes the keychain's time limit again and again (each keychain call waits its
    // own), with a moment of real time between for start-up's file I/O.
    for (let i = 0; i < 100 && started === null; i += 1) {
      await clock.advance(KEYCHAIN_TIMEOUT_MS);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const app = await starting;
    expect(started).toBe(app);
    expect(unwrap(await app.api.orgs.list()).organizations.map((o) => o.id)).not.toContain('imported-earlier');
    expect(unwrap(await app.api.app.notices())).toEqual([expect.objectContaining({ code: 'org-removed-untrusted' })]);
  });
});

describe('what only managed configuration may set', () => {
  it('keeps the managed demo organizations, loopback endpoints and all, and lets IT trust a host for the user’s own', async () => {
    const app = await start(emu.demo.trustedHosts);
    const { policy: _policy, badge: _badge, ...demo } = emu.demo.organizations[0]!;
    expect(unwrap(await app.api.orgs.add({ ...demo, name: 'Own copy' })).endpoints).toEqual(demo.endpoints);
  });

  it('refuses a plain-http loopback issuer in a link or typed profile unless IT trusts that host', async () => {
    const app = await start([]);
    const { policy: _policy, badge: _badge, endpoints: _endpoints, ...demo } = emu.demo.organizations[0]!;
    const result = await app.api.orgs.add(demo);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'untrusted-address',
        details: 'signIn.issuer: Plain http:// on 127.0.0.1 is for local testing and needs your IT department’s managed configuration.',
      },
    });
    const issuer = demo.signIn.method === 'oidc' ? demo.signIn.issuer : '';
    app.receiveDeepLink(
      `deskbridge://register?code=${encodeURIComponent(demo.code)}&region=us-east-1&issuer=${encodeURIComponent(issuer)}&clientId=x&roleArn=${encodeURIComponent('arn:aws:iam::123456789012:role/R')}`,
    );
    expect(unwrap(await app.api.orgs.pendingLinks())).toEqual([]);
    expect(unwrap(await app.api.app.notices())).toEqual([
      expect.objectContaining({ message: 'A Deskbridge link was refused.', details: expect.stringContaining('signIn.issuer: Plain http://') }),
    ]);
  });

  it.each([
    ['sts', 'https://sts.amazonaws.com'],
    ['sts', 'https://sts-fips.us-gov-west-1.amazonaws.com'],
    ['sts', 'https://sts.cn-north-1.amazonaws.com.cn'],
    ['workspaces', 'https://workspaces-fips.us-east-1.amazonaws.com'],
    ['workspaces', 'https://workspaces.us-gov-west-1.amazonaws-us-gov.com'],
    ['sso', 'https://portal.sso.eu-west-1.amazonaws.com'],
    ['ssoOidc', 'https://oidc-fips.us-gov-east-1.amazonaws.com'],
  ])('accepts AWS’s own %s endpoint %s in a profile the user adds', async (service, url) => {
    const app = await start([]);
    const input: OrgInput = {
      code: 'WSpdx+ABC12D',
      name: 'Contoso',
      signIn: { method: 'identity-center', startUrl: 'https://contoso.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
      endpoints: { [service]: url },
    };
    expect(unwrap(await app.api.orgs.add(input)).endpoints).toEqual({ [service]: url });
  });

  it.each([
    ['sts', 'https://abc123.execute-api.us-east-1.amazonaws.com'],
    ['sts', 'https://evil-bucket.s3.amazonaws.com'],
    ['sts', 'https://sts.us-east-1.amazonaws.com.evil.example'],
    ['sts', 'https://workspaces.us-east-1.amazonaws.com'],
    ['workspaces', 'https://ec2-1-2-3-4.compute-1.amazonaws.com'],
    ['sso', 'https://portal.sso.us-east-1.amazonaws.com.'],
    ['ssoOidc', 'https://oidc.us-east-1.api.aws'],
  ])('refuses %s endpoint %s, a host under AWS’s names that is not that service’s own', async (service, url) => {
    const app = await start([]);
    const input: OrgInput = {
      code: 'WSpdx+ABC12D',
      name: 'Contoso',
      signIn: { method: 'identity-center', startUrl: 'https://contoso.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
      endpoints: { [service]: url },
    };
    expect(await app.api.orgs.add(input)).toMatchObject({ ok: false, error: { details: expect.stringMatching(new RegExp(`^endpoints\\.${service}: `)) } });
  });
});
