import type { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { JWTVerifyGetKey } from 'jose';
import type { z } from 'zod';
import {
  BROKER_API_VERSION,
  type BrokerConfig,
  type BrokerErrorCode,
  brokerActionRequestSchema,
  brokerConfigSchema,
  brokerDesktopResponseSchema,
  brokerDesktopsResponseSchema,
  brokerErrorSchema,
} from '../../shared/broker/api';
import { runAction } from './actions';
import { type LogSink, auditLine, eventLine } from './audit';
import { DesktopIndex } from './desktops';
import { BrokerFailure, fromAwsError } from './errors';
import type { HttpApiEvent, HttpApiResult } from './lambda-event';
import { createMemorySweepCache, type SweepCache } from './sweep-cache';
import { DEFAULT_USER_THROTTLE, UserThrottle } from './throttle';
import { type Caller, createCallerResolver, TokenRefused } from './token';

export interface BrokerSettings {
  /** The organization's name, shown by the client. */
  readonly name: string;
  readonly region: string;
  readonly issuer: string;
  /** The OIDC client id the ID tokens are issued to. */
  readonly audience: string;
  readonly userNameClaim: string;
  readonly defaultConnect?: string;
  readonly directoryIds?: readonly string[];
  /** How long one sweep serves every caller (default 30 s). */
  readonly cacheTtlMs?: number;
  /** How long a desktop's connect tag is kept (default 1 h). */
  readonly tagTtlMs?: number;
  /** Per-user throttling (default DEFAULT_USER_THROTTLE). */
  readonly userThrottle?: { readonly burst: number; readonly perSecond: number };
}

export interface BrokerDeps {
  /** WorkSpaces with the broker's own execution role. */
  readonly client: WorkSpacesClient;
  readonly cache?: SweepCache;
  readonly now?: () => number;
  readonly log?: LogSink;
  /** The issuer's keys; discovered from the issuer when absent. */
  readonly keys?: JWTVerifyGetKey;
}

export interface Broker {
  handle(event: HttpApiEvent): Promise<HttpApiResult>;
}

export const DEFAULT_CACHE_TTL_MS = 30_000;
export const DEFAULT_TAG_TTL_MS = 3_600_000;
const MAX_BODY_BYTES = 8_192;
const WORKSPACE_ID = /^ws-[0-9a-z]{8,63}$/;

type Route =
  | { readonly kind: 'config' }
  | { readonly kind: 'desktops' }
  | { readonly kind: 'desktop'; readonly workspaceId: string }
  | { readonly kind: 'action'; readonly workspaceId: string };

/** The route of a request, relative to the stage; undefined for anything the contract doesn't serve. */
export function routeOf(event: HttpApiEvent): Route | undefined {
  const stage = event.requestContext.stage;
  let path = event.rawPath;
  if (stage !== '' && stage !== '$default' && path.startsWith(`/${stage}/`)) path = path.slice(stage.length + 1);
  const method = event.requestContext.http.method.toUpperCase();
  const segments = path.split('/').filter((s) => s !== '');
  if (segments[0] !== BROKER_API_VERSION) return undefined;
  const [, resource, id, sub, ...rest] = segments;
  if (rest.length > 0) return undefined;
  if (method === 'GET' && resource === 'config' && id === undefined) return { kind: 'config' };
  if (resource !== 'desktops') return undefined;
  if (method === 'GET' && id === undefined) return { kind: 'desktops' };
  if (id === undefined) return undefined;
  let workspaceId: string;
  try {
    workspaceId = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  if (method === 'GET' && sub === undefined) return { kind: 'desktop', workspaceId };
  if (method === 'POST' && sub === 'actions') return { kind: 'action', workspaceId };
  return undefined;
}

/**
 * The broker: one handler for every route of shared/broker/api.ts. Every request but the
 * configuration carries a bearer ID token the broker verifies itself; the caller is its user-name
 * claim. A desktop that is not the caller's is "not found", never "forbidden".
 */
export function createBroker(settings: BrokerSettings, deps: BrokerDeps): Broker {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const config: BrokerConfig = brokerConfigSchema.parse({
    version: BROKER_API_VERSION,
    name: settings.name,
    region: settings.region,
    issuer: settings.issuer,
    clientId: settings.audience,
    userNameClaim: settings.userNameClaim,
    ...(settings.defaultConnect === undefined ? {} : { defaultConnect: settings.defaultConnect }),
  });
  const resolveCaller = createCallerResolver({
    issuer: settings.issuer,
    audience: settings.audience,
    userNameClaim: settings.userNameClaim,
    now,
    ...(deps.keys === undefined ? {} : { keys: deps.keys }),
  });
  const index = new DesktopIndex({
    client: deps.client,
    cache: deps.cache ?? createMemorySweepCache(),
    now,
    ttlMs: settings.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    tagTtlMs: settings.tagTtlMs ?? DEFAULT_TAG_TTL_MS,
    ...(settings.directoryIds === undefined ? {} : { directoryIds: settings.directoryIds }),
  });
  const throttle = new UserThrottle({ ...(settings.userThrottle ?? DEFAULT_USER_THROTTLE), now });

  const authenticate = async (event: HttpApiEvent): Promise<Caller> => {
    let caller: Caller;
    try {
      caller = await resolveCaller(event.headers?.['authorization']);
    } catch (error) {
      if (error instanceof TokenRefused) throw new BrokerFailure('unauthorized', error.message);
      log(eventLine('issuer-unavailable', { requestId: event.requestContext.requestId, error: error instanceof Error ? error.name : 'Error' }));
      throw new BrokerFailure('aws-unavailable', "The broker can't reach the identity provider's keys.", { status: 503 });
    }
    const wait = throttle.take(caller.userName);
    if (wait > 0) throw new BrokerFailure('throttled', 'Too many requests from this user.', { retryAfterSeconds: wait });
    return caller;
  };

  const listDesktops = async (caller: Caller): Promise<HttpApiResult> => {
    if (caller.userName.length > 63)
      return json(200, brokerDesktopsResponseSchema, { userName: caller.userName.slice(0, 63), desktops: [], directories: [], asOf: now() });
    const mine = await aws(() => index.list(caller.userName));
    return json(200, brokerDesktopsResponseSchema, {
      userName: caller.userName,
      desktops: [...mine.desktops],
      directories: [...mine.directories],
      asOf: mine.asOf,
    });
  };

  const showDesktop = async (caller: Caller, workspaceId: string): Promise<HttpApiResult> => {
    const found = WORKSPACE_ID.test(workspaceId) ? await aws(() => index.find(caller.userName, workspaceId)) : undefined;
    if (found === undefined) throw notFound();
    return json(200, brokerDesktopResponseSchema, { desktop: found.desktop });
  };

  const act = async (event: HttpApiEvent, caller: Caller, workspaceId: string): Promise<HttpApiResult> => {
    const requestId = event.requestContext.requestId;
    let action = 'unknown';
    try {
      const request = brokerActionRequestSchema.safeParse(parseBody(event));
      if (!request.success)
        throw new BrokerFailure(
          'invalid-request',
          `The action request is not valid: ${request.error.issues
            .map((i) => i.message)
            .join('; ')
            .slice(0, 500)}`,
        );
      action = request.data.action;
      const found = WORKSPACE_ID.test(workspaceId) ? await aws(() => index.find(caller.userName, workspaceId)) : undefined;
      if (found === undefined) throw notFound();
      await runAction(deps.client, request.data, found.desktop, found.directory, now());
      const fresh = await aws(() => index.refresh(workspaceId));
      if (fresh === undefined) throw notFound();
      log(auditLine({ user: caller.userName, workspaceId, action, result: 'ok', requestId }));
      return json(200, brokerDesktopResponseSchema, { desktop: fresh });
    } catch (error) {
      const failure = error instanceof BrokerFailure ? error : fromAwsError(error);
      log(
        auditLine({
          user: caller.userName,
          workspaceId: workspaceId.slice(0, 80),
          action,
          result: failure.code,
          requestId,
          ...(failure.extra.awsError === undefined ? {} : { awsError: failure.extra.awsError }),
        }),
      );
      throw failure;
    }
  };

  return {
    async handle(event) {
      try {
        const route = routeOf(event);
        if (route === undefined) throw new BrokerFailure('not-found', 'No such route.');
        if (route.kind === 'config') return json(200, brokerConfigSchema, config);
        const caller = await authenticate(event);
        switch (route.kind) {
          case 'desktops':
            return await listDesktops(caller);
          case 'desktop':
            return await showDesktop(caller, route.workspaceId);
          case 'action':
            return await act(event, caller, route.workspaceId);
        }
      } catch (error) {
        if (error instanceof BrokerFailure) return failureResult(error);
        log(eventLine('internal-error', { requestId: event.requestContext.requestId, error: error instanceof Error ? error.name : 'Error' }));
        return failureResult(new BrokerFailure('aws-unavailable', 'The broker failed.', { status: 500 }));
      }
    },
  };
}

/** Runs AWS-facing work; SDK errors become the contract's codes. */
async function aws<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof BrokerFailure ? error : fromAwsError(error);
  }
}

