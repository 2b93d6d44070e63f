import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestUrl, parseUrl } from '@shared/lib/parse-url';
import { hostileString } from './support/hostile';

describe('parseUrl', () => {
  it('parses an absolute address', () => {
    const url = parseUrl('https://login.example.com:8443/a/b?x=1#f');
    expect(url?.protocol).toBe('https:');
    expect(url?.host).toBe('login.example.com:8443');
    expect(url?.pathname).toBe('/a/b');
    expect(url?.searchParams.get('x')).toBe('1');
  });

  it('resolves a relative value against the base', () => {
    expect(parseUrl('../c?y=2', 'app://deskbridge/a/b/index.html')?.toString()).toBe('app://deskbridge/a/c?y=2');
  });

  it.each(['', 'not a url', 'http://[', 'https://exa mple.com', '/relative/without/base', '//host-only'])('gives null for %j', (value) => {
    expect(parseUrl(value)).toBeNull();
  });

  it('gives null for a base that is no URL', () => {
    expect(parseUrl('/x', 'no base')).toBeNull();
  });

  it('never throws, and agrees with the URL constructor on every string', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        let expected: string | null;
        try {
          expected = new URL(value).toString();
        } catch {
          expected = null;
        }
        expect(parseUrl(value)?.toString() ?? null).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseRequestUrl', () => {
  it('resolves a request target on loopback', () => {
    const url = parseRequestUrl('/callback?code=c&state=s');
    expect(url?.origin).toBe('http://127.0.0.1');
    expect(url?.pathname).toBe('/callback');
    expect(url?.searchParams.get('state')).toBe('s');
  });

  it('reads a missing target as /', () => {
    expect(parseRequestUrl(undefined)?.pathname).toBe('/');
  });

  it('gives null for a target that is no valid URL (an absolute form with a broken host)', () => {
    expect(parseRequestUrl('http://[')).toBeNull();
  });
});
