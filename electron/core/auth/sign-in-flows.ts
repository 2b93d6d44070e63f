import { isSafeExternalUrl } from '@shared/lib/external-url';
import type { DeviceCodePrompt, SignInFlow } from '@shared/ipc/domains/auth';
import type { OrgProfile } from '@shared/models/org';
import type { NetworkFetch } from '../network/port';
import type { Browser, Clock } from '../ports';
import type { RememberedSecrets } from '../vault/sign-in-vault';
import { AuthError, browserFailed, insecureSignInUrl } from './auth-error';
import { BrokerGrant, type BrokerToken, type Expiring, type Grant, IdentityCenterGrant, OidcGrant } from './grants';
import { type IdcOrg, type IdcRegistration, IdentityCenterClient } from './identity-center-client';
import { startLoopback } from './loopback';
import { type BrokerOrg, OidcClient, type OidcOrg, type OidcTokens } from './oidc-client';
import { createPkce, randomNonce, randomState } from './pkce';
import { renewWithinPolicy, staleSignInRefusal } from './sign-in-age';
import { callerSessionName, type TemporaryCredentials } from './sts';
import { userNameProblem } from '@shared/lib/user-name';

export interface FlowContext {
  readonly clock: Clock;
  readonly browser: Browser;
  readonly requestTimeoutMs: number;
  /** The network port's fetch: every request of a sign-in goes through it. */
  readonly fetch: NetworkFetch;
  readonly loopbackTimeoutMs?: number;
  /** Called when the UI should show something new (waiting for the browser, the device code). */
  readonly progress: (waitingFor: 'browser' | 'device', deviceCode?: DeviceCodePrompt) => void;
}

export interface AwsSignedIn {
  readonly grant: Grant;
  readonly credentials: TemporaryCredentials;
}

/** Broker mode: the IdP's tokens only, no AWS credentials. */
export interface BrokerSignedIn {
  readonly grant: BrokerGrant;
  readonly token: BrokerToken;
}

export type SignedIn = AwsSignedIn | BrokerSignedIn;

/** One sign-in attempt that the user can cancel at any point. */
export class Attempt {
  private stopped: AuthError | null = null;
  private readonly listeners = new Set<(error: AuthError) => void>();

  cancel(): void {
    if (this.stopped) return;
    this.stopped = new AuthError('sign-in-cancelled', 'Sign-in was cancelled.');
    for (const listener of this.listeners) listener(this.stopped);
  }

  get cancelled(): AuthError | null {
    return this.stopped;
  }

  /** Rejects as soon as the attempt is cancelled. */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise<T>((resolve, reject) => {
      const onCancel = (error: AuthError): void => reject(error);
      this.listeners.add(onCancel);
      promise.then(resolve, reject).finally(() => this.listeners.delete(onCancel));
    });
  }

  onCancel(listener: () => void): void {
    this.listeners.add(listener);
  }
}

async function openInBrowser(ctx: FlowContext, url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) throw insecureSignInUrl(url);
  try {
    await ctx.browser.open(url);
  } catch (error) {
    throw browserFailed(error);
  }
}

/**
 * OIDC in the browser: Authorization Code + PKCE, loopback redirect, ID token checks; the grant
 * `grantOf` makes of the tokens is refused when the IdP reused a sign-in older than the policy allows.
 */
async function oidcBrowserGrant<G extends Grant<Expiring>>(
  ctx: FlowContext,
  org: OidcOrg | BrokerOrg,
  attempt: Attempt,
  grantOf: (client: OidcClient, tokens: OidcTokens & { readonly userName: string }, authTime: number) => G,
): Promise<G> {
  const client = new OidcClient(org, ctx.clock, ctx.requestTimeoutMs, ctx.fetch);
  const state = randomState();
  const loopback = await startLoopback(ctx.clock, state, ctx.loopbackTimeoutMs);
  attempt.onCancel(() => loopback.cancel());
  try {
    const pkce = await createPkce();
    const nonce = randomNonce();
    const url = await attempt.race(client.authorizationUrl(loopback.redirectUri, pkce, state, nonce));
    ctx.progress('browser');
    await openInBrowser(ctx, url);
    const callback = await attempt.race(loopback.callback);
    const tokens = await attempt.race(client.exchange(callback, loopback.redirectUri, pkce, state, nonce));
    // An IdP that omits auth_time: the user has just been through the browser; that time is kept in memory only.
    const grant = grantOf(client, tokens, tokens.authTime ?? ctx.clock.now());
    const refusal = staleSignInRefusal(grant, org.policy, ctx.clock.now());
    if (refusal) {
      await grant.revoke().catch(() => grant.dispose());
      throw refusal;
    }
    return grant;
  } finally {
    await loopback.close();
  }
}

/** OIDC: the browser sign-in, then STS. */
export async function signInWithOidc(ctx: FlowContext, org: OidcOrg, attempt: Attempt): Promise<AwsSignedIn> {
  const grant = await oidcBrowserGrant(
    ctx,
    org,
    attempt,
    (client, tokens, authTime) =>
      new OidcGrant(org, client, ctx.clock, ctx.requestTimeoutMs, tokens.idToken, tokens.refreshToken ?? null, tokens.userName, authTime, tokens.subject),
  );
  const credentials = await attempt.race(grant.renew());
  return { grant, credentials };
}

