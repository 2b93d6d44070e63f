import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEEP_LINK_LENGTH, parseDeepLink, type DeepLinkRejection, type ParsedDeepLink } from '@shared/lib/deep-link';
import { orgInputSchema } from '@shared/lib/org-input';
import { anyValue, hostileString, insertAt, PROTOTYPE_NAMES } from './support/hostile';

const REASONS: readonly DeepLinkRejection[] = [
  'not-a-link',
  'too-long',
  'wrong-scheme',
  'unknown-action',
  'unexpected-parameter',
  'duplicate-parameter',
  'invalid-value',
];
const RUNS = { numRuns: 3000 };

const OIDC = {
  code: 'SLiad+S393HD',
  name: 'Example Corp',
  issuer: 'https://login.example.com/realms/corp',
  clientId: 'deskbridge',
  roleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers',
};
const SSO = {
  code: 'WSpdx+ABC12D',
  startUrl: 'https://example.awsapps.com/start',
  ssoRegion: 'eu-west-1',
  accountId: '123456789012',
  roleName: 'WorkSpacesUser',
};

const SAML = {
  code: 'SLiad+S393HD',
  method: 'saml',
  signInUrl: 'https://example.okta.com/home/amazon_aws/0oa1/272',
};

function link(params: Record<string, string> | [string, string][], head = 'deskbridge://register'): string {
  return `${head}?${new URLSearchParams(params).toString()}`;
}

function parseChecked(raw: unknown): ParsedDeepLink {
  let result: ParsedDeepLink | undefined;
  expect(() => {
    result = parseDeepLink(raw);
  }).not.toThrow();
  const parsed = result!;
  if (parsed.ok) {
    expect(parsed.action).toBe('register');
    expect(orgInputSchema.safeParse(parsed.input).success).toBe(true);
  } else {
    expect(REASONS).toContain(parsed.reason);
    expect(parsed.message.trim().length).toBeGreaterThan(0);
  }
  return parsed;
}

