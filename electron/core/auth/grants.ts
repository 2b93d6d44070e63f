import type { SignInMethod } from '@shared/models/org';
import type { Clock } from '../ports';
import type { RememberedSecrets } from '../vault/sign-in-vault';
import { AuthError } from './auth-error';
import type { IdcRegistration, IdcTokens, IdentityCenterClient } from './identity-center-client';
import { MAX_CLOCK_SKEW_MS, type OidcClient, type OidcOrg, type OidcTokens } from './oidc-client';
import { assumeRoleWithWebIdentity, type TemporaryCredentials } from './sts';

/** Identity Center access tokens are renewed this long before they expire: longer than core's credential margin (5 min), so fresh credentials never inherit a token's last minutes. */
const TOKEN_MARGIN_MS = 10 * 60_000;

/**
 * What a completed sign-in holds (in memory only): the IdP's tokens and how to turn them into
 * fresh AWS credentials. Never leaves the auth folder.
 */
/** What a grant renews: AWS credentials, or (broker mode) the ID token; both expire. */
export interface Expiring {
  readonly expiration: Date;
}

export interface Grant<T extends Expiring = TemporaryCredentials> {
  readonly method: SignInMethod;
  readonly userName: string;
  /**
   * When the user last authenticated at the IdP (epoch ms), for OrgPolicy.maxSignInHours; null
   * when unknown (always for IAM Identity Center, which has no ID token: see sign-in-age.ts).
   */
  readonly authenticatedAt: number | null;
  /** New AWS credentials (broker mode: a fresh ID token), refreshing the IdP's tokens when they are about to expire. */
  renew(): Promise<T>;
  /** What "stay signed in" may keep: the refresh token (and the registration), or null. */
  secrets(): RememberedSecrets | null;
  /** Revokes the refresh token / ends the portal session where the provider allows. */
  revoke(): Promise<void>;
  dispose(): void;
}

/** The IdP's answer to a refresh, for the same user as the sign-in (else `onSwitched` runs and it throws). */
export async function refreshOidcTokens(client: OidcClient, refreshToken: string, subject: string | null, onSwitched: () => void): Promise<OidcTokens> {
  const tokens = await client.refresh(refreshToken);
  if (subject !== null && tokens.subject !== subject) {
    onSwitched();
    throw new AuthError(
      'subject-changed',
      'Your identity provider answered for a different user than the one signed in, so Deskbridge ended this sign-in. Sign in again.',
      'The refreshed ID token has another sub than the sign-in’s (OIDC Core 12.2).',
    );
  }
  return tokens;
}

/** An ID token's exp in epoch ms (it passed verification already); null when it has none. */
export function idTokenExpiry(idToken: string): number | null {
  const payload = idToken.split('.')[1] ?? '';
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number };
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * The OIDC sign-in's tokens, shared by direct mode and broker mode: the ID token (presented once),
 * the refresh token (what "stay signed in" keeps), and the subject every refresh must repeat.
 */
abstract class OidcTokenHolder {
  constructor(
    protected readonly client: OidcClient,
    protected idToken: string | null,
    protected refreshToken: string | null,
    public userName: string,
    /** From the ID token's auth_time; null for a grant rebuilt from the keychain until its first refresh. */
    public authenticatedAt: number | null,
    /** The ID token's sub; null for a grant rebuilt from the keychain until its first refresh. */
    protected subject: string | null,
  ) {}

  /** A new ID token from the IdP (for the same user), with the refresh token and claims it rotates. */
  protected async refreshAtIdp(): Promise<string> {
    if (this.refreshToken === null) throw new AuthError('sign-in-expired', 'Your sign-in has expired. Sign in again.', 'No refresh token was issued.');
    const tokens = await refreshOidcTokens(this.client, this.refreshToken, this.subject, () => this.dispose());
    this.subject = tokens.subject;
    this.refreshToken = tokens.refreshToken ?? this.refreshToken;
    // OIDC does not require a refreshed ID token to repeat the claims: the sign-in's name stands.
    this.userName = tokens.userName ?? this.userName;
    this.authenticatedAt = tokens.authTime ?? this.authenticatedAt;
    return tokens.idToken;
  }

  secrets(): RememberedSecrets | null {
    return this.refreshToken === null ? null : { refreshToken: this.refreshToken };
  }

  async revoke(): Promise<void> {
    if (this.refreshToken !== null) await this.client.revoke(this.refreshToken);
    this.dispose();
  }

  dispose(): void {
    this.idToken = null;
    this.refreshToken = null;
  }
}

export class OidcGrant extends OidcTokenHolder implements Grant {
  readonly method = 'oidc' as const;

