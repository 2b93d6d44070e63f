import type { Faults } from './faults';
import { loginPage, messagePage } from './html';
import type { Reply, ResponseTap, ServiceDefinition, ServiceRequest } from './http-server';
import type { IdentityCenterState } from './identity-center-state';
import { oidcError, oidcOk } from './sso-oidc-reply';
import { tokenGrant } from './sso-oidc-token';

const html = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});

function jsonBody(request: ServiceRequest): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const OPERATIONS: Readonly<Record<string, string>> = {
  'POST /client/register': 'RegisterClient',
  'POST /device_authorization': 'StartDeviceAuthorization',
  'POST /token': 'CreateToken',
};

export interface SsoOidcDeps {
  readonly state: IdentityCenterState;
  readonly faults: Faults;
  readonly baseUrl: () => string;
  readonly tap?: ResponseTap;
}

function isLoopback(uri: string): boolean {
  const parsed = URL.parse(uri);
  return parsed !== null && parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]');
}

function registerClient(body: Record<string, unknown>, deps: SsoOidcDeps): Reply {
  const op = 'RegisterClient';
  const clientName = str(body['clientName']);
  const clientType = str(body['clientType']);
  if (clientName === undefined || clientType === undefined)
    return oidcError('InvalidRequestException', 'invalid_request', 'clientName and clientType are required', 400, op);
  if (clientType !== 'public') return oidcError('InvalidClientMetadataException', 'invalid_client_metadata', 'clientType must be public', 400, op);
  const redirectUris = strList(body['redirectUris']);
  if (redirectUris.some((uri) => !isLoopback(uri)))
    return oidcError('InvalidRedirectUriException', 'invalid_redirect_uri', 'Only loopback redirect URIs are allowed', 400, op);
  const grantTypes = strList(body['grantTypes']);
  const known = ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'];
  if (grantTypes.some((g) => !known.includes(g)))
    return oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', 'Unsupported grant type', 400, op);
  const now = deps.state.clock.now();
  const client = {
    clientId: deps.state.newSecret(16),
    clientSecret: deps.state.newSecret(64),
    redirectUris,
    grantTypes: grantTypes.length > 0 ? grantTypes : ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    expiresAt: now + 90 * 86_400_000,
  };
  deps.state.clients.set(client.clientId, client);
  const base = deps.baseUrl();
  return oidcOk(op, {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(now / 1000),
    clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
    ...(redirectUris.length > 0 ? { authorizationEndpoint: `${base}/authorize`, tokenEndpoint: `${base}/token` } : {}),
  });
}

function startDeviceAuthorization(body: Record<string, unknown>, deps: SsoOidcDeps): Reply {
  const op = 'StartDeviceAuthorization';
  const client = deps.state.clients.get(str(body['clientId']) ?? '');
  if (client === undefined || client.clientSecret !== body['clientSecret'])
    return oidcError('InvalidClientException', 'invalid_client', 'Invalid client credentials', 401, op);
  if (str(body['startUrl']) === undefined) return oidcError('InvalidRequestException', 'invalid_request', 'startUrl is required', 400, op);
  const now = deps.state.clock.now();
  const device = {
    deviceCode: deps.state.newSecret(48),
    userCode: deps.state.newUserCode(),
    clientId: client.clientId,
    expiresAt: now + 600_000,
    intervalSeconds: 1,
    status: 'pending' as const,
  };
  deps.state.devices.set(device.deviceCode, { ...device });
  const base = deps.baseUrl();
  return oidcOk(op, {
    deviceCode: device.deviceCode,
    userCode: device.userCode,
    verificationUri: `${base}/device`,
    verificationUriComplete: `${base}/device?user_code=${encodeURIComponent(device.userCode)}`,
    expiresIn: 600,
    interval: device.intervalSeconds,
  });
}