describe('parseDeepLink: valid links', () => {
  it('accepts an OIDC registration link', () => {
    expect(parseChecked(link(OIDC))).toEqual({
      ok: true,
      action: 'register',
      input: {
        code: 'SLiad+S393HD',
        name: 'Example Corp',
        signIn: { method: 'oidc', issuer: OIDC.issuer, clientId: 'deskbridge', roleArn: OIDC.roleArn, userNameClaim: 'preferred_username' },
      },
    });
  });

  it('accepts an IAM Identity Center registration link and names the organization after its code', () => {
    expect(parseChecked(link(SSO))).toEqual({
      ok: true,
      action: 'register',
      input: {
        code: 'WSpdx+ABC12D',
        name: 'WSpdx+ABC12D',
        signIn: { method: 'identity-center', startUrl: SSO.startUrl, region: 'eu-west-1', accountId: '123456789012', roleName: 'WorkSpacesUser' },
      },
    });
  });

  it('accepts an explicit method, a region for an opaque code, a directory id and a custom claim', () => {
    const parsed = parseChecked(
      link({ ...OIDC, code: 'corp-desktops', method: 'oidc', region: 'eu-central-1', directoryId: 'd-1234567890', userNameClaim: 'email' }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      input: { code: 'corp-desktops', region: 'eu-central-1', directoryId: 'd-1234567890', signIn: { userNameClaim: 'email' } },
    });
  });

  it('accepts a SAML registration link with its optional role and attribute', () => {
    const role = 'arn:aws:iam::123456789012:role/WorkSpacesUsers';
    expect(parseChecked(link({ ...SAML, preferredRoleArn: role, userNameAttribute: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName' }))).toEqual({
      ok: true,
      action: 'register',
      input: {
        code: 'SLiad+S393HD',
        name: 'SLiad+S393HD',
        signIn: {
          method: 'saml',
          signInUrl: SAML.signInUrl,
          preferredRoleArn: role,
          userNameAttribute: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
        },
      },
    });
  });

  it('accepts an http issuer on loopback (the local emulator)', () => {
    expect(parseChecked(link({ ...OIDC, issuer: 'http://127.0.0.1:4567/idp' })).ok).toBe(true);
  });

  it('accepts the parameters in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(Object.entries(OIDC), { minLength: 5, maxLength: 5 }), (entries) => {
        expect(parseChecked(link(entries)).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseDeepLink: refusals', () => {
  it.each<[string, unknown, DeepLinkRejection]>([
    ['a non-string', 42, 'not-a-link'],
    ['an empty string', '', 'not-a-link'],
    ['garbage', 'not a link at all', 'not-a-link'],
    ['an oversize link', `${link(OIDC)}&name=${'a'.repeat(MAX_DEEP_LINK_LENGTH)}`, 'too-long'],
    ['an https link', link(OIDC, 'https://register'), 'wrong-scheme'],
    ['a javascript: link', 'javascript:alert(document.cookie)', 'wrong-scheme'],
    ['a file: link', 'file:///etc/passwd', 'wrong-scheme'],
    ['the workspaces: scheme', link(OIDC, 'workspaces://register'), 'wrong-scheme'],
    ['another action', link(OIDC, 'deskbridge://connect'), 'unknown-action'],
    ['an action with a path', link(OIDC, 'deskbridge://register/extra'), 'unknown-action'],
    ['credentials in the link', link(OIDC, 'deskbridge://user:pw@register'), 'unknown-action'],
    ['a port', link(OIDC, 'deskbridge://register:443'), 'unknown-action'],
    ['a fragment', `${link(OIDC)}#x`, 'unknown-action'],
    ['an opaque deskbridge: URL', 'deskbridge:register?code=abc', 'unknown-action'],
    ['an unknown parameter', `${link(OIDC)}&token=abc`, 'unexpected-parameter'],
    ['a __proto__ parameter', `${link(OIDC)}&__proto__=x`, 'unexpected-parameter'],
    ['a percent-encoded __proto__ parameter', `${link(OIDC)}&%5F%5Fproto%5F%5F=x`, 'unexpected-parameter'],
    ['a constructor parameter', `${link(OIDC)}&constructor=x`, 'unexpected-parameter'],
    ['an OIDC parameter in an Identity Center link', link({ ...SSO, issuer: OIDC.issuer }), 'unexpected-parameter'],
    ['an Identity Center parameter in an OIDC link', link({ ...OIDC, accountId: '123456789012' }), 'unexpected-parameter'],
    ['a duplicate code', `${link(OIDC)}&code=WSpdx%2BABC12D`, 'duplicate-parameter'],
    ['a duplicate issuer hidden by percent-encoding', `${link(OIDC)}&%69ssuer=https%3A%2F%2Fevil.example`, 'duplicate-parameter'],
    ['an unknown method', link({ ...OIDC, method: 'kerberos' }), 'invalid-value'],
    ['an OIDC parameter in a SAML link', link({ ...SAML, issuer: OIDC.issuer }), 'unexpected-parameter'],
    ['a SAML parameter in an OIDC link', link({ ...OIDC, signInUrl: SAML.signInUrl }), 'unexpected-parameter'],
    ['a plain-http SAML sign-in URL on the internet', link({ ...SAML, signInUrl: 'http://idp.example.com/app' }), 'invalid-value'],
    ['a bad preferred role ARN', link({ ...SAML, preferredRoleArn: 'arn:aws:iam::1:role/x' }), 'invalid-value'],
    ['a javascript: issuer', link({ ...OIDC, issuer: 'javascript:alert(1)' }), 'invalid-value'],
    ['a file: issuer', link({ ...OIDC, issuer: 'file:///etc/passwd' }), 'invalid-value'],
    ['a plain-http issuer on the internet', link({ ...OIDC, issuer: 'http://login.example.com' }), 'invalid-value'],
    ['an http issuer that only looks like loopback', link({ ...OIDC, issuer: 'http://127.0.0.1.evil.example' }), 'invalid-value'],
    ['an issuer with credentials', link({ ...OIDC, issuer: 'https://user:pw@login.example.com' }), 'invalid-value'],
    ['a data: start URL', link({ ...SSO, startUrl: 'data:text/html,<script>alert(1)</script>' }), 'invalid-value'],
    ['a malformed registration code', link({ ...OIDC, code: 'SLiad+S39' }), 'invalid-value'],
    ['an opaque code without a region', link({ ...OIDC, code: 'corp' }), 'invalid-value'],
    ['a bad role ARN', link({ ...OIDC, roleArn: 'arn:aws:iam::1:role/x' }), 'invalid-value'],
    ['a bad account id', link({ ...SSO, accountId: '12345' }), 'invalid-value'],
    ['a bad region', link({ ...SSO, ssoRegion: 'mars-1' }), 'invalid-value'],
    ['a control character in the client id', link({ ...OIDC, clientId: 'desk\u0000bridge' }), 'invalid-value'],
    ['a newline in the name', link({ ...OIDC, name: 'Example\nCorp' }), 'invalid-value'],
    ['a blank name', link({ ...OIDC, name: '   ' }), 'invalid-value'],
  ])('refuses %s', (_what, raw, reason) => {
    expect(parseChecked(raw)).toMatchObject({ ok: false, reason });
  });

  it.each(
    [0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x202a, 0x202d, 0x0085, 0x009b, 0x2028].map((c) => [
      `U+${c.toString(16).toUpperCase().padStart(4, '0')}`,
      String.fromCharCode(c),
    ]),
  )('refuses a name that smuggles the invisible control %s into the confirmation dialog', (_code, control) => {
    expect(parseChecked(link({ ...OIDC, name: `Example${control}Corp` }))).toMatchObject({ ok: false, reason: 'invalid-value' });
  });

  it('says which field is wrong', () => {
    const parsed = parseChecked(link({ ...OIDC, issuer: 'http://login.example.com' }));
    expect(parsed.ok ? '' : parsed.message).toMatch(/^signIn\.issuer: /);
  });

  it('keeps a hostile parameter name out of its message beyond 40 characters', () => {
    const parsed = parseChecked(`deskbridge://register?${'x'.repeat(500)}=1`);
    expect(parsed).toMatchObject({ ok: false, reason: 'unexpected-parameter' });
    expect(parsed.ok ? '' : parsed.message.length).toBeLessThan(120);
  });
});

describe('parseDeepLink: properties', { timeout: 30_000 }, () => {
  it('never throws on anything and always gives a reason and a message when it refuses', () => {
    fc.assert(
      fc.property(anyValue, (raw) => void parseChecked(raw)),
      RUNS,
    );
  });

  it('never throws on hostile text after deskbridge://register?', () => {
    fc.assert(
      fc.property(hostileString, (tail) => void parseChecked(`deskbridge://register?${tail}`)),
      RUNS,
    );
  });

  it('never accepts a link with a parameter it does not know, however it is spelled', () => {
    const known = new Set(['code', 'name', 'region', 'method', 'directoryId', ...Object.keys(OIDC), 'userNameClaim']);
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.constantFrom(...PROTOTYPE_NAMES)), fc.string({ maxLength: 10 }), (key, value) => {
        fc.pre(!known.has(key) && key.length > 0);
        const entries: [string, string][] = [...Object.entries(OIDC), [key, value]];
        const parsed = parseChecked(link(entries));
        expect(parsed.ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses any valid link with one parameter given twice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(OIDC)), fc.string({ maxLength: 20 }), fc.boolean(), (key, value, first) => {
        const entries: [string, string][] = Object.entries(OIDC);
        const all: [string, string][] = first ? [[key, value], ...entries] : [...entries, [key, value]];
        expect(parseChecked(link(all))).toMatchObject({ ok: false, reason: 'duplicate-parameter' });
      }),
      RUNS,
    );
  });

  it('never throws when a valid link is mutated by inserting hostile text anywhere', () => {
    const valid = [link(OIDC), link(SSO)];
    fc.assert(
      fc.property(fc.constantFrom(...valid), hostileString, fc.nat(400), (base, piece, at) => void parseChecked(insertAt(base, piece, at))),
      RUNS,
    );
  });

  it('refuses every link longer than the limit, whatever it holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_DEEP_LINK_LENGTH + 1, max: 50_000 }), (length) => {
        const raw = `${link(OIDC)}&name=`.padEnd(length, 'a');
        expect(parseChecked(raw)).toMatchObject({ ok: false, reason: 'too-long' });
      }),
      { numRuns: 200 },
    );
  });

  it('only ever accepts https issuers, or http on loopback', () => {
    const issuer = fc.oneof(
      fc.webUrl({ validSchemes: ['http', 'https', 'ftp', 'file', 'javascript', 'data', 'ws'] }),
      hostileString,
      fc.constantFrom('http://localhost:1', 'http://[::1]:2', 'http://127.0.0.1:3', 'HTTPS://LOGIN.EXAMPLE.COM', 'https:login.example.com'),
    );
    fc.assert(
      fc.property(issuer, (value) => {
        const parsed = parseChecked(link({ ...OIDC, issuer: value }));
        if (!parsed.ok) return;
        const url = new URL(parsed.input.signIn.method === 'oidc' ? parsed.input.signIn.issuer : '');
        expect(url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)).toBe(true);
        expect(url.username + url.password).toBe('');
      }),
      RUNS,
    );
  });
});

describe('links written by hand', () => {
  const raw = `code=SLiad+S393HD&issuer=${encodeURIComponent(OIDC.issuer)}&clientId=deskbridge&roleArn=${encodeURIComponent(OIDC.roleArn)}`;

  it('reads an unencoded "+" in the code as a plus, not a space', () => {
    const parsed = parseDeepLink(`deskbridge://register?${raw}`);
    expect(parsed).toMatchObject({ ok: true, input: { code: 'SLiad+S393HD', name: 'SLiad+S393HD' } });
  });

  it('accepts the action in any letter case', () => {
    expect(parseDeepLink(`deskbridge://REGISTER?${raw}`)).toMatchObject({ ok: true });
    expect(parseDeepLink(`deskbridge://unregister?${raw}`)).toMatchObject({ ok: false, reason: 'unknown-action' });
  });
});
