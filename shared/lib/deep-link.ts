import type { OrgInput } from '../models/org';
import { serviceUrlProblem } from './external-url';
import { describeIssues, orgInputSchema } from './org-input';
import { parseUrl } from './parse-url';

export const DEEP_LINK_SCHEME = 'deskbridge';
export const MAX_DEEP_LINK_LENGTH = 2048;

export type DeepLinkRejection =
  'not-a-link' | 'too-long' | 'wrong-scheme' | 'unknown-action' | 'unexpected-parameter' | 'duplicate-parameter' | 'invalid-value';

/** What a broker link carries besides the broker's URL (the rest comes from its GET /v1/config). */
export interface BrokerLinkHints {
  readonly code?: string;
  readonly name?: string;
  readonly region?: string;
  readonly directoryId?: string;
}

export type ParsedDeepLink =
  | { readonly ok: true; readonly action: 'register'; readonly input: OrgInput }
  | { readonly ok: false; readonly reason: DeepLinkRejection; readonly message: string };

const OIDC_PARAMS = ['issuer', 'clientId', 'roleArn', 'userNameClaim'] as const;
const SSO_PARAMS = ['startUrl', 'ssoRegion', 'accountId', 'roleName'] as const;
const SAML_PARAMS = ['signInUrl', 'preferredRoleArn', 'userNameAttribute'] as const;
const BROKER_PARAMS = ['brokerUrl'] as const;
const COMMON_PARAMS = ['code', 'name', 'region', 'method', 'directoryId'] as const;
const ALLOWED = new Set<string>([...COMMON_PARAMS, ...OIDC_PARAMS, ...SSO_PARAMS, ...SAML_PARAMS, ...BROKER_PARAMS]);

/** SAML's settings from a link: the optional ones only when given. */
function samlInput(p: Map<string, string>): Record<string, unknown> {
  const signIn: Record<string, unknown> = { method: 'saml', signInUrl: p.get('signInUrl') };
  for (const key of ['preferredRoleArn', 'userNameAttribute'] as const) {
    const value = p.get(key);
    if (value !== undefined) signIn[key] = value;
  }
  return signIn;
}

/** Broker mode with just the broker's URL: the client reads the broker's configuration, then asks. */
export interface BrokerOnlyLink {
  readonly ok: true;
  readonly action: 'register-broker';
  readonly brokerUrl: string;
  readonly hints: BrokerLinkHints;
}

export type ParsedLink = ParsedDeepLink | BrokerOnlyLink;

function reject(reason: DeepLinkRejection, message: string): ParsedDeepLink {
  return { ok: false, reason, message };
}

function collectParams(url: URL): Map<string, string> | ParsedDeepLink {
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!ALLOWED.has(key)) return reject('unexpected-parameter', `The link has an unexpected parameter "${key.slice(0, 40)}".`);
    if (params.has(key)) return reject('duplicate-parameter', `The link gives "${key}" more than once.`);
    params.set(key, value);
  }
  return params;
}

