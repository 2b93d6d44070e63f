import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import Provider, { type Account } from 'oidc-provider';
import type { Faults } from './faults';
import type { ResponseTap } from './http-server';
import { loginPage, messagePage } from './html';
import type { DemoUser } from './seed';

export interface IdpTokenTtls {
  readonly accessTokenSeconds?: number;
  readonly idTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
}

export interface IdpOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly users: readonly DemoUser[];
  readonly signingKey: JWK;
  readonly ttl?: IdpTokenTtls;
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

function claimsOf(user: DemoUser): Record<string, unknown> {
  return { sub: subjectOf(user), preferred_username: user.username, email: user.email, email_verified: true, name: user.name };
}

export function createIdp(options: IdpOptions): Provider {
  const ttl = options.ttl ?? {};
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
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
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
    ttl: {
      AccessToken: ttl.accessTokenSeconds ?? 3600,
      IdToken: ttl.idTokenSeconds ?? 3600,
      RefreshToken: ttl.refreshTokenSeconds ?? 14 * 86_400,
      AuthorizationCode: 120,
      Interaction: 3600,
      Session: 86_400,
      Grant: 14 * 86_400,
    },
    findAccount: (_ctx: unknown, sub: string): Account | undefined => {
      const user = options.users.find((u) => subjectOf(u) === sub);
      return user === undefined ? undefined : { accountId: sub, claims: () => Promise.resolve(claimsOf(user)) };
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
  grant.addOIDCClaims(['sub', 'preferred_username', 'email', 'email_verified', 'name']);
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: subjectOf(user) }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/** The IdP's request entry point: faults first, then the login pages or oidc-provider itself. */
export function idpHandler(
  provider: Provider,
  users: readonly DemoUser[],
  faults: Faults,
  timers: Set<NodeJS.Timeout>,
  tap?: ResponseTap,
): (req: IncomingMessage, res: ServerResponse) => void {
  const callback = provider.callback();
  const run = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const operation = url.pathname.startsWith('/interaction/') ? '/interaction' : url.pathname;
    // Every answer counts as one IdP call (benchmarks count calls at the emulator).
    if (tap !== undefined) res.once('finish', () => tap({ service: 'oidc', operation, status: res.statusCode }));
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
      await handleInteraction(provider, users, req, res);
      return;
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