function notFound(): BrokerFailure {
  return new BrokerFailure('not-found', 'No such desktop.');
}

function parseBody(event: HttpApiEvent): unknown {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new BrokerFailure('invalid-request', 'The request body is too large.');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BrokerFailure('invalid-request', 'The request body is not JSON.');
  }
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

/** A response, checked against its schema on the way out (a broker bug is a 500, never a malformed body). */
function json<S extends z.ZodType>(status: number, schema: S, value: z.input<S>): HttpApiResult {
  const checked = schema.safeParse(value);
  if (!checked.success) return failureResult(new BrokerFailure('aws-unavailable', 'The broker built a response its contract does not allow.', { status: 500 }));
  return { statusCode: status, headers: HEADERS, body: JSON.stringify(checked.data) };
}

function failureResult(failure: BrokerFailure): HttpApiResult {
  const code: BrokerErrorCode = failure.code;
  const body = brokerErrorSchema.parse({
    error: {
      code,
      message: failure.message.slice(0, 1024),
      ...(failure.extra.awsError === undefined ? {} : { awsError: failure.extra.awsError }),
      ...(failure.extra.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.extra.retryAfterSeconds }),
    },
  });
  const retry: Record<string, string> = failure.extra.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.extra.retryAfterSeconds) };
  return { statusCode: failure.status, headers: { ...HEADERS, ...retry }, body: JSON.stringify(body) };
}