function toInput(p: Map<string, string>): unknown {
  const method = p.get('method') ?? (p.has('startUrl') ? 'identity-center' : 'oidc');
  const signIn =
    method === 'broker'
      ? {
          method,
          brokerUrl: p.get('brokerUrl'),
          issuer: p.get('issuer'),
          clientId: p.get('clientId'),
          userNameClaim: p.get('userNameClaim') ?? 'preferred_username',
        }
      : method === 'saml'
        ? samlInput(p)
        : method === 'identity-center'
          ? { method, startUrl: p.get('startUrl'), region: p.get('ssoRegion'), accountId: p.get('accountId'), roleName: p.get('roleName') }
          : {
              method,
              issuer: p.get('issuer'),
              clientId: p.get('clientId'),
              roleArn: p.get('roleArn'),
              userNameClaim: p.get('userNameClaim') ?? 'preferred_username',
            };
  // Form encoding turns an unencoded "+" into a space; registration codes never contain spaces.
  const code = (p.get('code') ?? '').replace(/ /g, '+');
  const input: Record<string, unknown> = { code, name: p.get('name') ?? code, signIn };
  for (const key of ['region', 'directoryId'] as const) {
    const value = p.get(key);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

/**
 * Parses a `deskbridge://register?...` link from a welcome e-mail. Never throws; anything
 * malformed, oversized or unexpected is refused with a reason. A valid link still needs the
 * user's confirmation before the organization is added.
 */
export function parseDeepLink(raw: unknown): ParsedDeepLink {
  const parsed = parseLink(raw);
  if (parsed.ok && parsed.action === 'register-broker')
    return reject('invalid-value', 'This broker link has no sign-in settings: they come from the broker itself.');
  return parsed;
}

/** parseDeepLink, plus broker links that carry just the broker's URL (the link inbox completes them). */
export function parseLink(raw: unknown): ParsedLink {
  if (typeof raw !== 'string' || raw.length === 0) return reject('not-a-link', 'This is not a Deskbridge link.');
  if (raw.length > MAX_DEEP_LINK_LENGTH) {
    return reject('too-long', `The link is longer than ${MAX_DEEP_LINK_LENGTH} characters.`);
  }
  const url = parseUrl(raw);
  if (url === null) return reject('not-a-link', 'This is not a valid link.');
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return reject('wrong-scheme', 'Only deskbridge:// links are accepted.');
  if (url.hostname.toLowerCase() !== 'register' || !['', '/'].includes(url.pathname) || url.username || url.password || url.port || url.hash) {
    return reject('unknown-action', 'Deskbridge links can only register an organization (deskbridge://register?…).');
  }
  const params = collectParams(url);
  if (!(params instanceof Map)) return params;
  const method = params.get('method');
  if (method !== undefined && method !== 'oidc' && method !== 'identity-center' && method !== 'saml' && method !== 'broker') {
    return reject('invalid-value', 'method: must be "oidc", "identity-center", "saml" or "broker".');
  }
  const other =
    method === 'broker'
      ? ['roleArn', ...SSO_PARAMS, ...SAML_PARAMS]
      : method === 'saml'
        ? [...OIDC_PARAMS, ...SSO_PARAMS, ...BROKER_PARAMS]
        : [...(method === 'identity-center' || (method === undefined && params.has('startUrl')) ? OIDC_PARAMS : SSO_PARAMS), ...SAML_PARAMS, ...BROKER_PARAMS];
  const stray = other.find((key) => params.has(key));
  if (stray) return reject('unexpected-parameter', `"${stray}" does not belong to this sign-in method.`);
  if (method === 'broker' && !params.has('issuer') && !params.has('clientId')) return brokerOnlyLink(params);
  const parsed = orgInputSchema.safeParse(toInput(params));
  if (!parsed.success) return reject('invalid-value', describeIssues(parsed.error));
  return { ok: true, action: 'register', input: parsed.data };
}

/** A broker link with the broker's URL and no sign-in settings: those come from the broker (GET /v1/config). */
function brokerOnlyLink(params: Map<string, string>): ParsedLink {
  const brokerUrl = params.get('brokerUrl') ?? '';
  const problem = serviceUrlProblem(brokerUrl);
  if (problem !== null) return reject('invalid-value', `brokerUrl: ${problem}`);
  if (params.has('userNameClaim')) return reject('unexpected-parameter', '"userNameClaim" needs "issuer" and "clientId" (or none of them: the broker says).');
  const hints: Record<string, string> = {};
  for (const key of COMMON_PARAMS) {
    const value = params.get(key);
    if (key !== 'method' && value !== undefined) hints[key] = key === 'code' ? value.replace(/ /g, '+') : value;
  }
  return { ok: true, action: 'register-broker', brokerUrl, hints };
}
