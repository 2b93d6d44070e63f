/**
 * Broker mode's HTTP client (issue 14): the routes of shared/broker/api.ts with
 * `Authorization: Bearer <ID token>`, every answer checked with the shared schemas, every refusal
 * turned into a closed client error code. Bodies are read bounded, like the OIDC client's.
 */
import type { z } from 'zod';
import {
  BROKER_ROUTES,
  brokerConfigSchema,
  type BrokerConfig,
  brokerDesktopResponseSchema,
  brokerDesktopsResponseSchema,
  brokerErrorSchema,
  type BrokerActionRequest,
  type BrokerDesktop,
  type BrokerDesktopsResponse,
  type BrokerErrorCode,
} from '@shared/broker/api';
import type { AppError } from '@shared/ipc/result';
import type { FailureKind } from '@shared/lib/polling-policy';
import { boundedFetch, type Fetch } from '../auth/bounded-fetch';
import type { NetworkFetch } from '../network/port';
import { redact } from '../log/redact';
import { awsErrorCode, plainAwsMessage } from './aws-errors';

/** A desktop list of 1,000 desktops is well under this; anything larger is not the broker's answer. */
export const MAX_BROKER_RESPONSE_BYTES = 4 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 20_000;

type BrokerFailureCode = BrokerErrorCode | 'unreachable' | 'invalid-answer';

const KINDS: Readonly<Record<BrokerFailureCode, FailureKind>> = {
  unauthorized: 'auth',
  'not-found': 'other',
  'invalid-request': 'other',
  'action-refused': 'other',
  throttled: 'throttled',
  'aws-unavailable': 'server',
  unreachable: 'network',
  'invalid-answer': 'other',
};

/** The broker refused, failed or could not be reached; carries what the UI words and the scheduler needs. */
export class BrokerRequestError extends Error {
  override readonly name = 'BrokerRequestError';

  constructor(
    readonly code: BrokerFailureCode,
    message: string,
    readonly details: string,
    readonly awsError?: string,
    /** The broker asked to wait this long before trying again (its retryAfterSeconds, or Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  get kind(): FailureKind {
    return KINDS[this.code];
  }

  /** The closed client code for this failure (the renderer words it in every language). */
  toAppError(orgName: string): AppError {
    const details = redact(this.details).slice(0, 500);
    switch (this.code) {
      case 'unauthorized':
        return {
          code: 'desktops.signInNeeded',
          message: `Your sign-in to ${orgName} has ended. Sign in again to see your desktops.`,
          details,
          params: { org: orgName },
        };
      case 'throttled':
        return { code: 'desktops.throttled', message: 'Too many requests right now. Deskbridge will try again shortly.', details };
      case 'aws-unavailable':
        return { code: 'desktops.serverError', message: 'AWS WorkSpaces is not answering the broker properly right now. Deskbridge will try again.', details };
      case 'action-refused':
        return { code: awsErrorCode(this.awsError, this.message), message: plainAwsMessage(this.awsError, this.message), details };
      case 'not-found':
        return { code: 'desktops.broker.notFound', message: 'The broker doesn’t know this desktop as yours.', details };
      case 'invalid-request':
        return { code: 'desktops.broker.invalidRequest', message: 'The broker refused the request as invalid.', details };
      case 'unreachable':
        return { code: 'desktops.broker.unreachable', message: 'Deskbridge can’t reach your organization’s broker. It keeps trying.', details };
      case 'invalid-answer':
        return { code: 'desktops.broker.invalidAnswer', message: 'The broker sent an answer Deskbridge doesn’t understand.', details };
    }
  }
}

export interface BrokerClientOptions {
  /** The broker's base URL (it may carry a stage path). */
  readonly baseUrl: string;
  /** The current ID token (refreshed by the auth service before it expires). */
  readonly token: () => Promise<string>;
  /** The network port's fetch; answers are read up to MAX_BROKER_RESPONSE_BYTES. */
  readonly fetch: NetworkFetch;
  readonly timeoutMs?: number;
}

/** The broker's routes, as one signed-in user calls them. */
export class BrokerClient {
  private readonly fetch: Fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: BrokerClientOptions) {
    this.fetch = boundedFetch(MAX_BROKER_RESPONSE_BYTES, options.fetch);
    this.timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  }

