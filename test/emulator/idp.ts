import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import Provider, { type Account } from 'oidc-provider';
import type { Faults } from './faults';
import type { ResponseTap } from './http-server';
import { loginPage, messagePage } from './html';
import { OWNER_TAG_KEY, type DemoUser } from './seed';
import { TAGS_CLAIM } from './sts';

export interface IdpTokenTtls {
  readonly accessTokenSeconds?: number;
  readonly idTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
}

/** Habits of real identity providers that Deskbridge must cope with; each is off by default. */
export interface IdpQuirks {
  /** Ignores max_age and reports a sign-in this many seconds old in auth_time (a long-lived IdP session). */
  readonly staleAuthTimeSeconds?: number;
  /** Refreshed ID tokens leave out the user-name claims (OIDC does not require a refresh to repeat them). */
  readonly refreshWithoutUserName?: boolean;
  /** ID tokens carry nbf, as Entra ID's do. */
  readonly notBefore?: boolean;
  /** Never issues a refresh token (pair with a short tokenTtl.idTokenSeconds). */
  readonly noRefreshToken?: boolean;
  /** The user-name claims are only at the UserInfo endpoint, never in the ID token. */
  readonly userNameOnlyInUserInfo?: boolean;
  /** The user name is also in a claim named by a URL, as Okta and Auth0 custom claims are. */
  readonly urlUserNameClaim?: boolean;
  /** The discovery document is streamed with this many bytes (padded, no content-length). */
  readonly discoveryBytes?: number;
  /** A broken IdP: refreshed ID tokens carry this other user's sub. */
  readonly refreshAnswersFor?: DemoUser;
}

/** The claim name urlUserNameClaim adds. */
export const URL_USER_NAME_CLAIM = 'https://example.com/username';
/** What userNameOnlyInUserInfo and refreshWithoutUserName leave out of ID tokens. */
const USER_NAME_CLAIMS = ['preferred_username', 'email', 'email_verified', 'name', URL_USER_NAME_CLAIM];

export interface IdpOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly users: readonly DemoUser[];
  readonly signingKey: JWK;
  readonly ttl?: IdpTokenTtls;
  readonly quirks?: IdpQuirks;
  /** Whether ID tokens carry the https://aws.amazon.com/tags claim (default true, as the admin guide configures). */
  readonly sessionTags?: boolean;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A stable opaque subject, as real IdPs issue (STS requires at least 6 characters). */
export function subjectOf(user: DemoUser): string {
  return `00u-${user.username}`;
}

/** The session tags claim as the admin guide maps it: the owner tag key → the user name. */
export function tagsClaimOf(user: DemoUser): Record<string, unknown> {
  return { principal_tags: { [OWNER_TAG_KEY]: [user.username] }, transitive_tag_keys: [OWNER_TAG_KEY] };
}

function claimsOf(user: DemoUser, sessionTags: boolean): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: subjectOf(user), preferred_username: user.username, email: user.email, email_verified: true, name: user.name };
  if (sessionTags) claims[TAGS_CLAIM] = tagsClaimOf(user);
  return claims;
}

/** A user's claims for one use ('id_token' or 'userinfo'), shaped by the quirks. */
function claimsWithQuirks(user: DemoUser, quirks: IdpQuirks, use: string, token: { kind?: string } | undefined, sessionTags: boolean): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...claimsOf(user, sessionTags), ...(quirks.urlUserNameClaim ? { [URL_USER_NAME_CLAIM]: user.username } : {}) };
  if (use !== 'id_token') return claims;
  const refreshing = token?.kind === 'RefreshToken';
  if (quirks.userNameOnlyInUserInfo || (quirks.refreshWithoutUserName && refreshing)) for (const name of USER_NAME_CLAIMS) delete claims[name];
  if (quirks.notBefore) claims['nbf'] = Math.floor(Date.now() / 1000);
  return claims;
}

export function createIdp(options: IdpOptions): Provider {
  const ttl = options.ttl ?? {};
  const quirks = options.quirks ?? {};
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        // A native public client: oidc-provider then accepts any loopback port (RFC 8252 §7.3).
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        post_logout_redirect_uris: ['http://127.0.0.1/logout'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // Like Okta and Keycloak: auth_time (when the user really logged in) in every ID token, refreshes included.
        require_auth_time: true,
      },
    ],
    jwks: { keys: [options.signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: {
      openid: ['sub', TAGS_CLAIM, ...(quirks.notBefore ? ['nbf'] : [])],
      profile: ['name', 'preferred_username', ...(quirks.urlUserNameClaim ? [URL_USER_NAME_CLAIM] : [])],
      email: ['email', 'email_verified'],
    },
    // Deskbridge reads the user name from the ID token of a code flow, so put scope claims there.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // A public client may revoke only its own tokens.
        allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => Promise.resolve(token.clientId === client.clientId),
      },
      introspection: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    pkce: { required: () => true },
    issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }, code: { scopes: Set<string> }) =>
      Promise.resolve(!quirks.noRefreshToken && client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access')),
    ttl: {
      AccessToken: ttl.accessTokenSeconds ?? 3600,
      IdToken: ttl.idTokenSeconds ?? 3600,
      RefreshToken: ttl.refreshTokenSeconds ?? 14 * 86_400,
      AuthorizationCode: 120,
      Interaction: 3600,
      Session: 86_400,
      Grant: 14 * 86_400,
    },
    findAccount: (_ctx: unknown, sub: string, token?: { kind?: string }): Account | undefined => {
      const found = options.users.find((u) => subjectOf(u) === sub);
      const user = token?.kind === 'RefreshToken' && quirks.refreshAnswersFor ? quirks.refreshAnswersFor : found;
      return user === undefined || found === undefined
        ? undefined
        : { accountId: subjectOf(user), claims: (use: string) => Promise.resolve(claimsWithQuirks(user, quirks, use, token, options.sessionTags ?? true)) };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = messagePage('Sign-in error', `${out['error'] ?? 'error'}: ${out['error_description'] ?? ''}`);
    },
  });
  return provider;
}

