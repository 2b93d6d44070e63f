import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AccessKey, CredentialRegistry } from './credentials';

export interface AuthFailure {
  readonly code:
    | 'MissingAuthenticationToken'
    | 'IncompleteSignature'
    | 'UnrecognizedClientException'
    | 'InvalidSignatureException'
    | 'ExpiredTokenException';
  readonly status: number;
  readonly message: string;
}

export type AuthResult = { readonly ok: true; readonly key: AccessKey } | { readonly ok: false; readonly failure: AuthFailure };

export interface VerifyInput {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly body: Buffer;
  readonly registry: CredentialRegistry;
  /** The service's wall time (with skew) for the 5-minute signature window. */
  readonly serviceNow: number;
  /** Emulator-clock time for credential expiry, so tests can expire sessions. */
  readonly clockNow: number;
}

const AUTH_RE = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 5 * 60 * 1000;

const fail = (code: AuthFailure['code'], status: number, message: string): AuthResult => ({
  ok: false,
  failure: { code, status, message },
});

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
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

/** Verifies SigV4 the way AWS does: by signing the same canonical request again and comparing. */
export async function verifySigV4(input: VerifyInput): Promise<AuthResult> {
  const { req, url, body, registry } = input;
  const authorization = header(req, 'authorization');
  if (authorization === undefined) return fail('MissingAuthenticationToken', 403, 'Missing Authentication Token');
  const m = AUTH_RE.exec(authorization);
  const dateHeader = header(req, 'x-amz-date');
  if (m === null || dateHeader === undefined) {
    return fail('IncompleteSignature', 400, `Authorization header requires 'Credential', 'Signature', 'SignedHeaders' and 'X-Amz-Date'.`);
  }
  const [, accessKeyId = '', , region = '', service = '', signedHeaders = '', signature = ''] = m;
  const key = registry.find(accessKeyId);
  if (key === undefined) return fail('UnrecognizedClientException', 400, 'The security token included in the request is invalid.');
  if (key.sessionToken !== undefined && header(req, 'x-amz-security-token') !== key.sessionToken) {
    return fail('UnrecognizedClientException', 400, 'The security token included in the request is invalid.');
  }
  const signedAt = parseAmzDate(dateHeader);
  if (signedAt === undefined) return fail('IncompleteSignature', 400, 'Date must be in ISO-8601 basic format.');
  if (Math.abs(signedAt - input.serviceNow) > MAX_SKEW_MS) {
    const limit = signedAt < input.serviceNow ? input.serviceNow - MAX_SKEW_MS : input.serviceNow + MAX_SKEW_MS;
    const relation = signedAt < input.serviceNow ? 'earlier' : 'later';
    const sign = signedAt < input.serviceNow ? '-' : '+';
    return fail(
      'InvalidSignatureException',
      403,
      `Signature expired: ${dateHeader} is now ${relation} than ${amzDate(limit)} (${amzDate(input.serviceNow)} ${sign} 5 min.)`,
    );
  }

  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) headers[name] = header(req, name) ?? '';
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, sessionToken: key.sessionToken },
    region,
    service,
    sha256: Sha256,
  });
  const resigned = await signer.sign(
    {
      method: req.method ?? 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: url.pathname,
      query,
      headers,
      body: body.length > 0 ? body.toString('utf8') : undefined,
    },
    { signingDate: new Date(signedAt), signableHeaders: new Set(signedHeaders.split(';')) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers['authorization'] ?? ''))?.[1] ?? '';
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return fail(
      'InvalidSignatureException',
      403,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  if (key.expiresAt !== undefined && key.expiresAt <= input.clockNow) {
    return fail('ExpiredTokenException', 400, 'The security token included in the request is expired');
  }
  return { ok: true, key };
}
