import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SITE_REGIONS } from '@shared/lib/regions';
import { parseRegistrationCode, type CodeRejection, type ParsedCode } from '@shared/lib/registration-code';
import { anyValue, hostileString, insertAt, PROTOTYPE_NAMES, randomCase } from './support/hostile';

const REASONS: readonly CodeRejection[] = ['empty', 'too-long', 'invalid-characters', 'malformed-registration-code', 'invalid-alias'];
const RUNS = { numRuns: 3000 };

/** Parses without throwing and checks the shape every result must have. */
function parseChecked(input: unknown): ParsedCode {
  let result: ParsedCode | undefined;
  expect(() => {
    result = parseRegistrationCode(input);
  }).not.toThrow();
  const parsed = result!;
  if (parsed.ok) {
    expect(['registration', 'opaque', 'alias']).toContain(parsed.kind);
    expect(parsed.code.length).toBeGreaterThan(0);
    expect(parsed.code.length).toBeLessThanOrEqual(253);
  } else {
    expect(REASONS).toContain(parsed.reason);
    expect(typeof parsed.message).toBe('string');
    expect(parsed.message.trim().length).toBeGreaterThan(0);
  }
  return parsed;
}

const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
const sites = Object.keys(SITE_REGIONS);

describe('parseRegistrationCode: examples', () => {
  it.each([
    ['SLiad+S393HD', 'SLiad+S393HD', 'us-east-1'],
    ['WSpdx+ABC12D', 'WSpdx+ABC12D', 'us-west-2'],
    ['wssin+CWJ5CT', 'WSsin+CWJ5CT', 'ap-southeast-1'],
    ['  slIAD+s393hd\t', 'SLiad+S393HD', 'us-east-1'],
  ])('resolves %j to %s in %s', (input, code, region) => {
    expect(parseRegistrationCode(input)).toEqual({ ok: true, kind: 'registration', code, site: code.slice(2, 5), region });
  });

  it('accepts a registration code with an unknown site but leaves its region null', () => {
    expect(parseRegistrationCode('WSxyz+ABCDEF')).toEqual({ ok: true, kind: 'registration', code: 'WSxyz+ABCDEF', site: 'xyz', region: null });
  });

  it('accepts connection aliases, normalised to lower case without a trailing dot', () => {
    expect(parseRegistrationCode('Desktop.Example.COM.')).toEqual({ ok: true, kind: 'alias', code: 'desktop.example.com', site: null, region: null });
    expect(parseRegistrationCode('xn--bcher-kva.example')).toMatchObject({ ok: true, kind: 'alias' });
  });

  it.each(['a', 'ABC', 'ws+abc', 'a'.repeat(20), 'my_org-1', ...PROTOTYPE_NAMES])('accepts %j as an opaque code', (input) => {
    expect(parseRegistrationCode(input)).toEqual({ ok: true, kind: 'opaque', code: input, site: null, region: null });
  });

  it.each([
    ['', 'empty'],
    ['   \t\n', 'empty'],
    [undefined, 'empty'],
    [42, 'empty'],
    ['a'.repeat(21), 'too-long'],
    ['x'.repeat(254), 'too-long'],
    ['wsiad+abc', 'malformed-registration-code'],
    ['SLiad+S393HDX', 'malformed-registration-code'],
    ['SLiad+S393H!', 'malformed-registration-code'],
    ['x y', 'invalid-characters'],
    ['abc<script>', 'invalid-characters'],
    ['ab\u0000c', 'invalid-characters'],
    ['1.2.3.4', 'invalid-alias'],
    ['a..example.com', 'invalid-alias'],
    ['-a.example.com', 'invalid-alias'],
    ['desk top.example.com', 'invalid-alias'],
    ['javascript:alert(1).com', 'invalid-alias'],
  ] as const)('refuses %j with reason %s', (input, reason) => {
    expect(parseChecked(input)).toMatchObject({ ok: false, reason });
  });
});

