import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Logger } from '@core/log/logger';
import { redact } from '@core/log/redact';

// Secrets as their issuers make them: uniformly random bytes (no bias towards "AAAA…"), encoded.
const bytes = (min: number, max = min) => fc.noBias(fc.uint8Array({ minLength: min, maxLength: max }));
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const base64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

/** 40 characters of [A-Za-z0-9+/], as IAM issues them: about half contain a `/`. */
const awsSecretKey = bytes(30).map(base64);
/** STS session tokens: hundreds of base64 characters with `/`, `+` and padding. */
const sessionToken = bytes(150, 400).map(base64);
/** OAuth access and refresh tokens, authorization codes. */
const opaqueToken = bytes(32, 64).map(base64url);
const jwtHeader = fc.constantFrom({ alg: 'RS256', kid: 'k1' }, { alg: 'RSA-OAEP', enc: 'A256GCM' }, { alg: 'dir', enc: 'A128CBC-HS256' });
/** A compact JWS (3 parts) or JWE (5 parts; `dir` leaves the encrypted key empty). */
const jose = fc.tuple(jwtHeader, bytes(0, 256), bytes(12), bytes(16, 300), bytes(16)).map(([header, key, iv, body, tag]) => {
  const head = base64url(Buffer.from(JSON.stringify(header)));
  return 'enc' in header ? [head, base64url(key), base64url(iv), base64url(body), base64url(tag)].join('.') : [head, base64url(body), base64url(tag)].join('.');
});
/** Passwords people type: words and digits joined by spaces and punctuation. */
const word = fc.noBias(fc.stringMatching(/^[A-Za-z0-9]{4,12}$/));
const password = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', ',', ';', '!', '.', '-', ', ', '$', '%', '*', ':'))
  .map(([words, glue]) => words.join(glue));

type Wrapper = (secret: string) => string;
const ASIA = 'ASIAIOSFODNN7EXAMPLE';

const awsKeyWrappers: Wrapper[] = [
  (s) => `{"Credentials":{"AccessKeyId":"${ASIA}","SecretAccessKey":"${s}","Expiration":"2026-11-29T20:00:00Z"}}`,
  (s) =>
    `<AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>${ASIA}</AccessKeyId><SecretAccessKey>${s}</SecretAccessKey></Credentials></AssumeRoleWithWebIdentityResult>`,
  (s) => `{ accessKeyId: '${ASIA}', secretAccessKey: '${s}', expiration: 2026-11-29T20:00:00.000Z }`,
  (s) => `aws_secret_access_key = ${s}`,
  (s) => `rotated credentials ${ASIA} ${s} for alice`,
  (s) => s,
  (s) => `SignatureDoesNotMatch: Check your AWS Secret Access Key and signing method. (key ${s})`,
  (s) => `POST /?Action=AssumeRole&SecretAccessKey=${encodeURIComponent(s)}&Version=2011-06-15`,
];
const sessionTokenWrappers: Wrapper[] = [
  (s) => `x-amz-security-token: ${s}`,
  (s) => `headers: { 'x-amz-security-token': '${s}', host: 'workspaces.us-east-1.amazonaws.com' }`,
  (s) => `https://workspaces.us-east-1.amazonaws.com/?X-Amz-Security-Token=${encodeURIComponent(s)}&X-Amz-Date=20261129T120000Z`,
  (s) => `<Credentials><SessionToken>${s}</SessionToken></Credentials>`,
  (s) => `{"sessionToken":"${s}"}`,
  (s) =>
    `InvalidSignatureException: The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nhost:workspaces.us-east-1.amazonaws.com\nx-amz-date:20261129T120000Z\nx-amz-security-token:${s}\n\nhost;x-amz-date;x-amz-security-token'`,
  (s) => `token ${s} expired`,
];
const tokenWrappers: Wrapper[] = [
  (s) => `Authorization: Bearer ${s}`,
  (s) => `{"access_token":"${s}","token_type":"Bearer","expires_in":3600}`,
  (s) => `grant_type=refresh_token&refresh_token=${encodeURIComponent(s)}&client_id=deskbridge`,
  (s) => `id_token: '${s}'`,
  (s) => `http://127.0.0.1:5000/callback?code=${s}&state=af0ifjsldkj`,
  (s) => `<RefreshToken>${s}</RefreshToken>`,
];
const joseWrappers: Wrapper[] = [
  ...tokenWrappers,
  (s) => `InvalidIdentityToken: Couldn't verify the token ${s} against the issuer`,
  (s) => `WebIdentityToken=${s}&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FDeskbridge`,
  (s) => s,
];
const passwordWrappers: Wrapper[] = [
  (s) => `{"username":"alice","password":${JSON.stringify(s)}}`,
  (s) => `password: "${s}"`,
  (s) => `{ user: 'alice', password: '${s}' }`,
  (s) => `Password="${s}" for alice`,
  (s) => `username=alice&password=${encodeURIComponent(s)}&remember=1`,
  (s) => `<Password>${s}</Password>`,
  (s) => `https://alice:${encodeURIComponent(s)}@proxy.example.com:3128/`,
  (s) => `Error: connect ECONNREFUSED for http://${encodeURIComponent(s)}:${encodeURIComponent(s)}@10.0.0.1:8080/x`,
];
const unquotedPasswordWrappers: Wrapper[] = [(s) => `password=${s}`, (s) => `passwd: ${s} (rotated)`, (s) => `login with password=${s}&next=/`];

