import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from './clock';
import type { CredentialRegistry, Principal } from './credentials';
import type { Faults } from './faults';
import type { Reply, ResponseTap, ServiceDefinition, ServiceRequest } from './http-server';
import { type AuthFailure, verifySigV4 } from './sigv4';
import { assumeRoleWithSaml, type SamlProviderEntry, type SamlRoleEntry } from './sts-saml';
import { toXml, type XmlValue } from './xml';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An IAM OIDC identity provider registered in the account. */
export interface OidcProviderEntry {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly jwks: JWTVerifyGetKey;
}

/** A role and its trust policy: which issuer and audience may assume it (its permissions live in iam.ts). */
export interface RoleEntry {
  readonly arn: string;
  readonly trustedIssuer: string;
  readonly trustedAudience: string;
  /** Whether the trust policy also allows sts:TagSession (needed when the token carries session tags). */
  readonly allowsTagSession: boolean;
  readonly maxSessionSeconds: number;
}

export const TAGS_CLAIM = 'https://aws.amazon.com/tags';

/**
 * Session tags from the ID token's https://aws.amazon.com/tags claim, checked the way STS checks
 * them: principal_tags maps each key to a one-element list of strings; at most 50 tags; keys up
 * to 128 and values up to 256 characters; transitive_tag_keys must name tags that are there.
 */
export function sessionTagsOf(claim: unknown): Readonly<Record<string, string>> | undefined {
  if (claim === undefined) return undefined;
  const invalid = (why: string): StsError => new StsError('InvalidIdentityToken', `The ${TAGS_CLAIM} claim is invalid: ${why}`);
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw invalid('it must be an object');
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as { principal_tags?: unknown; transitive_tag_keys?: unknown };
  if (typeof principalTags !== 'object' || principalTags === null || Array.isArray(principalTags)) throw invalid('principal_tags must be an object');
  const tags: Record<string, string> = {};
  for (const [key, values] of Object.entries(principalTags as Record<string, unknown>)) {
    if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string') throw invalid(`the value of ${key} must be a list of one string`);
    if (key.length < 1 || key.length > 128 || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(key)) throw invalid(`the tag key ${key} is not allowed`);
    if (values[0].length > 256) throw invalid(`the value of ${key} is longer than 256 characters`);
    tags[key] = values[0];
  }
  if (Object.keys(tags).length > 50) throw invalid('more than 50 session tags');
  if (transitive !== undefined) {
    if (!Array.isArray(transitive) || !transitive.every((k) => typeof k === 'string' && k in tags))
      throw invalid('transitive_tag_keys must name principal tags');
  }
  return tags;
}

export interface StsDeps {
  readonly registry: CredentialRegistry;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly providers: () => readonly OidcProviderEntry[];
  readonly roles: () => readonly RoleEntry[];
  readonly tap?: ResponseTap;
  /** The region this endpoint serves: a credential scope naming another is refused. */
  readonly region: string;
  /** IAM SAML identity providers and the roles that trust them (AssumeRoleWithSAML). */
  readonly samlProviders?: () => readonly SamlProviderEntry[];
  readonly samlRoles?: () => readonly SamlRoleEntry[];
}

class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

export function stsError(code: string, message: string, status: number, type: 'Sender' | 'Receiver', operation?: string): Reply {
  const body = `<ErrorResponse xmlns="${NS}">${toXml('Error', { Type: type, Code: code, Message: message })}${toXml('RequestId', randomUUID())}</ErrorResponse>`;
  return { status, operation, errorType: code, headers: { 'content-type': 'text/xml' }, body };
}

function success(action: string, result: Readonly<Record<string, XmlValue | undefined>>): Reply {
  const body = `<${action}Response xmlns="${NS}">${toXml(`${action}Result`, result)}${toXml('ResponseMetadata', { RequestId: randomUUID() })}</${action}Response>`;
  return { status: 200, operation: action, output: result, headers: { 'content-type': 'text/xml' }, body };
}

const params = (request: ServiceRequest): URLSearchParams => new URLSearchParams(request.body.toString('utf8'));
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function required(p: URLSearchParams, name: string, min: number, max: number): string {
  const value = p.get(name);
  if (value === null)
    throw new StsError(
      'ValidationError',
      `1 validation error detected: Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`,
    );
  if (value.length < min || value.length > max) {
    throw new StsError(
      'ValidationError',
      `1 validation error detected: Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have length between ${min} and ${max}`,
    );
  }
  return value;
}