/** The login form and its POST handler; consent is granted with the login for the demo client. */
export async function handleInteraction(
  provider: Provider,
  users: readonly DemoUser[],
  req: IncomingMessage,
  res: ServerResponse,
  quirks: IdpQuirks = {},
  now: () => number = Date.now,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const action = `/interaction/${details.uid}`;
  const send = (status: number, html: string): void => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
  if (req.method !== 'POST') {
    send(200, loginPage({ title: 'Sign in to Deskbridge Demo IdP', action }));
    return;
  }
  const form = await readForm(req);
  const user = users.find((u) => u.username === form.get('username') && u.password === form.get('password'));
  if (user === undefined) {
    send(401, loginPage({ title: 'Sign in to Deskbridge Demo IdP', action, error: 'Wrong user name or password.' }));
    return;
  }
  const clientId = typeof details.params['client_id'] === 'string' ? details.params['client_id'] : '';
  const grant = new provider.Grant({ accountId: subjectOf(user), clientId });
  grant.addOIDCScope(typeof details.params['scope'] === 'string' ? details.params['scope'] : 'openid');
  grant.addOIDCClaims(['sub', 'preferred_username', 'email', 'email_verified', 'name', TAGS_CLAIM]);
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    // auth_time follows the emulator's clock (moved by tests), like the lifecycle and credential expiry.
    { login: { accountId: subjectOf(user), ts: Math.floor(now() / 1000) - (quirks.staleAuthTimeSeconds ?? 0) }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/** The IdP's request entry point: faults first, then the login pages or oidc-provider itself. */
export function idpHandler(
  provider: Provider,
  users: readonly DemoUser[],
  faults: Faults,
  timers: Set<NodeJS.Timeout>,
  quirks: IdpQuirks = {},
  now: () => number = Date.now,
  tap?: ResponseTap,
): (req: IncomingMessage, res: ServerResponse) => void {
  const callback = provider.callback();
  const run = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const operation = url.pathname.startsWith('/interaction/') ? '/interaction' : url.pathname;
    // Every answer counts as one IdP call (benchmarks count calls at the emulator).
    if (tap !== undefined)
      res.once('finish', () =>
        tap({
          service: 'oidc',
          operation,
          status: res.statusCode,
          headers: Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k, String(v)])),
          body: '',
        }),
      );
    const spec = faults.spec('oidc', operation);
    const outcome = faults.decide('oidc', operation);
    if (spec.latencyMs !== undefined && spec.latencyMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, spec.latencyMs);
        timers.add(timer);
      });
    }
    if (outcome === 'drop') {
      req.socket.destroy();
      return;
    }
    if (outcome !== 'none') {
      const status = outcome === 'throttle' ? 429 : outcome === 'error503' ? 503 : 500;
      const error = outcome === 'error503' ? 'temporarily_unavailable' : 'server_error';
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error, error_description: `injected fault (${outcome})` }));
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      await handleInteraction(provider, users, req, res, quirks, now);
      return;
    }
    if (url.pathname === '/.well-known/openid-configuration' && quirks.discoveryBytes !== undefined) {
      await streamPaddedDiscovery(res, provider.issuer, quirks.discoveryBytes);
      return;
    }
    if (url.pathname === '/auth' && req.method === 'GET' && quirks.staleAuthTimeSeconds !== undefined) {
      // Like an IdP that keeps its own long session and ignores the client's max_age.
      url.searchParams.delete('max_age');
      req.url = `${url.pathname}?${url.searchParams.toString()}`;
    }
    if (url.pathname === '/auth' && req.method === 'GET') {
      // Like Okta and Entra ID, honour offline_access without an explicit prompt=consent.
      const scope = url.searchParams.get('scope') ?? '';
      if (scope.split(' ').includes('offline_access') && !url.searchParams.has('prompt')) {
        url.searchParams.set('prompt', 'consent');
        req.url = `${url.pathname}?${url.searchParams.toString()}`;
      }
    }
    callback(req, res);
  };
  return (req, res) => {
    run(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(messagePage('Sign-in error', error instanceof Error ? error.message : 'error'));
    });
  };
}

/** A syntactically valid discovery document of `bytes` bytes, sent in chunks as the reader takes them, until it hangs up. */
async function streamPaddedDiscovery(res: ServerResponse, issuer: string, bytes: number): Promise<void> {
  const metadata = {
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    userinfo_endpoint: `${issuer}/me`,
    revocation_endpoint: `${issuer}/token/revocation`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  };
  const head = `${JSON.stringify(metadata).slice(0, -1)},"padding":"`;
  const tail = '"}';
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write(head);
  const chunk = 'x'.repeat(64 * 1024);
  let left = Math.max(0, bytes - head.length - tail.length);
  while (left > 0 && !res.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drainedOrClosed(res);
  }
  if (!res.destroyed) res.end(tail);
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
