/**
 * Broker mode's sign-in (issue 14): OIDC exactly as today, but no STS. The device holds the IdP's
 * tokens only: no AWS credentials in the auth session, nothing in the keychain but the refresh token.
 */
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_MARGIN_MS } from '@core/auth/auth-service';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { type Emulator, startEmulator, type TapEvent } from '../emulator';
import { CODE_BROKER, withBrokerDemo } from '../emulator/demo';
import { OIDC_CLIENT_ID } from '../emulator/seed';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './auth/support';

let emu: Emulator;
let app: AuthUnderTest | null = null;
const calls: TapEvent[] = [];
const BROKER_ID = `managed:${CODE_BROKER.toLowerCase()}`;
// The sign-in never reaches the broker: an address nothing listens on will do.
const BROKER_URL = 'http://127.0.0.1:9/prod';

beforeEach(async () => {
  calls.length = 0;
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, onResponse: (event) => calls.push(event) });
});
afterEach(async () => {
  await app?.close();
  app = null;
  await emu.stop();
});

const awsCalls = (service: TapEvent['service']) => calls.filter((c) => c.service === service);

async function start(secrets = new MemorySecretStore()): Promise<AuthUnderTest & { readonly clock: ManualClock }> {
  const clock = ManualClock.linkedTo(emu);
  const demo = withBrokerDemo(emu.demo, emu.endpoints, BROKER_URL);
  const started = await startAuth(emu, { clock, browser: playingBrowser(ALICE), secrets, policy: demo.managedPolicy });
  app = started;
  return { ...started, clock };
}

describe('broker mode sign-in', () => {
  it('signs in with OIDC and never calls STS, while a direct OIDC sign-in does (the counter works)', async () => {
    const a = await start();
    const result = await a.auth.signIn(BROKER_ID, { staySignedIn: false });
    expect(result).toMatchObject({ ok: true, value: { state: 'signed-in', method: 'broker', userName: 'alice' } });
    expect(awsCalls('oidc').length).toBeGreaterThan(0);
    expect(awsCalls('sts')).toEqual([]);

    expect((await a.auth.signIn(a.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    expect(awsCalls('sts').map((c) => c.operation)).toContain('AssumeRoleWithWebIdentity');
  });

  it('holds no AWS credentials: the session has the ID token for the broker, credentials() refuses', async () => {
    const a = await start();
    await a.auth.signIn(BROKER_ID, { staySignedIn: false });
    const session = a.auth.session(BROKER_ID);
    expect(session?.brokerToken).toBeTypeOf('function');
    const token = await session!.brokerToken!();
    expect(decodeJwt(token)).toMatchObject({ aud: OIDC_CLIENT_ID, iss: emu.endpoints.oidcIssuer, preferred_username: 'alice' });
    await expect(session!.credentials()).rejects.toMatchObject({ code: 'not-signed-in' });
    // Nothing in the session looks like an AWS credential.
    expect(JSON.stringify(session)).not.toMatch(/accessKeyId|secretAccessKey|sessionToken|ASIA/);
    expect(awsCalls('sts')).toEqual([]);
  });

  it('keeps only the refresh token in the keychain, and restores without STS or the browser', async () => {
    const secrets = new MemorySecretStore();
    const a = await start(secrets);
    await a.auth.signIn(BROKER_ID, { staySignedIn: true });
    const accounts = await secrets.accounts(KEYCHAIN_SERVICE);
    expect(accounts).toHaveLength(1);
    const stored = JSON.parse((await secrets.get(KEYCHAIN_SERVICE, accounts[0] ?? '')) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['refreshToken', 'v']);

    await a.close();
    app = null;
    const b = await start(secrets);
    await b.auth.restore();
    expect(b.auth.status(BROKER_ID)).toMatchObject({ state: 'signed-in', method: 'broker' });
    expect(decodeJwt(await b.auth.session(BROKER_ID)!.brokerToken!())).toMatchObject({ preferred_username: 'alice' });
    expect(awsCalls('sts')).toEqual([]);
  });

  it('refreshes the ID token at the IdP before it expires, still without STS', async () => {
    const a = await start();
    await a.auth.signIn(BROKER_ID, { staySignedIn: false });
    const session = a.auth.session(BROKER_ID)!;
    const first = await session.brokerToken!();
    const expiresAt = a.auth.status(BROKER_ID)?.expiresAt ?? 0;
    expect(expiresAt).toBe((decodeJwt(first).exp ?? 0) * 1000);
    const tokenCalls = () => awsCalls('oidc').filter((c) => c.operation === '/token' && c.status === 200).length;
    const before = tokenCalls();
    // Just past the moment the keeper renews (the margin before expiry), so exactly one renewal is
    // due: the emulator's IdP dates tokens by real time, so a new token still looks close to expiry
    // on this manual clock, and advancing further would step through the keeper's 30 s retries.
    await a.clock.advance(expiresAt - REFRESH_MARGIN_MS - a.clock.now() + 1_000);
    // The keeper went to the IdP's token endpoint (a refresh) on its own, before the token expired;
    // the timer fired during advance(), the refresh's HTTP round trip may still be on its way.
    await expect.poll(tokenCalls, { timeout: 15_000 }).toBe(before + 1);
    const second = await a.auth.session(BROKER_ID)!.brokerToken!();
    expect(decodeJwt(second)).toMatchObject({ aud: OIDC_CLIENT_ID, preferred_username: 'alice' });
    expect(a.auth.status(BROKER_ID)?.state).toBe('signed-in');
    expect(awsCalls('sts')).toEqual([]);
  });
});
