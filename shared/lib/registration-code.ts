import { regionForSite } from './regions';

export type CodeKind = 'registration' | 'opaque' | 'alias';

export type CodeRejection =
  | 'empty'
  | 'too-long'
  | 'invalid-characters'
  | 'malformed-registration-code'
  | 'invalid-alias';

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
  | { readonly ok: false; readonly reason: CodeRejection; readonly message: string };

const REGISTRATION = /^(ws|sl)([a-z]{3})\+([a-z0-9]{6})$/i;
const LOOKS_LIKE_REGISTRATION = /^(ws|sl)[a-z]{3}\+/i;
const OPAQUE = /^[A-Za-z0-9+_-]{1,20}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_INPUT = 253;

function reject(reason: CodeRejection, message: string): ParsedCode {
  return { ok: false, reason, message };
}

function parseAlias(value: string): ParsedCode {
  const host = value.endsWith('.') ? value.slice(0, -1) : value;
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,63}$/i.test(tld)) {
    return reject('invalid-alias', `"${value}" is not a valid connection alias (a host name such as desktop.example.com).`);
  }
  return { ok: true, kind: 'alias', code: host.toLowerCase(), site: null, region: null };
}

/**
 * Parses what a user typed as a registration code. Never throws: a rejection carries a reason
 * and a message that says what is wrong.
 */
export function parseRegistrationCode(input: unknown): ParsedCode {
  if (typeof input !== 'string') return reject('empty', 'Enter a registration code.');
  const value = input.trim();
  if (value.length === 0) return reject('empty', 'Enter a registration code.');
  if (value.length > MAX_INPUT) {
    return reject('too-long', `A registration code or alias has at most ${MAX_INPUT} characters.`);
  }
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
    return reject(
      'malformed-registration-code',
      'A registration code has 6 letters or digits after the "+", for example SLiad+S393HD.',
    );
  }
  if (value.includes('.')) return parseAlias(value);
  if (value.length > 20) {
    return reject('too-long', 'A registration code has at most 20 characters (or enter a connection alias such as desktop.example.com).');
  }
  if (!OPAQUE.test(value)) {
    return reject('invalid-characters', 'A registration code may contain only letters, digits, "+", "-" and "_".');
  }
  return { ok: true, kind: 'opaque', code: value, site: null, region: null };
}
