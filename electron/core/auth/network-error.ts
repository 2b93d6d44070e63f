import { classifyTransportError, failureCode, failureDetails, failureParams, networkFailureOf } from '../network/network-failure';
import { AuthError, describeCause } from './auth-error';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'AbortError']);

function codesOf(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const e = current as { name?: unknown; code?: unknown; cause?: unknown; $metadata?: { httpStatusCode?: number } };
    if (typeof e.name === 'string') out.push(e.name);
    if (typeof e.code === 'string') out.push(e.code);
    current = e.cause;
  }
  return out;
}

/**
 * A transport failure, a timeout or a 5xx from the identity provider or AWS, explained. Failures a
 * person can act on (proxy, TLS inspection, DNS, timeout, captive portal) get their own code naming the host.
 */
export function explainNetworkError(error: unknown, who: 'idp' | 'aws', where: string): AuthError {
  if (error instanceof AuthError) return error;
  const failure = networkFailureOf(error) ?? classifyTransportError(error, where.split(' ')[0] ?? where, null);
  const code = failure === null ? null : failureCode(failure);
  // The identity provider's timeout keeps its own code (its message says who did not answer).
  if (failure?.kind === 'timeout' && who === 'idp')
    return new AuthError(
      'idp-timeout',
      'Your organization’s identity provider did not answer in time. Check your network connection and try again.',
      failureDetails(failure),
      failureParams(failure),
    );
  if (failure !== null && code !== null) return new AuthError(code, failure.message, failureDetails(failure), failureParams(failure));
  const codes = failure?.kind === 'unreachable' ? [...codesOf(error), 'ECONNREFUSED'] : codesOf(error);
  const label = who === 'idp' ? 'your organization’s identity provider' : 'AWS';
  if (codes.some((c) => TIMEOUT.has(c))) {
    return new AuthError(
      who === 'idp' ? 'idp-timeout' : 'aws-unreachable',
      `${capitalize(label)} did not answer in time. Check your network connection and try again.`,
      `No answer from ${where}. ${describeCause(error)}`,
      who === 'idp' ? { host: hostOf(where) } : undefined,
    );
  }
  if (codes.some((c) => UNREACHABLE.has(c)) || (error instanceof TypeError && error.message === 'fetch failed')) {
    return new AuthError(
      who === 'idp' ? 'idp-unreachable' : 'aws-unreachable',
      `Deskbridge could not reach ${label}. Check your network connection and try again.`,
      `Could not connect to ${where}. ${describeCause(error)}`,
    );
  }
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) {
    return new AuthError(
      who === 'idp' ? 'idp-unreachable' : 'aws-unreachable',
      `${capitalize(label)} is having problems right now. Try again in a few minutes.`,
      `${where} answered HTTP ${status}. ${describeCause(error)}`,
    );
  }
  if (who === 'aws') return new AuthError('aws-unreachable', `The sign-in failed at ${label}.`, `${where}: ${describeCause(error)}`);
  return new AuthError('idp-unexpected', `${capitalize(label)} gave an answer Deskbridge did not expect.`, `${where}: ${describeCause(error)}`, {
    host: hostOf(where),
  });
}

/** The host a failure's "where" names (it starts with the URL Deskbridge called), for the message. */
function hostOf(where: string): string {
  const first = where.split(' ')[0] ?? '';
  return (URL.canParse(first) ? new URL(first).host : where).slice(0, 120);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