  /** The caller's desktops, with connection status, connect tags and their directories. */
  desktops(): Promise<BrokerDesktopsResponse> {
    return this.call('GET', BROKER_ROUTES.desktops, brokerDesktopsResponseSchema);
  }

  /** One self-service action; the broker answers with the desktop read again. */
  async act(workspaceId: string, request: BrokerActionRequest): Promise<BrokerDesktop> {
    return (await this.call('POST', BROKER_ROUTES.actions(workspaceId), brokerDesktopResponseSchema, request)).desktop;
  }

  /** The organization's public configuration (no token): what a link with just the broker's URL lacks. */
  config(): Promise<BrokerConfig> {
    return this.call('GET', BROKER_ROUTES.config, brokerConfigSchema, undefined, true);
  }

  private url(route: string): string {
    return `${this.options.baseUrl.replace(/\/+$/, '')}${route}`;
  }

  private async call<S extends z.ZodTypeAny>(method: 'GET' | 'POST', route: string, schema: S, body?: unknown, anonymous = false): Promise<z.infer<S>> {
    const where = `${method} ${route}`;
    const token = anonymous ? null : await this.options.token();
    let response: Response;
    try {
      response = await this.fetch(this.url(route), {
        method,
        headers: {
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'AuthError')
        throw new BrokerRequestError('invalid-answer', 'The broker’s answer was too large.', `${where}: ${error.message}`);
      throw new BrokerRequestError(
        'unreachable',
        'The broker could not be reached.',
        `${where}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      );
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw refusal(where, response.status, json, response.headers.get('retry-after'));
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new BrokerRequestError(
        'invalid-answer',
        'The broker’s answer does not match its contract.',
        `${where}: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
    return parsed.data;
  }
}

/** A non-2xx answer: the contract's error body, or (a proxy, a gateway) just the status. */
function refusal(where: string, status: number, json: unknown, retryAfterHeader: string | null): BrokerRequestError {
  const parsed = brokerErrorSchema.safeParse(json);
  if (parsed.success) {
    const { code, message, awsError, retryAfterSeconds } = parsed.data.error;
    const wait = retryAfterSeconds ?? retryAfterSecondsOf(retryAfterHeader);
    return new BrokerRequestError(
      code,
      message,
      `${where}: HTTP ${status} ${code}${awsError === undefined ? '' : ` (${awsError})`}: ${message}`,
      awsError,
      wait === undefined ? undefined : wait * 1000,
    );
  }
  if (status === 401 || status === 403) return new BrokerRequestError('unauthorized', 'The broker refused the sign-in.', `${where}: HTTP ${status}`);
  if (status === 429) {
    const wait = retryAfterSecondsOf(retryAfterHeader);
    return new BrokerRequestError(
      'throttled',
      'The broker is limiting requests.',
      `${where}: HTTP ${status}`,
      undefined,
      wait === undefined ? undefined : wait * 1000,
    );
  }
  if (status >= 500) return new BrokerRequestError('aws-unavailable', 'The broker failed.', `${where}: HTTP ${status}`);
  return new BrokerRequestError(
    'invalid-answer',
    'The broker’s answer does not match its contract.',
    `${where}: HTTP ${status} without the contract’s error body`,
  );
}

/** A Retry-After header in seconds (RFC 9110 §10.2.3; an HTTP date is not used by the broker and is ignored). */
function retryAfterSecondsOf(header: string | null): number | undefined {
  return header !== null && /^\d{1,6}$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

/** GET /v1/config of a broker (no sign-in needed). */
export function fetchBrokerConfig(brokerUrl: string, fetch: NetworkFetch): Promise<BrokerConfig> {
  return new BrokerClient({ baseUrl: brokerUrl, token: () => Promise.reject(new Error('No token for the configuration.')), fetch, timeoutMs: 10_000 }).config();
}
