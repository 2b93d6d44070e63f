import type { FieldIssue } from '../lib/field-reasons';
import type { ErrorCode, ErrorParams } from './errors';

/**
 * Errors are values: a code from a closed list for logic and for the renderer to word, `params`
 * for the values its message needs, an English message for logs only, details without secrets
 * (shown untranslated, as technical text).
 */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: string;
  readonly params?: ErrorParams;
  /** Which fields were refused and why (reason codes the renderer words), e.g. for invalid-organization. */
  readonly fields?: readonly FieldIssue[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, details?: string, params?: ErrorParams): Result<T> {
  return { ok: false, error: { code, message, ...(details === undefined ? {} : { details }), ...(params === undefined ? {} : { params }) } };
}

/** A failure that names its refused fields (the English lines stay in details, for logs). */
export function failFields<T = never>(code: ErrorCode, message: string, details: string, fields: readonly FieldIssue[]): Result<T> {
  return { ok: false, error: { code, message, details, fields } };
}