/** Broker mode: the same browser sign-in, and no STS: the device keeps the IdP's tokens only. */
export async function signInWithBroker(ctx: FlowContext, org: BrokerOrg, attempt: Attempt): Promise<BrokerSignedIn> {
  const grant = await oidcBrowserGrant(
    ctx,
    org,
    attempt,
    (client, tokens, authTime) => new BrokerGrant(client, tokens.idToken, tokens.refreshToken ?? null, tokens.userName, authTime, tokens.subject),
  );
  return { grant, token: await grant.renew() };
}

/** A grant rebuilt from the keychain: no browser, just the refresh token. */
function restoredGrant(ctx: FlowContext, org: OrgProfile, userName: string, secrets: RememberedSecrets): Grant {
  if (org.signIn.method === 'oidc') {
    const oidcOrg = org as OidcOrg;
    return new OidcGrant(
      oidcOrg,
      new OidcClient(oidcOrg, ctx.clock, ctx.requestTimeoutMs, ctx.fetch),
      ctx.clock,
      ctx.requestTimeoutMs,
      null,
      secrets.refreshToken,
      userName,
      null,
    );
  }
  if (!secrets.registration)
    throw new AuthError('sign-in-expired', 'Your IAM Identity Center sign-in has expired. Sign in again.', 'No client registration was kept.');
  return new IdentityCenterGrant(
    new IdentityCenterClient(org as IdcOrg, ctx.clock, ctx.requestTimeoutMs, ctx.fetch),
    ctx.clock,
    secrets.registration,
    { refreshToken: secrets.refreshToken },
    userName,
  );
}

/** A remembered sign-in brought back without the browser, if the organization's sign-in age limit still allows it. */
export async function signInFromKeychain(ctx: FlowContext, org: OrgProfile, userName: string, secrets: RememberedSecrets): Promise<SignedIn> {
  if (org.signIn.method === 'broker') {
    const brokerOrg = org as BrokerOrg;
    const brokerGrant = new BrokerGrant(new OidcClient(brokerOrg, ctx.clock, ctx.requestTimeoutMs, ctx.fetch), null, secrets.refreshToken, userName, null);
    try {
      return { grant: brokerGrant, token: await renewWithinPolicy(brokerGrant, org.policy, () => ctx.clock.now()) };
    } catch (error) {
      brokerGrant.dispose();
      throw error;
    }
  }
  const grant = restoredGrant(ctx, org, userName, secrets);
  try {
    return { grant, credentials: await renewWithinPolicy(grant, org.policy, () => ctx.clock.now()) };
  } catch (error) {
    grant.dispose();
    throw error;
  }
}

/** Waits on core's Clock; the attempt's cancel ends the wait at once. */
function waiter(ctx: FlowContext, attempt: Attempt): (ms: number) => Promise<void> {
  return (ms) => attempt.race(new Promise<void>((resolve) => ctx.clock.setTimeout(resolve, ms)));
}

/**
 * IAM Identity Center: a registration (reused while valid), then Authorization Code + PKCE with
 * the loopback listener, or the device code the user enters on any browser; then GetRoleCredentials.
 */
export async function signInWithIdentityCenter(
  ctx: FlowContext,
  org: IdcOrg,
  attempt: Attempt,
  flow: SignInFlow,
  cached: IdcRegistration | null,
): Promise<SignedIn & { readonly registration: IdcRegistration }> {
  const client = new IdentityCenterClient(org, ctx.clock, ctx.requestTimeoutMs, ctx.fetch);
  let done = false;
  try {
    const registration = cached && cached.expiresAt - ctx.clock.now() > 3600_000 ? cached : await attempt.race(client.register());
    let tokens;
    if (flow === 'device') {
      const device = await attempt.race(client.startDevice(registration));
      ctx.progress('device', {
        userCode: device.userCode,
        verificationUri: device.verificationUriComplete ?? device.verificationUri,
        expiresAt: device.expiresAt,
      });
      tokens = await client.pollDevice(registration, device, () => attempt.cancelled, waiter(ctx, attempt));
    } else {
      const state = randomState();
      const loopback = await startLoopback(ctx.clock, state, ctx.loopbackTimeoutMs);
      attempt.onCancel(() => loopback.cancel());
      try {
        const pkce = await createPkce();
        ctx.progress('browser');
        await openInBrowser(ctx, client.authorizationUrl(registration, loopback.redirectUri, pkce, state));
        const callback = await attempt.race(loopback.callback);
        tokens = await attempt.race(client.exchangeCode(registration, callback, loopback.redirectUri, pkce, state));
      } finally {
        await loopback.close();
      }
    }
    const credentials = await attempt.race(client.roleCredentials(tokens.accessToken));
    const sessionName = (await callerSessionName(org, credentials, ctx.requestTimeoutMs, ctx.fetch)) ?? '';
    // A name AWS WorkSpaces wouldn't accept (over 63 characters): left empty, so the user is asked for it.
    const userName = userNameProblem(sessionName) === null ? sessionName : '';
    const grant = new IdentityCenterGrant(client, ctx.clock, registration, tokens, userName);
    done = true;
    return { grant, credentials, registration };
  } finally {
    if (!done) client.destroy();
  }
}
