import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Logger } from '@core/log/logger';
import { redact } from '@core/log/redact';

const secret = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{12,64}$/).filter((s) => !/^[=+/.~-]/.test(s));

describe('Logger redaction', () => {
  it.each([
    ['an Authorization header', 'Authorization: Bearer s3cr3tT0kenValue', 's3cr3tT0kenValue'],
    ['a Basic Authorization header', 'authorization=Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA'],
    ['a JSON authorization header', '{"authorization":"Bearer s3cr3tT0kenValue"}', 's3cr3tT0kenValue'],
    ['an access token in a query', 'GET /x?access_token=s3cr3tT0kenValue&x=1', 's3cr3tT0kenValue'],
    ['a refresh token in JSON', '{"refresh_token": "s3cr3tT0kenValue"}', 's3cr3tT0kenValue'],
    ['an id token', 'idToken=s3cr3tT0kenValue', 's3cr3tT0kenValue'],
    ['a client secret', 'client_secret: s3cr3tT0kenValue', 's3cr3tT0kenValue'],
    ['a secret access key', '{"SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}', 'wJalrXUtnFEMI'],
    ['a session token', 'sessionToken=FwoGZXIvYXdzEBYaDHs3cr3t', 'FwoGZXIvYXdzEBYaDHs3cr3t'],
    ['an STS security token header', 'x-amz-security-token: FwoGZXIvYXdzEBYaDHs3cr3t', 'FwoGZXIvYXdzEBYaDHs3cr3t'],
    ['a password', 'password=hunter2hunter2', 'hunter2hunter2'],
    ['a PKCE verifier', 'code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'dBjftJeZ4CVP'],
    ['an access key id', 'using AKIAIOSFODNN7EXAMPLE for this', 'AKIAIOSFODNN7EXAMPLE'],
    ['a temporary key id', 'key ASIAIOSFODNN7EXAMPLE', 'ASIAIOSFODNN7EXAMPLE'],
    ['a JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl', 'eyJzdWIiOiIxMjMifQ'],
    ['an authorization code in a redirect', 'http://127.0.0.1:5000/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj', 'SplxlOBeZQQYbYS6WxSbIA'],
    ['a device code', 'device_code: GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS', 'GmRhmhcxhwAzkoEqiMEg'],
    ['a cookie', 'Cookie: session=abc123def456', 'abc123def456'],
  ])('removes %s', (_what, text, leaked) => {
    const logger = new Logger();
    logger.log('info', 'test', text);
    const [entry] = logger.list();
    expect(entry!.message).not.toContain(leaked);
    expect(redact(text)).not.toContain(leaked);
  });

  it('redacts what an error carries, too', () => {
    const logger = new Logger();
    logger.log('error', 'auth', 'Token refresh failed', new Error('400 from IdP: {"refresh_token":"s3cr3tT0kenValue"}'));
    expect(logger.list()[0]!.message).toBe('Token refresh failed: Error: 400 from IdP: {"refresh_token":"[redacted]"}');
  });

  it('never lets a token-shaped secret through any of the usual spellings', () => {
    const templates = [
      (s: string) => `Authorization: Bearer ${s}`,
      (s: string) => `"access_token":"${s}"`,
      (s: string) => `refresh_token=${s}&scope=openid`,
      (s: string) => `id_token: '${s}'`,
      (s: string) => `client_secret=${s}`,
      (s: string) => `{"password": "${s}"}`,
      (s: string) => `x-amz-security-token:${s}`,
      (s: string) => `https://127.0.0.1/cb?state=x&code=${s}`,
    ];
    fc.assert(
      fc.property(secret, fc.constantFrom(...templates), fc.string({ maxLength: 20 }), (value, template, prefix) => {
        const logger = new Logger();
        logger.log('info', 'x', `${prefix} ${template(value)}`);
        expect(logger.list()[0]!.message).not.toContain(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps ordinary text intact', () => {
    const text = 'Listed 3 WorkSpaces in us-east-1 for Example Corp (code SLiad+S393HD)';
    expect(redact(text)).toBe(text);
  });

  it('keeps only the newest entries and drops those below its level', () => {
    const logger = new Logger(3, () => 7);
    logger.log('debug', 'x', 'hidden');
    for (const n of [1, 2, 3, 4]) logger.log('info', 'x', `m${n}`);
    expect(logger.list()).toEqual(['m2', 'm3', 'm4'].map((message) => ({ time: 7, level: 'info', scope: 'x', message })));
    logger.level = 'debug';
    logger.scoped('s').debug('shown');
    expect(logger.list().at(-1)).toEqual({ time: 7, level: 'debug', scope: 's', message: 'shown' });
  });
});
