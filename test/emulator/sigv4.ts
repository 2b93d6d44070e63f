import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AccessKey, CredentialRegistry } from './credentials';

/**
 * SigV4 verified the way AWS verifies it: the canonical request is rebuilt from exactly what the
 * client says it signed (its SignedHeaders, the raw path and query, the body's hash), never from
 * one SDK's habits. The credential scope must name this endpoint's region and service, the date
 * must agree with the scope and lie within 5 minutes of the service's clock, and a temporary key
 * needs its session token. Error codes are the JSON protocol's; STS maps them to its own.
 */
export interface AuthFailure {
  readonly code: 'MissingAuthenticationToken' | 'IncompleteSignature' | 'UnrecognizedClientException' | 'InvalidSignatureException' | 'ExpiredTokenException';
  readonly status: number;
  readonly message: string;
}

export type AuthResult = { readonly ok: true; readonly key: AccessKey } | { readonly ok: false; readonly failure: AuthFailure };

/** The region and signing name an endpoint serves (the credential scope must name both). */
export interface SigningScope {
  readonly region: string;
  readonly service: string;
}

export interface VerifyInput {
  readonly req: IncomingMessage;
  readonly body: Buffer;
  readonly registry: CredentialRegistry;
  readonly scope: SigningScope;
  /** The service's wall time (with skew) for the 5-minute signature window. */
  readonly serviceNow: number;
  /** Emulator-clock time for credential expiry, so tests can expire sessions. */
  readonly clockNow: number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 5 * 60 * 1000;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

const fail = (code: AuthFailure['code'], status: number, message: string): AuthResult => ({ ok: false, failure: { code, status, message } });
const badSignature = (message: string): AuthResult => fail('InvalidSignatureException', 403, message);

function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of everything but the unreserved characters, as SigV4 requires. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Non-S3 services normalize the path and encode each segment of the (already encoded) path again. */
function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/').slice(1)) {
    if (segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.map(uriEncode).join('/')}`;
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      return [uriEncode(decode(name)), uriEncode(decode(value))] as const;
    })
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalRequest(req: IncomingMessage, signedHeaders: readonly string[], body: Buffer): string {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const headers = signedHeaders.map((name) => `${name}:${(header(req, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [
    req.method ?? 'POST',
    canonicalUri(q === -1 ? raw : raw.slice(0, q)),
    canonicalQuery(q === -1 ? '' : raw.slice(q + 1)),
    headers,
    signedHeaders.join(';'),
    sha256Hex(body),
  ].join('\n');
}

interface ParsedAuthorization {
  readonly credential: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** The Authorization header's parameters, or the IncompleteSignature message AWS gives. */
function parseAuthorization(authorization: string, hasDate: boolean): ParsedAuthorization | string {
  const params = new Map<string, string>();
  const rest = authorization.startsWith(`${ALGORITHM} `) ? authorization.slice(ALGORITHM.length + 1) : undefined;
  for (const part of (rest ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const problems = [
    ...(['Credential', 'Signature', 'SignedHeaders'] as const)
      .filter((name) => !params.get(name))
      .map((name) => `Authorization header requires '${name}' parameter.`),
    ...(hasDate ? [] : ["Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."]),
  ];
  if (rest === undefined || problems.length > 0) return `${problems.join(' ')} Authorization=${authorization.split(' ')[0] ?? ''}`.trim();
  return {
    credential: params.get('Credential') ?? '',
    signedHeaders: (params.get('SignedHeaders') ?? '').split(';'),
    signature: params.get('Signature') ?? '',
  };
}

/** When the client signed: X-Amz-Date, else the HTTP Date header. */
function signingTime(req: IncomingMessage): { text: string; ms: number | undefined } | undefined {
  const amz = header(req, 'x-amz-date');
  if (amz !== undefined) return { text: amz, ms: parseAmzDate(amz) };
  const date = header(req, 'date');
  if (date === undefined) return undefined;
  const ms = Date.parse(date);
  return { text: Number.isNaN(ms) ? date : amzDate(ms), ms: Number.isNaN(ms) ? undefined : ms };
}

/** The scope problems AWS names before it looks at the signature itself. */
function scopeProblem(parts: readonly string[], dateText: string, expected: SigningScope): string | undefined {
  const [, day = '', region = '', service = '', terminator = ''] = parts;
  if (parts.length !== 5) return `Credential should be scoped to a valid region.`;
  if (terminator !== 'aws4_request') return `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`;
  if (day !== dateText.slice(0, 8)) {
    return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${day}' != '${dateText.slice(0, 8)}', from '${dateText}'.`;
  }
  if (region !== expected.region) return `Credential should be scoped to a valid region, not '${region}'.`;
  if (service !== expected.service) return `Credential should be scoped to correct service: '${expected.service}'.`;
  return undefined;
}

function skewProblem(signedAt: number, dateText: string, now: number): string | undefined {
  if (signedAt < now - MAX_SKEW_MS) return `Signature expired: ${dateText} is now earlier than ${amzDate(now - MAX_SKEW_MS)} (${amzDate(now)} - 5 min.)`;
  if (signedAt > now + MAX_SKEW_MS)
    return `Signature not yet current: ${dateText} is still later than ${amzDate(now + MAX_SKEW_MS)} (${amzDate(now)} + 5 min.)`;
  return undefined;
}

function expectedSignature(key: AccessKey, parts: readonly string[], dateText: string, canonical: string): string {
  const [, day = '', region = '', service = ''] = parts;
  const scope = parts.slice(1).join('/');
  const stringToSign = [ALGORITHM, dateText, scope, sha256Hex(canonical)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, day), region), service), 'aws4_request');
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

const sameText = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function verifySigV4(input: VerifyInput): AuthResult {
  const { req, body, registry } = input;
  const authorization = header(req, 'authorization');
  if (authorization === undefined) return fail('MissingAuthenticationToken', 403, 'Missing Authentication Token');
  const time = signingTime(req);
  const parsed = parseAuthorization(authorization, time !== undefined);
  if (typeof parsed === 'string' || time === undefined) return fail('IncompleteSignature', 400, typeof parsed === 'string' ? parsed : '');
  if (time.ms === undefined)
    return fail('IncompleteSignature', 400, `Date must be in ISO-8601 'basic format'. Got '${time.text}'. See http://en.wikipedia.org/wiki/ISO_8601`);

  const parts = parsed.credential.split('/');
  const key = registry.find(parts[0] ?? '');
  if (key === undefined) return fail('UnrecognizedClientException', 400, INVALID_TOKEN);
  const scope = scopeProblem(parts, time.text, input.scope);
  if (scope !== undefined) return badSignature(scope);
  if (!parsed.signedHeaders.includes('host')) return badSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const skew = skewProblem(time.ms, time.text, input.serviceNow);
  if (skew !== undefined) return badSignature(skew);

  const canonical = canonicalRequest(req, parsed.signedHeaders, body);
  if (!sameText(expectedSignature(key, parts, time.text, canonical), parsed.signature)) return badSignature(MISMATCH);
  // A temporary key is valid only with its session token; a long-term key has none.
  if (header(req, 'x-amz-security-token') !== key.sessionToken) return fail('UnrecognizedClientException', 400, INVALID_TOKEN);
  if (key.expiresAt !== undefined && key.expiresAt <= input.clockNow) {
    return fail('ExpiredTokenException', 400, 'The security token included in the request is expired');
  }
  return { ok: true, key };
}