function authorizePage(request: ServiceRequest, deps: SsoOidcDeps): Reply {
  const p = request.req.method === 'POST' ? new URLSearchParams(request.body.toString('utf8')) : request.url.searchParams;
  const client = deps.state.clients.get(p.get('client_id') ?? '');
  const redirectUri = p.get('redirect_uri') ?? '';
  if (client === undefined || !client.redirectUris.some((uri) => sameLoopback(uri, redirectUri))) {
    return html(400, messagePage('Sign-in error', 'Unknown client or redirect URI.'));
  }
  if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256' || (p.get('code_challenge') ?? '') === '') {
    return html(400, messagePage('Sign-in error', 'response_type=code and a PKCE S256 code_challenge are required.'));
  }
  const hidden: Record<string, string> = {};
  for (const name of ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scopes']) {
    const value = p.get(name);
    if (value !== null) hidden[name] = value;
  }
  const title = 'Sign in to AWS access portal (emulated)';
  if (request.req.method !== 'POST') return html(200, loginPage({ title, action: '/authorize', hidden }));
  const user = deps.state.users.find((u) => u.username === p.get('username') && u.password === p.get('password'));
  if (user === undefined) return html(401, loginPage({ title, action: '/authorize', hidden, error: 'Wrong user name or password.' }));
  const code = deps.state.newSecret(32);
  deps.state.codes.set(code, {
    clientId: client.clientId,
    redirectUri,
    codeChallenge: p.get('code_challenge') ?? '',
    userName: user.username,
    expiresAt: deps.state.clock.now() + 300_000,
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = p.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return { status: 302, headers: { location: target.toString(), 'content-length': '0' } };
}

/** Loopback redirect URIs match whatever the port (RFC 8252 §7.3). */
export function sameLoopback(registered: string, actual: string): boolean {
  const a = URL.parse(registered);
  const b = URL.parse(actual);
  if (a === null || b === null || !isLoopback(actual)) return false;
  return a.hostname === b.hostname && a.pathname === b.pathname;
}

function devicePage(request: ServiceRequest, deps: SsoOidcDeps): Reply {
  const p = request.req.method === 'POST' ? new URLSearchParams(request.body.toString('utf8')) : request.url.searchParams;
  const userCode = (p.get('user_code') ?? '').toUpperCase();
  const title = 'Authorize device (emulated AWS access portal)';
  const hidden = { user_code: userCode };
  const intro = `Confirm that this code matches the one shown in your app: ${userCode}`;
  if (request.req.method !== 'POST') return html(200, loginPage({ title, action: '/device', hidden, intro }));
  const device = [...deps.state.devices.values()].find((d) => d.userCode === userCode && d.status === 'pending');
  if (device === undefined) return html(400, messagePage('Authorization failed', 'This code is unknown or has expired.'));
  const user = deps.state.users.find((u) => u.username === p.get('username') && u.password === p.get('password'));
  if (user === undefined) return html(401, loginPage({ title, action: '/device', hidden, intro, error: 'Wrong user name or password.' }));
  device.status = 'approved';
  device.userName = user.username;
  return html(200, messagePage('Request approved', 'You can close this window and return to Deskbridge.'));
}

export function ssoOidcService(deps: SsoOidcDeps): ServiceDefinition {
  const opOf = (request: ServiceRequest): string | undefined => OPERATIONS[`${request.req.method ?? ''} ${request.url.pathname}`];
  return {
    service: 'ssoOidc',
    faults: deps.faults,
    tap: deps.tap,
    operationOf: (request) => opOf(request) ?? request.url.pathname,
    faultReply(outcome, operation) {
      if (outcome === 'throttle') return oidcError('ThrottlingException', 'slow_down', 'Rate exceeded', 400, operation);
      if (outcome === 'error503') return oidcError('ServiceUnavailable', 'temporarily_unavailable', 'Service unavailable', 503, operation);
      return oidcError('InternalServerException', 'server_error', 'Internal error', 500, operation);
    },
    handle(request) {
      const route = `${request.req.method ?? ''} ${request.url.pathname}`;
      if (route === 'POST /client/register') return Promise.resolve(registerClient(jsonBody(request), deps));
      if (route === 'POST /device_authorization') return Promise.resolve(startDeviceAuthorization(jsonBody(request), deps));
      if (route === 'POST /token') return Promise.resolve(tokenGrant(jsonBody(request), deps.state));
      if (request.url.pathname === '/authorize') return Promise.resolve(authorizePage(request, deps));
      if (request.url.pathname === '/device') return Promise.resolve(devicePage(request, deps));
      if (request.url.pathname === '/start' || request.url.pathname === '/start/') {
        return Promise.resolve(html(200, messagePage('AWS access portal (emulated)', 'Sign in from Deskbridge to continue.')));
      }
      return Promise.resolve(html(404, messagePage('Not found', 'No such page.')));
    },
  };
}
