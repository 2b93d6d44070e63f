import { englishReason, type FieldParams, type FieldReason, type ReasonOf } from './field-reasons';
import { regionForSite } from './regions';

export type CodeKind = 'registration' | 'opaque' | 'alias';

export type CodeRejection = 'empty' | 'too-long' | 'invalid-characters' | 'malformed-registration-code' | 'invalid-alias';

export type ParsedCode =
  | {
      readonly ok: true;
      readonly kind: CodeKind;
      /** Canonical form: prefix upper case, site lower case, suffix upper case ("SLiad+S393HD"). */
      readonly code: string;
      /** The site letters of a registration code ("iad"), else null. */
      readonly site: string | null;
      /** The Region the site stands for; null for unknown sites, opaque codes and aliases. */
      readonly region: string | null;
    }
  | { readonly ok: false; readonly reason: CodeRejection; readonly message: string; readonly field: ReasonOf };

const FIELD_REASON: Readonly<Record<CodeRejection, FieldReason>> = {
  empty: 'code-empty',
  'too-long': 'code-too-long',
  'invalid-characters': 'code-invalid-characters',
  'malformed-registration-code': 'code-malformed',
  'invalid-alias': 'code-invalid-alias',
};

const REGISTRATION = /^(ws|sl)([a-z]{3})\+([a-z0-9]{6})$/i;
const LOOKS_LIKE_REGISTRATION = /^(ws|sl)[a-z]{3}\+/i;
const OPAQUE = /^[A-Za-z0-9+_-]{1,20}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_INPUT = 253;

/** A rejection: its reason, the field reason code the UI words, and the English for logs. */
function reject(reason: CodeRejection, params?: FieldParams, fieldReason: FieldReason = FIELD_REASON[reason]): ParsedCode {
  const field: ReasonOf = params === undefined ? { reason: fieldReason } : { reason: fieldReason, params };
  return { ok: false, reason, message: englishReason(field), field };
}

function parseAlias(value: string): ParsedCode {
  const host = value.endsWith('.') ? value.slice(0, -1) : value;
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,63}$/i.test(tld)) {
    return reject('invalid-alias', { value });
  }
  return { ok: true, kind: 'alias', code: host.toLowerCase(), site: null, region: null };
}

/**
 * Parses what a user typed as a registration code. Never throws: a rejection carries a reason
 * and a message that says what is wrong.
 */
export function parseRegistrationCode(input: unknown): ParsedCode {
  if (typeof input !== 'string') return reject('empty');
  const value = input.trim();
  if (value.length === 0) return reject('empty');
  if (value.length > MAX_INPUT) return reject('too-long', { max: MAX_INPUT });
  const match = REGISTRATION.exec(value);
  if (match) {
    const [, prefix = '', site = '', suffix = ''] = match;
    return {
      ok: true,
      kind: 'registration',
      code: `${prefix.toUpperCase()}${site.toLowerCase()}+${suffix.toUpperCase()}`,
      site: site.toLowerCase(),
      region: regionForSite(site),
    };
  }
  if (LOOKS_LIKE_REGISTRATION.test(value)) {
    return reject('malformed-registration-code');
  }
  if (value.includes('.')) return parseAlias(value);
  if (value.length > 20) return reject('too-long', { max: 20 }, 'code-opaque-too-long');
  if (!OPAQUE.test(value)) return reject('invalid-characters');
  return { ok: true, kind: 'opaque', code: value, site: null, region: null };
}
