import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalBroker } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import { brokerDesktopsResponseSchema, brokerErrorSchema } from '@shared/broker/api';
import { DIRECTORY_FULL, OIDC_CLIENT_ID } from '../emulator/seed';
import { startBrokerWorld, type BrokerWorld } from './support';
import { startTestIssuer, type TestIssuer } from './token-issuer';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const partsOf = (token: string): [string, string, string] => token.split('.') as [string, string, string];

describe('broker: only a valid ID token of the organization gets in', () => {
  let world: BrokerWorld;
  let issuer: TestIssuer;
  let second: LocalBroker;
  /** How far the broker's clock runs ahead of real time. */
  let skewMs = 0;

  beforeAll(async () => {
    world = await startBrokerWorld({ broker: { now: () => Date.now() + skewMs } });
    issuer = await startTestIssuer(OIDC_CLIENT_ID);
    second = await startDemoBroker(world.emu, { issuer: issuer.issuer, name: 'Second', directoryIds: [DIRECTORY_FULL] });
  });
  afterAll(async () => {
    await second.close();
    await issuer.stop();
    await world.stop();
  });

  const expectUnauthorized = async (url: string, token: string | undefined): Promise<void> => {
    const response = await fetch(`${url}/v1/desktops`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(brokerErrorSchema.parse(await response.json()).error.code).toBe('unauthorized');
  };

  it('accepts the real IdP token, and the test issuer token on the broker that trusts it (the controls)', async () => {
    expect((await world.request('/v1/desktops', { token: await world.idToken('alice') })).status).toBe(200);
    const response = await fetch(`${second.url}/v1/desktops`, { headers: { authorization: `Bearer ${await issuer.mint({})}` } });
    expect(response.status).toBe(200);
    expect(brokerDesktopsResponseSchema.parse(await response.json()).userName).toBe('alice');
  });

  it('refuses a request without a token, or with a malformed one', async () => {
    await expectUnauthorized(world.broker.url, undefined);
    await expectUnauthorized(world.broker.url, 'not-a-jwt');
  });

  it('refuses forged tokens: claims changed under a valid signature, or signed with another key', async () => {
    const [header, payload, signature] = partsOf(await world.idToken('alice'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    await expectUnauthorized(world.broker.url, `${header}.${b64({ ...claims, preferred_username: 'bob' })}.${signature}`);
    await expectUnauthorized(second.url, await issuer.forge({}));
  });

  it('refuses an expired token', async () => {
    const token = await world.idToken('bob');
    expect((await world.request('/v1/desktops', { token })).status).toBe(200);
    skewMs = 2 * 86_400_000;
    try {
      await expectUnauthorized(world.broker.url, token);
    } finally {
      skewMs = 0;
    }
    await expectUnauthorized(second.url, await issuer.mint({}, { expiresIn: '-10m' }));
  });

  it('refuses a token for another audience', async () => {
    await expectUnauthorized(second.url, await issuer.mint({ aud: 'some-other-app' }));
  });

  it('refuses a token from another issuer, even with a signature the broker can check', async () => {
    await expectUnauthorized(second.url, await issuer.mint({ iss: 'https://evil.example.com' }));
    // And the IdP's own valid token at a broker that trusts another issuer.
    await expectUnauthorized(second.url, await world.idToken('alice'));
  });

  it('refuses alg:none', async () => {
    const [, payload] = partsOf(await world.idToken('alice'));
    await expectUnauthorized(world.broker.url, `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    await expectUnauthorized(world.broker.url, `${b64({ alg: 'none' })}.${payload}`);
  });

  it('refuses HS256 signed with the issuer public key as the secret (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(issuer.publicPem);
    const token = await new SignJWT({ preferred_username: 'alice' })
      .setProtectedHeader({ alg: 'HS256', kid: 'test-1' })
      .setIssuer(issuer.issuer)
      .setAudience(OIDC_CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    await expectUnauthorized(second.url, token);
  });

  it('refuses a token without the user-name claim', async () => {
    await expectUnauthorized(second.url, await issuer.mint({ preferred_username: undefined }));
  });
});
