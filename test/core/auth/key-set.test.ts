import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_MARGIN_MS } from '@core/auth/credential-keeper';
import { type Emulator, startEmulator, type TapEvent } from '../../emulator';
import { type AuthUnderTest, playingBrowser, startAuth } from './support';
import { ManualClock } from '../workspaces/support/manual-clock';

/** The IdP's signing keys are fetched once per issuer for the run, not again at every renewal (jose keeps them). */
const BULK = { username: 'bulk', password: 'bulk-demo-pass' };

let emu: Emulator;
let app: AuthUnderTest;
let clock: ManualClock;
const events: TapEvent[] = [];

beforeEach(async () => {
  events.length = 0;
  // oidc-provider dates ID tokens by real time: long-lived, so STS on emulator time takes them after hours.
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, tokenTtl: { idTokenSeconds: 12 * 3600 }, onResponse: (event) => events.push(event) });
  clock = new ManualClock(emu.clock.now(), [emu.clock]);
  app = await startAuth(emu, { clock, browser: playingBrowser(BULK) });
});
afterEach(async () => {
  await app.close();
  await emu.stop();
});

const count = (path: string): number => events.filter((e) => e.service === 'oidc' && (e.operation ?? '').endsWith(path)).length;

describe('the identity provider’s signing keys', () => {
  it('are downloaded once for the sign-in and its renewals, while every renewal still verifies a new ID token', async () => {
    expect((await app.auth.signIn(app.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    expect(count('/jwks')).toBe(1);

    // Three renewals, each a refresh at the token endpoint whose new ID token is verified before STS sees it.
    for (let renewal = 1; renewal <= 3; renewal += 1) {
      const expiresAt = app.auth.status(app.oidcOrgId)?.expiresAt ?? 0;
      await clock.advance(expiresAt - clock.now() - REFRESH_MARGIN_MS + 1_000);
      await vi.waitFor(() => expect(app.auth.status(app.oidcOrgId)?.expiresAt ?? 0).toBeGreaterThan(expiresAt));
    }
    expect(count('/token')).toBe(4);
    expect(app.auth.session(app.oidcOrgId)).not.toBeNull();
    expect(count('/jwks')).toBe(1);
  });
});