const REPLACED = '[redacted] [jwt] [access-key]';

/** The pieces of a secret (split on punctuation, 4+ characters) the wrapper itself does not hold. */
function piecesOf(secret: string, wrapper: Wrapper): string[] {
  const context = wrapper('') + REPLACED;
  return secret.split(/[^A-Za-z0-9]+/).filter((piece) => piece.length >= 4 && !context.includes(piece));
}

/** What of the secret survives redaction of `text` around it, via the logger too. */
function survivors(secret: string, wrapper: Wrapper, noise: string): string[] {
  const text = `${noise} ${wrapper(secret)} ${noise}`;
  const logger = new Logger();
  logger.log('error', 'aws', text);
  const outputs = [redact(text), logger.list()[0]!.message];
  return piecesOf(secret, wrapper).filter((piece) => outputs.some((out) => out.includes(piece)) && !noise.includes(piece));
}

const noise = fc.string({ maxLength: 16 });
const neverSurvives = (secrets: fc.Arbitrary<string>, wrappers: Wrapper[]) =>
  fc.assert(
    fc.property(secrets, fc.constantFrom(...wrappers), noise, (secret, wrapper, around) => {
      expect(survivors(secret, wrapper, around)).toEqual([]);
    }),
    { numRuns: 400 },
  );

describe('log redaction of generated secrets in realistic wrappers', () => {
  it('never lets an AWS secret access key through, slashes or not', () => neverSurvives(awsSecretKey, awsKeyWrappers));
  it('never lets an STS session token through', () => neverSurvives(sessionToken, sessionTokenWrappers));
  it('never lets an OAuth token or code through', () => neverSurvives(opaqueToken, tokenWrappers));
  it('never lets any part of a JWS or JWE through', () => neverSurvives(jose, joseWrappers));
  it('never lets a quoted, encoded or URL password through, spaces and commas included', () => neverSurvives(password, passwordWrappers));
  it('never lets an unquoted password through, commas and punctuation included', () =>
    neverSurvives(
      password.filter((p) => !/\s/.test(p)),
      unquotedPasswordWrappers,
    ));
});

describe('log redaction: the cases that used to get through', () => {
  it.each([
    [
      'an AWS secret key with slashes in XML',
      '<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>',
      '<SecretAccessKey>[redacted]</SecretAccessKey>',
    ],
    ['a bare AWS secret key with slashes', 'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY used', 'key [redacted] used'],
    ['a quoted password of two words', 'password: "correct horse"', 'password: "[redacted]"'],
    ['a JSON password with an escaped quote', '{"password":"a \\" b","user":"x"}', '{"password":"[redacted]","user":"x"}'],
    ['an unquoted password with a comma', 'password=a,b', 'password=[redacted]'],
    ['a URL with user and password', 'GET https://user:pass@host.example.com/x', 'GET https://[redacted]@host.example.com/x'],
    [
      'the tail of a JWE',
      'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ',
      '[jwt]',
    ],
  ])('removes %s', (_what, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    'DescribeWorkspacesConnectionStatus failed for ws-abc123def in us-east-1',
    'request f00dfeed-0000-4000-8000-000000000001 failed',
    'wrote /home/alice/.config/Deskbridge/run-0a1b2c3d4e/session-ws-abc123def.rdp',
    'C:/Users/Alice/AppData/Local/Temp/deskbridge-run-abc123/electron',
    'role arn:aws:iam::111122223333:role/DeskbridgeUsers assumed',
    'https://workspaces.us-east-1.amazonaws.com:443/ answered 400',
  ])('keeps ordinary text: %s', (text) => {
    expect(redact(text)).toBe(text);
  });
});
