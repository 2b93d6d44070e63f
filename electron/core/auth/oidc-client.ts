import { createRemoteJWKSet, customFetch as joseCustomFetch, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import * as oauth from 'oauth4webapi';
import type { BrokerSignIn, OidcSignIn, OrgProfile } from '@shared/models/org';
import { USER_NAME_MAX, userNameMessage, userNameProblem } from '@shared/lib/user-name';
import type { Clock } from '../ports';
import { AuthError, describeCause } from './auth-error';
import { captivePortalIn } from '../network/network-failure';
import type { NetworkFetch } from '../network/port';
import { boundedFetch, type Fetch, MAX_IDP_RESPONSE_BYTES } from './bounded-fetch';
import { explainNetworkError } from './network-error';
import type { Pkce } from './pkce';

/** Five minutes: more than that between the IdP's clock and ours is reported as clock skew. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** The one tolerance, in seconds, that both oauth4webapi and jose apply to exp, nbf and auth_time. */
export const CLOCK_TOLERANCE_S = MAX_CLOCK_SKEW_MS / 1000;
const SCOPE = 'openid profile email offline_access';

export type OidcOrg = OrgProfile & { readonly signIn: OidcSignIn };
/** Broker mode signs in with OIDC too (issuer, client id, user-name claim), without STS. */
export type BrokerOrg = OrgProfile & { readonly signIn: BrokerSignIn };

export interface OidcTokens {
  readonly idToken: string;
  readonly refreshToken?: string;
  /** The ID token's sub: a refresh must answer for the same user (OIDC Core 12.2). */
  readonly subject: string;
  /** Absent only from a refresh whose ID token leaves the claim out (OIDC does not require it there). */
  readonly userName?: string;
  /** When the user actually authenticated at the IdP (the ID token's auth_time), epoch ms, if it says. */
  readonly authTime?: number;
}

/**
 * One key set per issuer's jwks_uri for the whole run, shared by every sign-in and renewal: jose
 * keeps the keys it fetched (cacheMaxAge, 10 minutes by default) and fetches again sooner only when
 * a token names a key it does not have, at most once per cooldown (30 s), so a rotation is picked
 * up while a renewal does not refetch keys that have not changed.
 */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySetFor(jwksUri: string, timeoutMs: number, fetch: Fetch): ReturnType<typeof createRemoteJWKSet> {
  const key = `${timeoutMs} ${jwksUri}`;
  let set = keySets.get(key);
  if (set === undefined) {
    set = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: timeoutMs, [joseCustomFetch]: fetch });
    keySets.set(key, set);
  }
  return set;
}

const isLoopbackUrl = (url: URL): boolean =>
  url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost');

/** The relying-party side of OIDC (oauth4webapi) plus the ID token's signature check (jose). */
export class OidcClient {
  private server: Promise<oauth.AuthorizationServer> | null = null;
  private readonly client: oauth.Client;
  private readonly issuer: URL;

  constructor(
    private readonly org: OidcOrg | BrokerOrg,
    private readonly clock: Clock,
    private readonly requestTimeoutMs: number,
    /** The network port's fetch, wrapped so no answer is read past the size limit. */
    readonly networkFetch: NetworkFetch,
  ) {
    this.issuer = new URL(org.signIn.issuer);
    this.client = { client_id: org.signIn.clientId };
  }

  private readonly fetch: Fetch = boundedFetch(MAX_IDP_RESPONSE_BYTES, async (url, init) => {
    const response = await this.networkFetch(url, init);
    // Discovery, token and key set answers are JSON: a foreign redirect or a web page is a captive portal.
    const portal = captivePortalIn(url, response);
    if (portal) {
      await response.body?.cancel().catch(() => undefined);
      throw portal;
    }
    return response;
  });

  private options(): { [oauth.allowInsecureRequests]: boolean; [oauth.customFetch]: Fetch; signal: () => AbortSignal } {
    // Plain http only for a loopback issuer (the local emulator or a developer's IdP).
    return {
      [oauth.allowInsecureRequests]: isLoopbackUrl(this.issuer),
      [oauth.customFetch]: this.fetch,
      signal: () => AbortSignal.timeout(this.requestTimeoutMs),
    };
  }

  private clientNow(): oauth.Client {
    // oauth4webapi checks exp/nbf against Date.now() + clockSkew; keep it on core's Clock, with our tolerance (its default is 30 s).
    return { ...this.client, [oauth.clockSkew]: Math.round((this.clock.now() - Date.now()) / 1000), [oauth.clockTolerance]: CLOCK_TOLERANCE_S };
  }