  constructor(
    private readonly org: OidcOrg,
    client: OidcClient,
    private readonly clock: Clock,
    private readonly requestTimeoutMs: number,
    idToken: string | null,
    refreshToken: string | null,
    userName: string,
    authenticatedAt: number | null,
    subject: string | null = null,
  ) {
    super(client, idToken, refreshToken, userName, authenticatedAt, subject);
  }

  /**
   * The ID token can still go to STS: one that passed verification (same tolerance) is used at
   * once, however short-lived, rather than refreshed or declared expired (issue: 5-minute tokens).
   */
  private idTokenUsable(): boolean {
    const expiresAt = this.idToken === null ? null : idTokenExpiry(this.idToken);
    return expiresAt !== null && expiresAt + MAX_CLOCK_SKEW_MS > this.clock.now();
  }

  async renew(): Promise<TemporaryCredentials> {
    if (!this.idTokenUsable()) this.idToken = await this.refreshAtIdp();
    const credentials = await assumeRoleWithWebIdentity(this.org, this.idToken ?? '', this.userName, this.requestTimeoutMs, this.client.networkFetch);
    // Next renewal must go through the IdP again: an ID token is presented to STS once.
    this.idToken = null;
    return credentials;
  }
}

/** Broker mode's "credentials": the ID token the broker accepts as `Authorization: Bearer`, and when it expires. */
export interface BrokerToken extends Expiring {
  readonly idToken: string;
}

/**
 * Broker mode (issue 14): the OIDC sign-in's tokens and nothing else. No STS: renew() hands out
 * the ID token itself, refreshed at the IdP once it has been handed out (the keeper renews before
 * it expires), so the device never holds AWS credentials.
 */
export class BrokerGrant extends OidcTokenHolder implements Grant<BrokerToken> {
  readonly method = 'broker' as const;

  constructor(
    client: OidcClient,
    idToken: string | null,
    refreshToken: string | null,
    userName: string,
    authenticatedAt: number | null,
    subject: string | null = null,
  ) {
    super(client, idToken, refreshToken, userName, authenticatedAt, subject);
  }

  async renew(): Promise<BrokerToken> {
    // Handed out once: the next renewal (shortly before it expires) goes to the IdP.
    const idToken = this.idToken ?? (await this.refreshAtIdp());
    this.idToken = null;
    const expiresAt = idTokenExpiry(idToken);
    if (expiresAt === null)
      throw new AuthError(
        'invalid-id-token',
        'The identity provider’s answer could not be verified, so Deskbridge did not use it.',
        'The ID token has no exp.',
      );
    return { idToken, expiration: new Date(expiresAt) };
  }
}

export class IdentityCenterGrant implements Grant {
  readonly method = 'identity-center' as const;
  readonly authenticatedAt = null;
  private accessToken: string | null;
  private accessExpiresAt: number;
  private refreshToken: string | null;

  constructor(
    private readonly client: IdentityCenterClient,
    private readonly clock: Clock,
    private readonly registration: IdcRegistration,
    tokens: IdcTokens | { readonly refreshToken: string },
    public userName: string,
  ) {
    this.accessToken = 'accessToken' in tokens ? tokens.accessToken : null;
    this.accessExpiresAt = 'accessExpiresAt' in tokens ? tokens.accessExpiresAt : 0;
    this.refreshToken = tokens.refreshToken ?? null;
  }

  async renew(): Promise<TemporaryCredentials> {
    if (this.accessToken === null || this.accessExpiresAt - this.clock.now() <= TOKEN_MARGIN_MS) {
      if (this.refreshToken === null)
        throw new AuthError('sign-in-expired', 'Your IAM Identity Center sign-in has expired. Sign in again.', 'No refresh token was issued.');
      if (this.registration.expiresAt <= this.clock.now())
        throw new AuthError('sign-in-expired', 'Your IAM Identity Center sign-in has expired. Sign in again.', 'The client registration has expired.');
      const tokens = await this.client.refresh(this.registration, this.refreshToken);
      this.accessToken = tokens.accessToken;
      this.accessExpiresAt = tokens.accessExpiresAt;
      this.refreshToken = tokens.refreshToken ?? this.refreshToken;
    }
    return this.client.roleCredentials(this.accessToken);
  }

  secrets(): RememberedSecrets | null {
    return this.refreshToken === null ? null : { refreshToken: this.refreshToken, registration: this.registration };
  }

  async revoke(): Promise<void> {
    if (this.accessToken !== null) await this.client.logout(this.accessToken);
    this.dispose();
  }

  dispose(): void {
    this.accessToken = null;
    this.refreshToken = null;
    this.client.destroy();
  }
}