describe('parseRegistrationCode: properties', { timeout: 30_000 }, () => {
  it('never throws on anything and always gives a reason and a message when it refuses', () => {
    fc.assert(
      fc.property(anyValue, (input) => void parseChecked(input)),
      RUNS,
    );
  });

  it('never throws on hostile strings, and what it accepts parses again to the same result', () => {
    fc.assert(
      fc.property(hostileString, (input) => {
        const first = parseChecked(input);
        if (first.ok) expect(parseChecked(first.code)).toEqual(first);
      }),
      RUNS,
    );
  });

  it('maps every site code to its Region whatever the prefix and the case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sites),
        fc.constantFrom('ws', 'sl'),
        fc.array(alnum, { minLength: 6, maxLength: 6 }),
        fc.integer(),
        (site, prefix, suffix, seed) => {
          const raw = `${prefix}${site}+${suffix.join('')}`;
          const mixed = fc.sample(randomCase(raw), { numRuns: 1, seed })[0]!;
          const parsed = parseChecked(mixed);
          expect(parsed).toEqual({
            ok: true,
            kind: 'registration',
            code: `${prefix.toUpperCase()}${site}+${suffix.join('').toUpperCase()}`,
            site,
            region: SITE_REGIONS[site],
          });
        },
      ),
      RUNS,
    );
  });

  it('accepts any 3-letter site, known or not, and only gives a Region for known ones', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^([wW][sS]|[sS][lL])[a-zA-Z]{3}\+[a-zA-Z0-9]{6}$/), (code) => {
        const parsed = parseChecked(code);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.region).toBe(SITE_REGIONS[code.slice(2, 5).toLowerCase()] ?? null);
      }),
      RUNS,
    );
  });

  it('refuses near-valid registration codes (suffix too short, too long or with a stray character) as malformed', () => {
    const badSuffix = fc.oneof(
      fc.array(alnum, { minLength: 0, maxLength: 5 }).map((a) => a.join('')),
      fc.array(alnum, { minLength: 7, maxLength: 30 }).map((a) => a.join('')),
      fc
        .tuple(fc.array(alnum, { minLength: 6, maxLength: 6 }), fc.constantFrom('!', '+', '-', '_', ' ', '.', 'é', '\u0000', '%2B'), fc.nat(6))
        .map(([a, bad, at]) => insertAt(a.join('').slice(0, 5), bad, at)),
    );
    fc.assert(
      fc.property(fc.constantFrom('ws', 'sl', 'WS', 'Sl'), fc.constantFrom(...sites, 'xyz', 'QQQ'), badSuffix, (prefix, site, suffix) => {
        const parsed = parseChecked(`${prefix}${site}+${suffix}`);
        // Trailing whitespace is trimmed, so a suffix that becomes valid after trimming is not "near-valid".
        if (/^[a-z0-9]{6}$/i.test(suffix.trim())) return;
        expect(parsed).toMatchObject({ ok: false, reason: 'malformed-registration-code' });
      }),
      RUNS,
    );
  });

  it('accepts every opaque code of 1 to 20 allowed characters exactly as typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+_-]{1,20}$/), (code) => {
        const parsed = parseChecked(code);
        if (/^(ws|sl)[a-z]{3}\+/i.test(code)) return; // looks like a registration code: judged as one
        expect(parsed).toEqual({ ok: true, kind: 'opaque', code, site: null, region: null });
      }),
      RUNS,
    );
  });

  it('accepts generated host names as aliases and refuses them once a label is broken', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[a-z]{2,10}$/)).map(([ls, tld]) => [...ls, tld].join('.'));
    fc.assert(
      fc.property(host, fc.constantFrom('', '..', '_', '\u0000', 'é', '/', '%2e'), fc.nat(60), (name, bad, at) => {
        fc.pre(name.length <= 253);
        expect(parseChecked(name)).toEqual({ ok: true, kind: 'alias', code: name, site: null, region: null });
        if (bad) {
          const broken = insertAt(name, bad, at);
          const parsed = parseChecked(broken);
          if (parsed.ok) expect(parsed.kind).not.toBe('alias');
        }
      }),
      RUNS,
    );
  });

  it('refuses huge input quickly with too-long', () => {
    expect(parseChecked('a.'.repeat(500_000))).toMatchObject({ ok: false, reason: 'too-long' });
    expect(parseChecked(`SLiad+${'A'.repeat(1_000_000)}`)).toMatchObject({ ok: false, reason: 'too-long' });
  });
});
