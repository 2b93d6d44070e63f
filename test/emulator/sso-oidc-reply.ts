import { randomUUID } from 'node:crypto';
import type { Reply } from './http-server';

const JSON_TYPE = 'application/json';

/** An SSO OIDC error: the exception name in x-amzn-errortype, the OAuth code in the body. */
export function oidcError(type: string, error: string, description: string, status = 400, operation?: string): Reply {
  return {
    status,
    operation,
    errorType: type,
    headers: { 'content-type': JSON_TYPE, 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify({ error, error_description: description }),
  };
}

export function oidcOk(operation: string, output: Record<string, unknown>): Reply {
  return {
    status: 200,
    operation,
    output,
    headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(output),
  };
}
