import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError, validationError } from './errors';

/** Small typed readers over a JSON request body, failing the way AWS validation does. */
export type Input = Readonly<Record<string, unknown>>;

export function asInput(body: Buffer): Input {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('ValidationException', 'Request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError('ValidationException', 'Request body must be a JSON object');
  }
  return parsed as Input;
}

const lower = (field: string): string => field.charAt(0).toLowerCase() + field.slice(1);

export function optString(input: Input, field: string, pattern?: RegExp): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(lower(field), value, 'Member must be a string');
  if (pattern !== undefined && !pattern.test(value)) {
    throw validationError(lower(field), value, `Member must satisfy regular expression pattern: ${pattern.source}`);
  }
  return value;
}

export function optInt(input: Input, field: string, min: number, max: number): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw validationError(lower(field), value, 'Member must be an integer');
  if (value < min) throw validationError(lower(field), value, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw validationError(lower(field), value, `Member must have value less than or equal to ${max}`);
  return value;
}

export function optList(input: Input, field: string, min: number, max: number): unknown[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw validationError(lower(field), value, 'Member must be a list');
  if (value.length < min) throw validationError(lower(field), value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw validationError(lower(field), value, `Member must have length less than or equal to ${max}`);
  return value;
}

export function reqList(input: Input, field: string, min: number, max: number): unknown[] {
  const list = optList(input, field, min, max);
  if (list === undefined) throw validationError(lower(field), 'null', 'Member must not be null');
  return list;
}

export function stringItems(list: readonly unknown[], field: string, pattern: RegExp): string[] {
  return list.map((item, i) => {
    if (typeof item !== 'string' || !pattern.test(item)) {
      throw validationError(`${lower(field)}.${i + 1}.member`, item, `Member must satisfy regular expression pattern: ${pattern.source}`);
    }
    return item;
  });
}

/** Items of a request list like [{ WorkspaceId }], checked against the id pattern. */
export function workspaceIdItems(list: readonly unknown[], field: string): string[] {
  return list.map((item, i) => {
    const id = typeof item === 'object' && item !== null ? (item as Input)['WorkspaceId'] : undefined;
    if (typeof id !== 'string' || !WORKSPACE_ID.test(id)) {
      throw validationError(
        `${lower(field)}.${i + 1}.member.workspaceId`,
        id ?? 'null',
        `Member must satisfy regular expression pattern: ${WORKSPACE_ID.source}`,
      );
    }
    return id;
  });
}

export const WORKSPACE_ID = /^ws-[0-9a-z]{8,63}$/;
export const DIRECTORY_ID = /^(d-[0-9a-f]{8,63}$)|(wsd-[0-9a-z]{8,63}$)/;
export const BUNDLE_ID = /^wsb-[0-9a-z]{8,63}$/;

/**
 * Paging tokens: an offset bound to the query it came from, signed with a key made at start-up,
 * so a token edited by hand, or made for another query, is refused rather than obeyed.
 */
const TOKEN_KEY = randomBytes(32);
const tokenMac = (payload: string): string => createHmac('sha256', TOKEN_KEY).update(payload).digest('base64url');

export function encodeToken(offset: number, query: string): string {
  const payload = Buffer.from(JSON.stringify({ o: offset, q: query })).toString('base64url');
  return `${payload}.${tokenMac(payload)}`;
}

export function decodeToken(token: string | undefined, query: string): number {
  if (token === undefined) return 0;
  const [payload = '', mac = '', ...rest] = token.split('.');
  const expected = tokenMac(payload);
  if (rest.length === 0 && mac.length === expected.length && timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === 'number' && parsed.q === query) return parsed.o;
  }
  throw new ApiError('InvalidParameterValuesException', 'The pagination token is invalid.');
}

export function page<T>(items: readonly T[], offset: number, limit: number, query: string): { items: T[]; next?: string } {
  const slice = items.slice(offset, offset + limit);
  const nextOffset = offset + limit;
  return nextOffset < items.length ? { items: slice, next: encodeToken(nextOffset, query) } : { items: slice };
}
