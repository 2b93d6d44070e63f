import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOOPBACK_TIMEOUT_MS } from '@core/auth/loopback';
import { explainWorkspacesAccessDenied } from '@core/auth/workspaces-errors';
import type { ManagedPolicy } from '@shared/models/org';
import type { Result } from '@shared/ipc/result';
import { errorsEn } from '@renderer/i18n/errors-en';
import { type Emulator, IDC_ROLE_ARN, loginWithPassword, startEmulator } from '../../emulator';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, type Rewrites, startAuth } from './support';

let emu: Emulator;
let app: AuthUnderTest | null = null;

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
});
afterEach(async () => {
  await app?.close();
  app = null;
  await emu.stop();
});

function expectFailure(result: Result<unknown>, code: string): { message: string; details?: string; params?: unknown } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  const text = `${result.error.message} ${result.error.details ?? ''}`;
  // No secret in either part: no JWT, no code/state/token values, no password.
  expect(text).not.toMatch(/eyJ[\w-]+\./);
  expect(text).not.toContain(ALICE.password);
  expect(text).not.toMatch(/(code|state|token)=[A-Za-z0-9_-]{8,}/);
  // The renderer words the code; every value its words name comes with the error.
  const words = (errorsEn as Readonly<Record<string, string>>)[`error.${code}`] ?? '';
  expect(words, `words for ${code}`).toMatch(/\S/);
  for (const [, name] of words.matchAll(/\{(\w+)\}/g)) expect(result.error.params, `${code} needs {${name}}`).toHaveProperty(name!);
  return result.error;
}

/** The IdP answers the authorization request with an OAuth error (RFC 6749 §4.1.2.1). */
function answersWithError(error: string): Rewrites {
  return {
    redirect: (url) => {
      const u = new URL(url);
      const state = u.searchParams.get('state') ?? '';
      u.search = new URLSearchParams({ error, error_description: 'played by the test', state }).toString();
      return u.toString();
    },
  };
}

/** A stand-in identity provider on loopback that serves the discovery document it is given. */
async function discoveryServer(document: (origin: string) => object): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document(origin)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const withIssuer = (issuer: string): ManagedPolicy => withOrg((org) => (org.signIn.method === 'oidc' ? { ...org, signIn: { ...org.signIn, issuer } } : org));

function withOrg(change: (org: ManagedPolicy['organizations'][number]) => ManagedPolicy['organizations'][number]): ManagedPolicy {
  return { ...emu.demo.managedPolicy, organizations: emu.demo.managedPolicy.organizations.map(change) };
}

async function oidcSignIn(rewrite: Rewrites = {}, options: { clock?: ManualClock; policy?: ManagedPolicy; requestTimeoutMs?: number } = {}) {
  app = await startAuth(emu, { clock: options.clock ?? ManualClock.linkedTo(emu), browser: playingBrowser(ALICE, rewrite), ...options });
  return app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
}

