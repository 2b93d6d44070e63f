import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '@core/auth/auth-error';
import { MAX_SAML_RESPONSE_CHARS, parseRoleValue, parseSamlResponse, pickRole, samlUserName } from '@core/auth/saml-response';
import {
  createSamlSigningKey,
  DEFAULT_SAML_APP,
  SAML_PROVIDER_ARN,
  SAML_SUPPORT_ROLE_ARN,
  SAML_USERS_ROLE_ARN,
  samlResponseXml,
  type SamlAppSettings,
  type SamlSigningKey,
  signAssertion,
} from '../../emulator/saml-idp';

let key: SamlSigningKey;
beforeAll(async () => {
  key = await createSamlSigningKey();
});

const NOW = Date.parse('2026-11-29T12:00:00Z');
const b64 = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');

function response(roles: readonly string[] = [SAML_USERS_ROLE_ARN], settings: Partial<SamlAppSettings> = {}): string {
  const { xml, assertionId } = samlResponseXml({
    userName: 'alice',
    email: 'alice@example.com',
    roles,
    now: NOW,
    settings: { ...DEFAULT_SAML_APP, ...settings },
    key,
  });
  return signAssertion(xml, assertionId, key);
}

function errorOf(fn: () => unknown): AuthError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('no error');
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('parseSamlResponse', () => {
  it('reads roles, RoleSessionName, NameID, SessionDuration, PrincipalTags and NotOnOrAfter', () => {
    const parsed = parseSamlResponse(b64(response([SAML_USERS_ROLE_ARN, SAML_SUPPORT_ROLE_ARN])));
    expect(parsed.roles).toEqual([
      { roleArn: SAML_USERS_ROLE_ARN, principalArn: SAML_PROVIDER_ARN },
      { roleArn: SAML_SUPPORT_ROLE_ARN, principalArn: SAML_PROVIDER_ARN },
    ]);
    expect(parsed.roleSessionName).toBe('alice');
    expect(parsed.nameId).toBe('alice@example.com');
    expect(parsed.sessionDurationSeconds).toBe(3600);
    expect(parsed.principalTags).toEqual({ Department: 'Engineering', CostCenter: 'CC-1234', DeskbridgeOwner: 'alice' });
    expect(parsed.notOnOrAfter).toBe(NOW + 300_000);
    expect(samlUserName(parsed, undefined)).toBe('alice');
    expect(samlUserName(parsed, 'email')).toBe('alice@example.com');
  });

  it('reads when the user authenticated: the AuthnStatement’s AuthnInstant (the earliest of several), else null', () => {
    const loggedIn = NOW - 3 * 3_600_000;
    const { xml, assertionId } = samlResponseXml({
      userName: 'alice',
      email: 'alice@example.com',
      roles: [SAML_USERS_ROLE_ARN],
      now: NOW,
      authnInstant: loggedIn,
      settings: DEFAULT_SAML_APP,
      key,
    });
    expect(parseSamlResponse(b64(signAssertion(xml, assertionId, key))).authnInstant).toBe(loggedIn);
    expect(parseSamlResponse(b64(response())).authnInstant).toBe(NOW);
    const one = response();
    const statement = /<saml:AuthnStatement[\s\S]*?<\/saml:AuthnStatement>/.exec(one)?.[0] ?? '';
    expect(statement).not.toBe('');
    const earlier = statement.replace(/AuthnInstant="[^"]*"/, `AuthnInstant="${new Date(NOW - 60_000).toISOString()}"`);
    expect(parseSamlResponse(b64(one.replace(statement, statement + earlier))).authnInstant).toBe(NOW - 60_000);
    expect(parseSamlResponse(b64(one.replace(statement, ''))).authnInstant).toBeNull();
    expect(parseSamlResponse(b64(one.replace(/AuthnInstant="[^"]*"/, 'AuthnInstant="yesterday"'))).authnInstant).toBeNull();
  });

  it('reads a Role value in either order and skips malformed ones', () => {
    expect(parseRoleValue(`${SAML_PROVIDER_ARN},${SAML_USERS_ROLE_ARN}`)).toEqual({ roleArn: SAML_USERS_ROLE_ARN, principalArn: SAML_PROVIDER_ARN });
    expect(parseRoleValue(`${SAML_USERS_ROLE_ARN}, ${SAML_PROVIDER_ARN}`)).toEqual({ roleArn: SAML_USERS_ROLE_ARN, principalArn: SAML_PROVIDER_ARN });
    expect(parseRoleValue(`${SAML_USERS_ROLE_ARN},${SAML_USERS_ROLE_ARN}`)).toBeNull();
    expect(parseRoleValue(SAML_USERS_ROLE_ARN)).toBeNull();
    expect(parseRoleValue(`${SAML_USERS_ROLE_ARN},${SAML_PROVIDER_ARN},x`)).toBeNull();
  });

  it('falls back to NameID when there is no RoleSessionName', () => {
    const xml = response().replace(/<saml:Attribute Name="https:\/\/aws\.amazon\.com\/SAML\/Attributes\/RoleSessionName"[\s\S]*?<\/saml:Attribute>/, '');
    expect(samlUserName(parseSamlResponse(b64(xml)), undefined)).toBe('alice@example.com');
  });

  it('refuses a DOCTYPE (no entity expansion), non-base64, oversize and non-SAML documents with saml-invalid-response', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>`;
    expect(codeOf(() => parseSamlResponse(b64(bomb)))).toBe('saml-invalid-response');
    expect(codeOf(() => parseSamlResponse('not base64!'))).toBe('saml-invalid-response');
    expect(codeOf(() => parseSamlResponse('A'.repeat(MAX_SAML_RESPONSE_CHARS + 4)))).toBe('saml-invalid-response');
    expect(codeOf(() => parseSamlResponse(b64('<html><body>login</body></html>')))).toBe('saml-invalid-response');
    expect(codeOf(() => parseSamlResponse(b64(`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`)))).toBe('saml-invalid-response');
    expect(codeOf(() => parseSamlResponse(b64(response().replace('</saml:Assertion>', '</saml:Assertion><saml:Assertion/>'))))).toBe('saml-invalid-response');
  });

  it('reports an IdP failure status as saml-idp-status, naming the status', () => {
    const xml = response().replace('status:Success', 'status:Responder');
    expect(codeOf(() => parseSamlResponse(b64(xml)))).toBe('saml-idp-status');
    expect(errorOf(() => parseSamlResponse(b64(xml))).params).toEqual({ status: 'Responder' });
    // A status that is not a plain word reaches the UI only as "unrecognised".
    const odd = response().replace('urn:oasis:names:tc:SAML:2.0:status:Success', 'urn:x:odd value!');
    expect(errorOf(() => parseSamlResponse(b64(odd))).params).toEqual({ status: 'unrecognised' });
  });
});

describe('pickRole', () => {
  it('uses the only role, the organization’s preferred role, or the remembered choice; else asks', () => {
    const one = parseSamlResponse(b64(response()));
    const two = parseSamlResponse(b64(response([SAML_USERS_ROLE_ARN, SAML_SUPPORT_ROLE_ARN])));
    expect(pickRole(one, undefined, undefined)?.roleArn).toBe(SAML_USERS_ROLE_ARN);
    expect(pickRole(two, SAML_SUPPORT_ROLE_ARN, undefined)?.roleArn).toBe(SAML_SUPPORT_ROLE_ARN);
    expect(pickRole(two, undefined, SAML_SUPPORT_ROLE_ARN)?.roleArn).toBe(SAML_SUPPORT_ROLE_ARN);
    expect(pickRole(two, undefined, 'arn:aws:iam::123456789012:role/Gone')).toBeNull();
    expect(pickRole(two, undefined, undefined)).toBeNull();
  });

  it('names a missing Role attribute and a preferred role that is not on offer', () => {
    const none = parseSamlResponse(b64(response([], { sendRoles: false })));
    expect(codeOf(() => pickRole(none, undefined, undefined))).toBe('saml-no-role');
    const one = parseSamlResponse(b64(response()));
    expect(codeOf(() => pickRole(one, SAML_SUPPORT_ROLE_ARN, undefined))).toBe('saml-role-not-offered');
  });
});

describe('parseSamlResponse fuzzing', () => {
  const parseOrAuthError = (input: string): void => {
    try {
      parseSamlResponse(input);
    } catch (error) {
      expect(error).toBeInstanceOf(AuthError);
    }
  };

  it('never crashes on 10,000 malformed, oversized, entity-laden or wrapped responses', () => {
    const genuine = response([SAML_USERS_ROLE_ARN, SAML_SUPPORT_ROLE_ARN]);
    const assertion = genuine.slice(genuine.indexOf('<saml:Assertion'), genuine.indexOf('</saml:Assertion>') + 17);
    const mutation = fc.oneof(
      // Random text, base64 or not.
      fc.string({ maxLength: 400 }),
      fc.string({ maxLength: 400 }).map(b64),
      // The genuine response cut, spliced or with bytes inserted.
      fc.tuple(fc.nat(genuine.length), fc.nat(genuine.length)).map(([a, b]) => b64(genuine.slice(0, Math.min(a, b)) + genuine.slice(Math.max(a, b)))),
      fc.tuple(fc.nat(genuine.length), fc.string({ maxLength: 40 })).map(([at, junk]) => b64(genuine.slice(0, at) + junk + genuine.slice(at))),
      fc
        .tuple(fc.nat(genuine.length), fc.constantFrom('<', '>', '&', '&amp;', '&#0;', ']]>', '<![CDATA[', '<!--', '"', "'", '\u0000', '\uFFFF'))
        .map(([at, junk]) => b64(genuine.slice(0, at) + junk + genuine.slice(at))),
      // Entity declarations and external references.
      fc
        .constantFrom(
          '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
          '<!DOCTYPE r [<!ENTITY a "a"><!ENTITY b "&a;&a;&a;">]>',
          '<!doctype r>',
          '<!ENTITY z "z">',
        )
        .map((dtd) => b64(dtd + genuine)),
      // Wrapping: extra assertions in various places.
      fc
        .constantFrom(
          genuine.replace('<samlp:Status>', `<samlp:Extensions>${assertion}</samlp:Extensions><samlp:Status>`),
          genuine.replace('</saml:Assertion>', `</saml:Assertion>${assertion}`),
          genuine.replace('<saml:Subject>', `<saml:Subject>${assertion}`),
        )
        .map(b64),
      // Deep nesting and huge element counts, within and beyond the limits.
      fc
        .integer({ min: 1, max: 2200 })
        .map((n) =>
          b64(
            `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${'<x>'.repeat(n % 60)}${'</x>'.repeat(n % 60)}${'<y/>'.repeat(n * 2)}</samlp:Response>`,
          ),
        ),
      // Oversized input.
      fc.integer({ min: MAX_SAML_RESPONSE_CHARS - 8, max: MAX_SAML_RESPONSE_CHARS + 64 }).map((n) => 'QUFB'.repeat(Math.ceil(n / 4)).slice(0, n)),
    );
    fc.assert(
      fc.property(mutation, (input) => parseOrAuthError(input)),
      { numRuns: 10_000 },
    );
    // No timed assertion: the size limits bound each input's work; this is only vitest's budget on a busy CI machine.
  }, 300_000);
});
