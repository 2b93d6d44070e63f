/** Arbitraries for hostile input: random unicode, control characters, huge strings, prototype names, encoding tricks. */
import fc from 'fast-check';

export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'] as const;

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const trickyChar = fc.constantFrom(
  '\u0000',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '%',
  '%00',
  '%2e',
  '%2E%2e',
  '%2f',
  '%5c',
  '%25',
  '%2B',
  '+',
  '#',
  '?',
  '&',
  '=',
  '@',
  ':',
  '/',
  '\\',
  '..',
  '"',
  "'",
  '<',
  '>',
  '`',
  '${',
  '\n',
  '\r\n',
  '\t',
  ' ',
  'İ',
  'ı',
  'ſ',
  'K',
  'Ⅸ',
  '𝔰',
  '😀',
  '👩‍👩‍👧',
);

/** Strings built from every kind of code point plus the characters that usually break parsers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.oneof(trickyChar, controlChar, fc.string({ unit: 'grapheme-ascii', maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }).chain((s) => fc.integer({ min: 200, max: 20_000 }).map((n) => s.repeat(n))),
);

/** Anything at all that could cross a boundary: non-strings included. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.anything(),
  fc.constantFrom(null, undefined, NaN, Infinity, 0, -0, true, false, Symbol('x'), () => 'x', new Date(NaN), Object.create(null) as object),
);

/** Inserts `piece` at a random position of `base`. */
export function insertAt(base: string, piece: string, at: number): string {
  const i = Math.min(Math.max(0, at), base.length);
  return `${base.slice(0, i)}${piece}${base.slice(i)}`;
}

/** Randomly switches the case of each letter. */
export function randomCase(value: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: value.length, maxLength: value.length })
    .map((flags) => [...value].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
}