describe('sign-in errors, produced for real', () => {
  it('cancelled: the user presses Cancel while the browser is open', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(null) });
    const done = app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    await vi.waitFor(() => expect(app?.auth.status(app.oidcOrgId)?.waitingFor).toBe('browser'));
    app.auth.cancel(app.oidcOrgId);
    expectFailure(await done, 'sign-in-cancelled');
    expect(app.auth.status(app.oidcOrgId)).toMatchObject({ state: 'signed-out' });
  });

  it('cancelled in the browser: the IdP answers access_denied', async () => {
    const error = expectFailure(
      await oidcSignIn({
        redirect: (url) => {
          const u = new URL(url);
          const state = u.searchParams.get('state') ?? '';
          u.search = new URLSearchParams({ error: 'access_denied', error_description: 'End-User aborted interaction', state }).toString();
          return u.toString();
        },
      }),
      'sign-in-denied',
    );
    expect(error.message).toMatch(/cancelled or refused in the browser/);
    expect(app?.auth.status(app.oidcOrgId)).toMatchObject({ state: 'error', error: { code: 'sign-in-denied' } });
  });

  it('timeout: nobody finishes in the browser within 10 minutes', async () => {
    const clock = ManualClock.linkedTo(emu);
    app = await startAuth(emu, { clock, browser: playingBrowser(null) });
    const done = app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    await vi.waitFor(() => expect(app?.auth.status(app.oidcOrgId)?.waitingFor).toBe('browser'));
    await clock.advance(LOOPBACK_TIMEOUT_MS);
    expect(expectFailure(await done, 'sign-in-timeout').message).toMatch(/10 minutes/);
  });

  it('IdP unreachable: the connection is dropped', async () => {
    emu.faults.set('oidc', { dropConnectionRate: 1 });
    expect(expectFailure(await oidcSignIn(), 'idp-unreachable').details).toContain(emu.endpoints.oidcIssuer);
  });

  it('IdP unreachable: it answers 503', async () => {
    emu.faults.set('oidc', { error503Rate: 1 });
    expect(expectFailure(await oidcSignIn(), 'idp-unreachable').details).toMatch(/503/);
  });

  it('IdP timeout: no answer within the request timeout', async () => {
    emu.faults.set('oidc', { latencyMs: 3_000 });
    const error = expectFailure(await oidcSignIn({}, { requestTimeoutMs: 300 }), 'idp-timeout');
    expect(error.params).toMatchObject({ host: new URL(emu.endpoints.oidcIssuer).host });
  });

  it('state mismatch: a stray answer with another state gets 404, does not end the sign-in, and the real one succeeds', async () => {
    const browser = playingBrowser(null);
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser });
    const done = app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    const authorize = await browser.next();
    const redirectUri = new URL(authorize).searchParams.get('redirect_uri') ?? '';
    const stray = await fetch(`${redirectUri}?code=stray-code&state=forged-state-value`);
    await stray.text();
    expect(stray.status).toBe(404);
    expect(app.auth.status(app.oidcOrgId)).toMatchObject({ state: 'signing-in', waitingFor: 'browser' });
    const real = await fetch(await loginWithPassword(authorize, ALICE.username, ALICE.password));
    await real.text();
    expect(real.status).toBe(200);
    expect(await done).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice' } });
  });

  it('invalid ID token: the IdP signs a token for another nonce', async () => {
    expectFailure(
      await oidcSignIn({
        authorize: (url) => {
          const u = new URL(url);
          u.searchParams.set('nonce', 'someone-elses-nonce');
          return u.toString();
        },
      }),
      'invalid-id-token',
    );
  });

  it('expired ID token: STS finds it expired', async () => {
    // STS's clock is two hours ahead of the IdP's and of this computer's.
    emu.clock.advance(2 * 3600_000);
    const error = expectFailure(await oidcSignIn({}, { clock: ManualClock.offset(0) }), 'id-token-expired');
    expect(error.details).toMatch(/ExpiredToken/);
  });

  it('clock skew: this computer’s clock is two hours ahead', async () => {
    const error = expectFailure(await oidcSignIn({}, { clock: ManualClock.offset(2 * 3600_000) }), 'clock-skew');
    expect(error.message).toMatch(/about 120 minutes/);
    expect(error.params).toEqual({ minutes: 120 });
  });

  it('role trust refused: the role does not trust this IdP, and the message names the trust policy', async () => {
    const policy = withOrg((org) =>
      org.signIn.method === 'oidc' ? { ...org, signIn: { ...org.signIn, roleArn: 'arn:aws:iam::123456789012:role/NotTrusting' } } : org,
    );
    const error = expectFailure(await oidcSignIn({}, { policy }), 'role-trust-refused');
    expect(error.message).toContain('trust policy');
    expect(error.message).toContain('NotTrusting');
    expect(error.params).toEqual({ role: 'NotTrusting' });
  });

  it('Identity Center role not assigned: the message names the permission set assignment', async () => {
    const policy = withOrg((org) => (org.signIn.method === 'identity-center' ? { ...org, signIn: { ...org.signIn, roleName: 'NotAssigned' } } : org));
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE), policy });
    const error = expectFailure(await app.auth.signIn(app.idcOrgId, { staySignedIn: false }), 'identity-center-no-assignment');
    expect(error.message).toContain('NotAssigned');
    expect(error.details).toContain('permission sets');
    expect(error.params).toEqual({ role: 'NotAssigned', account: '123456789012' });
  });

  it('AccessDenied from WorkSpaces: explained with the user name and the role', async () => {
    // A permission set without the kit's policy: Identity Center's role may not list anything.
    emu.iam.setPolicies(IDC_ROLE_ARN, []);
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE) });
    await app.auth.signIn(app.idcOrgId, { staySignedIn: false });
    const session = app.auth.session(app.idcOrgId)!;
    const oidcDirectory = emu.demo.organizations.find((o) => o.signIn.method === 'oidc')?.directoryId ?? '';
    const client = new WorkSpacesClient({ region: 'us-east-1', endpoint: emu.endpoints.workspaces, credentials: () => session.credentials(), maxAttempts: 1 });
    const failure = await client.send(new DescribeWorkspacesCommand({ DirectoryId: oidcDirectory })).catch((e: unknown) => e);
    const explained = explainWorkspacesAccessDenied(session, failure);
    expect(explained?.code).toBe('desktops.denied.list');
    expect(explained?.message).toContain('alice');
    expect(explained?.details).toContain('DeskbridgeUser');
    expect(explainWorkspacesAccessDenied(session, new Error('other'))).toBeNull();
  });

  it.each([
    ['invalid_client', 'idp-client-refused'],
    ['unauthorized_client', 'idp-client-refused'],
    ['unsupported_response_type', 'idp-client-refused'],
    ['invalid_scope', 'idp-scope-refused'],
    ['interaction_required', 'idp-error'],
  ])('the IdP answers %s: %s, naming the IdP’s error', async (oauthError, code) => {
    const error = expectFailure(await oidcSignIn(answersWithError(oauthError)), code);
    expect(error.params).toEqual({ error: oauthError });
    expect(error.details).toContain(oauthError);
  });

  it('the IdP answers server_error: it is in trouble, so idp-unreachable (may pass by itself)', async () => {
    expectFailure(await oidcSignIn(answersWithError('server_error')), 'idp-unreachable');
  });

  it('an IdP error code that is not a plain word reaches the UI only as "unrecognised"', async () => {
    const error = expectFailure(await oidcSignIn(answersWithError('<b>bold</b>')), 'idp-error');
    expect(error.params).toEqual({ error: 'unrecognised' });
  });

  it('invalid answer: the redirect names another issuer (iss)', async () => {
    const error = expectFailure(
      await oidcSignIn({
        redirect: (url) => {
          const u = new URL(url);
          u.searchParams.set('iss', 'https://someone-else.example');
          return u.toString();
        },
      }),
      'idp-invalid-answer',
    );
    expect(error.details).toMatch(/iss/);
  });

  it('discovery: the issuer URL serves another issuer’s document', async () => {
    const idp = await discoveryServer(() => ({ issuer: 'https://someone-else.example', authorization_endpoint: 'https://someone-else.example/auth' }));
    try {
      const error = expectFailure(await oidcSignIn({}, { policy: withIssuer(idp.origin) }), 'idp-discovery-invalid');
      expect(error.params).toEqual({ issuer: new URL(idp.origin).host });
    } finally {
      await idp.close();
    }
  });

  it('discovery: an authorization endpoint that is not https is never opened', async () => {
    const idp = await discoveryServer((origin) => ({
      issuer: origin,
      authorization_endpoint: 'http://idp.example/authorize',
      token_endpoint: `${origin}/token`,
      jwks_uri: `${origin}/jwks`,
    }));
    try {
      app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE), policy: withIssuer(idp.origin) });
      const error = expectFailure(await app.auth.signIn(app.oidcOrgId, { staySignedIn: false }), 'sign-in-url-insecure');
      expect(error.params).toEqual({ origin: 'http://idp.example' });
    } finally {
      await idp.close();
    }
  });

  it('the system browser cannot be started: browser-failed', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: { open: () => Promise.reject(new Error('xdg-open: not found')) } });
    const error = expectFailure(await app.auth.signIn(app.oidcOrgId, { staySignedIn: false }), 'browser-failed');
    expect(error.details).toContain('xdg-open');
  });

  it('a second sign-in while one is waiting is refused, not started twice', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(null) });
    const first = app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    await vi.waitFor(() => expect(app?.auth.status(app.oidcOrgId)?.waitingFor).toBe('browser'));
    expectFailure(await app.auth.signIn(app.oidcOrgId, { staySignedIn: false }), 'sign-in-in-progress');
    app.auth.cancel(app.oidcOrgId);
    expectFailure(await first, 'sign-in-cancelled');
  });
});