  private discover(): Promise<oauth.AuthorizationServer> {
    this.server ??= (async () => {
      const where = `${this.issuer.href} (discovery)`;
      let response: Response;
      try {
        response = await oauth.discoveryRequest(this.issuer, { ...this.options(), algorithm: 'oidc' });
      } catch (error) {
        throw explainNetworkError(error, 'idp', where);
      }
      if (response.status >= 500 || response.status === 429) {
        throw new AuthError(
          'idp-unreachable',
          'Your organization’s identity provider is having problems right now. Try again in a few minutes.',
          `${where} answered HTTP ${response.status}.`,
        );
      }
      try {
        return await oauth.processDiscoveryResponse(this.issuer, response);
      } catch (error) {
        throw discoveryInvalid(this.issuer, describeCause(error));
      }
    })();
    this.server.catch(() => {
      this.server = null; // try discovery again next time
    });
    return this.server;
  }

  async authorizationUrl(redirectUri: string, pkce: Pkce, state: string, nonce: string): Promise<string> {
    const as = await this.discover();
    if (!as.authorization_endpoint) throw discoveryInvalid(this.issuer, 'Its discovery document has no authorization_endpoint.');
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.client.client_id,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: SCOPE,
      state,
      nonce,
      code_challenge: pkce.challenge,
      code_challenge_method: pkce.method,
      // An org limit on sign-in age: the IdP re-authenticates older sessions and must send auth_time.
      ...(this.org.policy.maxSignInHours === undefined ? {} : { max_age: String(this.org.policy.maxSignInHours * 3600) }),
    }).toString();
    return url.toString();
  }

  /** Checks the browser's return (state first), exchanges the code and verifies the ID token. */
  async exchange(
    callback: URLSearchParams,
    redirectUri: string,
    pkce: Pkce,
    state: string,
    nonce: string,
  ): Promise<OidcTokens & { readonly userName: string }> {
    if (callback.get('state') !== state) {
      throw new AuthError(
        'state-mismatch',
        'The answer from the browser did not belong to this sign-in, so Deskbridge ignored it. Try again; if this repeats, another program may be interfering.',
        'The state parameter did not match the one Deskbridge sent.',
      );
    }
    const as = await this.discover();
    const error = callback.get('error');
    if (error !== null) {
      const description = (callback.get('error_description') ?? '').slice(0, 200);
      if (error === 'access_denied') throw new AuthError('sign-in-denied', 'Sign-in was cancelled or refused in the browser.', `${error}: ${description}`);
      throw idpErrorResponse(error, description);
    }
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(as, this.client, callback, state);
    } catch (cause) {
      throw new AuthError(
        'idp-invalid-answer',
        'The answer your identity provider sent back to Deskbridge was not valid, so Deskbridge did not use it.',
        describeCause(cause),
      );
    }
    const response = await this.call(() =>
      oauth.authorizationCodeGrantRequest(as, this.clientNow(), oauth.None(), params, redirectUri, pkce.verifier, this.options()),
    );
    const result = await this.processTokens(() =>
      oauth.processAuthorizationCodeResponse(as, this.clientNow(), response, { expectedNonce: nonce, requireIdToken: true }),
    );
    const tokens = await this.tokensOf(as, result);
    return { ...tokens, userName: tokens.userName ?? (await this.userNameFromUserInfo(as, result.access_token, tokens.subject)) };
  }

  /** New tokens for a refresh token; the caller keeps the user name it has when the new ID token leaves it out. */
  async refresh(refreshToken: string): Promise<OidcTokens> {
    const as = await this.discover();
    const response = await this.call(() => oauth.refreshTokenGrantRequest(as, this.clientNow(), oauth.None(), refreshToken, this.options()));
    const result = await this.processTokens(() => oauth.processRefreshTokenResponse(as, this.clientNow(), response));
    return this.tokensOf(as, { ...result, refresh_token: result.refresh_token ?? refreshToken });
  }

  /** Revokes a refresh token where the IdP offers revocation; failures are not the user's problem. */
  async revoke(refreshToken: string): Promise<boolean> {
    try {
      const as = await this.discover();
      if (!as.revocation_endpoint) return false;
      const response = await oauth.revocationRequest(as, this.client, oauth.None(), refreshToken, {
        ...this.options(),
        additionalParameters: { token_type_hint: 'refresh_token' },
      });
      await oauth.processRevocationResponse(response);
      return true;
    } catch {
      return false;
    }
  }

  private async call(request: () => Promise<Response>): Promise<Response> {
    try {
      return await request();
    } catch (error) {
      throw explainNetworkError(error, 'idp', `${this.issuer.href} (token endpoint)`);
    }
  }

  private async processTokens(process: () => Promise<oauth.TokenEndpointResponse>): Promise<oauth.TokenEndpointResponse> {
    try {
      return await process();
    } catch (error) {
      throw this.explainTokenError(error);
    }
  }

  private explainTokenError(error: unknown): AuthError {
    if (error instanceof oauth.ResponseBodyError) {
      if (error.status >= 500)
        return new AuthError(
          'idp-unreachable',
          'Your organization’s identity provider is having problems right now. Try again in a few minutes.',
          `HTTP ${error.status} ${error.error}`,
        );
      if (error.error === 'invalid_grant')
        return new AuthError('sign-in-expired', 'Your sign-in has expired. Sign in again.', `${error.error}: ${(error.error_description ?? '').slice(0, 200)}`);
      return idpErrorResponse(error.error, (error.error_description ?? '').slice(0, 200));
    }
    if (error instanceof oauth.OperationProcessingError && error.code === oauth.JWT_TIMESTAMP_CHECK) {
      const { claims, claim } = (error.cause ?? {}) as { claims?: JWTPayload; claim?: string };
      // Not valid yet by our clock, beyond the tolerance: the clocks disagree; nothing has expired.
      if (claim === 'nbf' && typeof claims?.nbf === 'number') return clockSkewError(claims.nbf * 1000 - this.clock.now());
      const skew = typeof claims?.iat === 'number' ? claims.iat * 1000 - this.clock.now() : 0;
      if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) return clockSkewError(skew);
      return new AuthError('id-token-expired', 'The sign-in from your identity provider has already expired. Sign in again.', describeCause(error));
    }
    if (error instanceof oauth.OperationProcessingError) {
      return new AuthError('invalid-id-token', 'The identity provider’s answer could not be verified, so Deskbridge did not use it.', describeCause(error));
    }
    return explainNetworkError(error, 'idp', `${this.issuer.href} (token endpoint)`);
  }

  private async tokensOf(as: oauth.AuthorizationServer, result: oauth.TokenEndpointResponse): Promise<OidcTokens> {
    const idToken = result.id_token;
    if (idToken === undefined) throw new AuthError('invalid-id-token', 'The identity provider did not send an ID token.', 'No id_token in the token response.');
    const claims = await this.verifyIdToken(as, idToken);
    if (typeof claims.sub !== 'string' || claims.sub.length === 0)
      throw new AuthError('invalid-id-token', 'The identity provider’s answer could not be verified, so Deskbridge did not use it.', 'No sub in the ID token.');
    const userName = this.userNameIn(claims);
    const authTime = typeof claims.auth_time === 'number' ? { authTime: claims.auth_time * 1000 } : {};
    return {
      idToken,
      subject: claims.sub,
      ...(userName === undefined ? {} : { userName }),
      ...authTime,
      ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
    };
  }

  /** The organization's user-name claim (a plain name or a URL, as Okta and Auth0 name custom claims), if it holds a name. */
  private userNameIn(claims: Readonly<Record<string, unknown>>): string | undefined {
    const claimName = this.org.signIn.userNameClaim;
    const value = claims[claimName];
    if (typeof value !== 'string' || value.length === 0) return undefined;
    const problem = userNameProblem(value);
    if (problem !== null) {
      throw new AuthError(
        'user-name-invalid',
        `${userNameMessage(problem, value.trim().length)} Your identity provider sends it in the claim “${claimName}”. Ask your administrator to check the organization’s user-name claim.`,
        `Claim ${claimName}: ${value.trim().length} characters, AWS allows 1 to ${USER_NAME_MAX}.`,
        { claim: claimName, max: USER_NAME_MAX },
      );
    }
    return value;
  }

  /** Where the ID token has no user name, the UserInfo endpoint may (OIDC Core 5.3), for the same sub. */
  private async userNameFromUserInfo(as: oauth.AuthorizationServer, accessToken: string, subject: string): Promise<string> {
    const claimName = this.org.signIn.userNameClaim;
    const missing = (where: string): AuthError =>
      new AuthError(
        'user-name-missing',
        `Your identity provider did not send the claim “${claimName}” that holds your WorkSpaces user name. Ask your administrator to check the organization’s user-name claim.`,
        `Claim ${claimName} missing from the ID token ${where}.`,
        { claim: claimName },
      );
    if (!as.userinfo_endpoint) throw missing('(and the identity provider has no UserInfo endpoint)');
    let claims: oauth.UserInfoResponse;
    try {
      const response = await oauth.userInfoRequest(as, this.client, accessToken, this.options());
      claims = await oauth.processUserInfoResponse(as, this.client, subject, response);
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError || error instanceof oauth.OperationProcessingError || error instanceof oauth.WWWAuthenticateChallengeError) {
        throw new AuthError(
          'idp-userinfo-refused',
          'Your identity provider did not say who you are (its UserInfo answer was refused or not valid).',
          describeCause(error),
        );
      }
      throw explainNetworkError(error, 'idp', `${as.userinfo_endpoint} (UserInfo)`);
    }
    const userName = this.userNameIn(claims);
    if (userName === undefined) throw missing('and from UserInfo');
    return userName;
  }

  /** Signature against the issuer's JWKS, plus iss, aud and exp on core's clock. */
  private async verifyIdToken(as: oauth.AuthorizationServer, idToken: string): Promise<JWTPayload> {
    if (!as.jwks_uri) throw new AuthError('invalid-id-token', 'The identity provider publishes no signing keys.', 'No jwks_uri in discovery.');
    const jwks = keySetFor(as.jwks_uri, this.requestTimeoutMs, this.fetch);
    try {
      const { payload } = await jwtVerify(idToken, jwks, {
        issuer: as.issuer,
        audience: this.client.client_id,
        currentDate: new Date(this.clock.now()),
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      return payload;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      const { nbf, iat } = unverifiedClaims(idToken);
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf' && typeof nbf === 'number')
        throw clockSkewError(nbf * 1000 - this.clock.now());
      if (error instanceof joseErrors.JWTExpired || (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iat')) {
        const skew = typeof iat === 'number' ? iat * 1000 - this.clock.now() : 0;
        if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) throw clockSkewError(skew);
        throw new AuthError('id-token-expired', 'The sign-in from your identity provider has already expired. Sign in again.', describeCause(error));
      }
      if (error instanceof joseErrors.JWKSTimeout || error instanceof TypeError) throw explainNetworkError(error, 'idp', `${as.jwks_uri} (signing keys)`);
      throw new AuthError('invalid-id-token', 'The identity provider’s answer could not be verified, so Deskbridge did not use it.', describeCause(error));
    }
  }
}

/** The claims of a token that failed verification, for explaining why; nothing when it is no JWT at all. */
function unverifiedClaims(token: string): JWTPayload {
  try {
    return decodeJwt(token);
  } catch {
    return {};
  }
}

export function clockSkewError(skewMs: number): AuthError {
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  const direction = skewMs > 0 ? 'behind' : 'ahead of';
  return new AuthError(
    'clock-skew',
    `This computer’s clock is about ${minutes} minutes ${direction} your identity provider’s. Set the clock correctly (automatic time) and sign in again.`,
    `Difference between the ID token's issue time and this computer's clock: ${Math.round(skewMs / 1000)} s (allowed: ${MAX_CLOCK_SKEW_MS / 1000} s).`,
    { minutes },
  );
}

/** The issuer's discovery document is not the configured issuer's, or lacks what a sign-in needs. */
function discoveryInvalid(issuer: URL, details: string): AuthError {
  return new AuthError(
    'idp-discovery-invalid',
    `The identity provider at ${issuer.href} does not describe itself as the one configured for this organization. Check the issuer URL.`,
    details,
    { issuer: issuer.host },
  );
}

/** OAuth error codes (RFC 6749 §4.1.2.1, §5.2) that mean the IdP does not accept this client. */
const CLIENT_REFUSED = new Set(['invalid_client', 'unauthorized_client', 'unsupported_response_type', 'unsupported_grant_type']);
/** …and those that mean the IdP is in trouble, not refusing anyone. */
const IDP_TROUBLE = new Set(['server_error', 'temporarily_unavailable']);

/**
 * An OAuth error answer from the identity provider (in the redirect or from the token endpoint),
 * as the specific failure it names. The IdP's own code travels as a param, kept to a safe shape.
 */
export function idpErrorResponse(error: string, description: string): AuthError {
  const details = `${error.slice(0, 64)}: ${description.slice(0, 200)}`;
  const params = { error: /^[\w.:-]{1,64}$/.test(error) ? error : 'unrecognised' };
  if (CLIENT_REFUSED.has(error))
    return new AuthError(
      'idp-client-refused',
      'Your identity provider does not accept Deskbridge’s client ID for this organization. Ask your IT department to check the app registration.',
      details,
      params,
    );
  if (error === 'invalid_scope')
    return new AuthError('idp-scope-refused', 'Your identity provider refused the permissions (scopes) Deskbridge asks for.', details, params);
  if (IDP_TROUBLE.has(error))
    return new AuthError('idp-unreachable', 'Your organization’s identity provider is having problems right now. Try again in a few minutes.', details);
  return new AuthError('idp-error', `Your identity provider refused the sign-in (${params.error}).`, details, params);
}
