import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '@shared/lib/external-url';
import { anyValue, hostileString, insertAt } from './support/hostile';

const RUNS = { numRuns: 3000 };

describe('isSafeExternalUrl', { timeout: 30_000 }, () => {
  it.each([
    'https://login.example.com/authorize?client_id=x&state=y',
    'https://example.awsapps.com/start#/',
    'HTTPS://EXAMPLE.COM',
    'http://127.0.0.1:49152/callback',
    'http://127.0.0.1/',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com',
    'http://localhost:8080',
    'http://127.0.0.1.evil.example/',
    'https://user:pw@example.com',
    'https://user@example.com',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'file://C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://evil.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'workspaces://user@SLiad+S393HD',
    '//example.com',
    '/relative/path',
    'https://',
    'https://example.com/\nhttp://evil',
    ' https://example.com',
    'https://example.com\u0000.evil',
    'https://exa mple.com',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses everything that is not a string', () => {
    for (const value of [undefined, null, 1, {}, [], { toString: () => 'https://example.com' }, new URL('https://example.com')]) {
      expect(isSafeExternalUrl(value)).toBe(false);
    }
  });

  it('never throws, and only passes http(s) addresses without credentials, whitespace or controls', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyValue, fc.webUrl({ validSchemes: ['http', 'https', 'file', 'ftp', 'javascript'], withQueryParameters: true, withFragments: true })),
        (value) => {
          let safe = false;
          expect(() => {
            safe = isSafeExternalUrl(value);
          }).not.toThrow();
          if (!safe) return;
          expect(typeof value).toBe('string');
          const text = value as string;
          // The raw string is what the OS receives, so it must be exactly one clean token.
          // eslint-disable-next-line no-control-regex -- the point of the check
          expect(text).not.toMatch(/[\u0000-\u0020\u007f-\u009f]/);
          const url = new URL(text);
          expect(url.username + url.password).toBe('');
          expect(url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === '127.0.0.1')).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('refuses a vetted address once hostile text is inserted into its scheme or host', () => {
    fc.assert(
      fc.property(hostileString, fc.nat(7), (piece, at) => {
        const mutated = insertAt('http://127.0.0.1:8080/cb', piece, at);
        if (!isSafeExternalUrl(mutated)) return;
        expect(new URL(mutated).hostname).toBe('127.0.0.1');
      }),
      RUNS,
    );
  });
});