async function assumeRoleWithWebIdentity(p: URLSearchParams, deps: StsDeps): Promise<Reply> {
  const roleArn = required(p, 'RoleArn', 20, 2048);
  const sessionName = required(p, 'RoleSessionName', 2, 64);
  if (!/^[\w+=,.@-]*$/.test(sessionName)) {
    throw new StsError(
      'ValidationError',
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const token = required(p, 'WebIdentityToken', 4, 20000);
  const durationParam = p.get('DurationSeconds');
  const duration = durationParam === null ? 3600 : Number(durationParam);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw new StsError(
      'ValidationError',
      `1 validation error detected: Value '${durationParam ?? ''}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  const role = deps.roles().find((r) => r.arn === roleArn);
  if (role === undefined) throw new StsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
  if (duration > role.maxSessionSeconds) {
    throw new StsError('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
  }

  let unverifiedIssuer: unknown;
  try {
    const payloadPart = token.split('.')[1] ?? '';
    unverifiedIssuer = (JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
  } catch {
    throw new StsError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
  const provider = deps.providers().find((entry) => entry.issuer === unverifiedIssuer);
  if (provider === undefined) {
    throw new StsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${String(unverifiedIssuer)}`);
  }
  const now = deps.clock.now();
  let payload;
  try {
    ({ payload } = await jwtVerify(token, provider.jwks, { issuer: provider.issuer, currentDate: new Date(now), clockTolerance: 0 }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      const exp = typeof error.payload.exp === 'number' ? iso(error.payload.exp * 1000) : 'unknown';
      throw new StsError('ExpiredTokenException', `Token expired: current date/time ${iso(now)} must be before the expiration date/time ${exp}`);
    }
    throw new StsError('InvalidIdentityToken', "Couldn't verify the signature of the token.");
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.some((aud) => aud !== undefined && provider.audiences.includes(aud))) {
    throw new StsError('InvalidIdentityToken', 'Incorrect token audience');
  }
  if (role.trustedIssuer !== provider.issuer || !audiences.includes(role.trustedAudience)) {
    throw new StsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
  }
  const principalTags = sessionTagsOf(payload[TAGS_CLAIM]);
  if (principalTags !== undefined && !role.allowsTagSession) {
    throw new StsError('AccessDenied', 'Not authorized to perform sts:TagSession', 403);
  }
  const roleName = role.arn.split('/').pop() ?? 'role';
  const account = role.arn.split(':')[4] ?? '123456789012';
  const roleId = `AROA${Buffer.from(roleName).toString('hex').toUpperCase().slice(0, 17).padEnd(17, 'X')}`;
  const principal: Principal = {
    arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    account,
    userId: `${roleId}:${sessionName}`,
    ...(principalTags === undefined ? {} : { principalTags }),
    endUser: true,
  };
  const key = deps.registry.issueTemporary(principal, now + duration * 1000);
  return success('AssumeRoleWithWebIdentity', {
    Audience: audiences[0] ?? '',
    AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
    Provider: provider.issuer.replace(/^https?:\/\//, ''),
    Credentials: {
      AccessKeyId: key.accessKeyId,
      SecretAccessKey: key.secretAccessKey,
      SessionToken: key.sessionToken ?? '',
      Expiration: iso(key.expiresAt ?? now),
    },
    SubjectFromWebIdentityToken: payload.sub ?? '',
  });
}

const STS_AUTH_CODES: Readonly<Record<AuthFailure['code'], string>> = {
  MissingAuthenticationToken: 'MissingAuthenticationToken',
  IncompleteSignature: 'IncompleteSignature',
  UnrecognizedClientException: 'InvalidClientTokenId',
  InvalidSignatureException: 'SignatureDoesNotMatch',
  ExpiredTokenException: 'ExpiredToken',
};

export function stsService(deps: StsDeps): ServiceDefinition {
  return {
    service: 'sts',
    faults: deps.faults,
    tap: deps.tap,
    operationOf: (request) => params(request).get('Action') ?? undefined,
    faultReply(outcome, operation) {
      if (outcome === 'throttle') return stsError('Throttling', 'Rate exceeded', 400, 'Sender', operation);
      if (outcome === 'error503') return stsError('ServiceUnavailable', 'Service is unavailable, please try again later.', 503, 'Receiver', operation);
      return stsError('InternalFailure', 'An internal error occurred.', 500, 'Receiver', operation);
    },
    async handle(request) {
      const p = params(request);
      const action = p.get('Action') ?? undefined;
      try {
        if (action === 'AssumeRoleWithWebIdentity') return await assumeRoleWithWebIdentity(p, deps);
        if (action === 'AssumeRoleWithSAML')
          return assumeRoleWithSaml(p, {
            registry: deps.registry,
            clock: deps.clock,
            samlProviders: deps.samlProviders ?? (() => []),
            samlRoles: deps.samlRoles ?? (() => []),
          });
        if (action === 'GetCallerIdentity') {
          const auth = verifySigV4({ ...request, registry: deps.registry, scope: { region: deps.region, service: 'sts' }, clockNow: deps.clock.now() });
          if (!auth.ok) {
            // The query protocol's spellings: InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken.
            return stsError(STS_AUTH_CODES[auth.failure.code], auth.failure.message, auth.failure.code === 'IncompleteSignature' ? 400 : 403, 'Sender', action);
          }
          const { principal } = auth.key;
          return success('GetCallerIdentity', { UserId: principal.userId, Account: principal.account, Arn: principal.arn });
        }
        return stsError('InvalidAction', `Could not find operation ${action ?? ''} for version 2011-06-15`, 400, 'Sender', action);
      } catch (error) {
        if (error instanceof StsError) return stsError(error.code, error.message, error.status, error.type, action);
        throw error;
      }
    },
  };
}
