/**
 * Issue 15 items 4 and 21: one rule for every service address, look-alike hosts shown in ASCII,
 * names without invisible or text-direction characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, serviceUrlProblem } from '@shared/lib/external-url';
import { badgeSchema, orgInputSchema, orgNameSchema, serviceUrlSchema } from '@shared/lib/org-input';
import { checkOrgTrust, displayAddress, isAwsServiceHost, orgAddresses } from '@shared/lib/org-trust';
import type { OrgInput } from '@shared/models/org';

const RUNS = { numRuns: 2000 };
const OIDC: OrgInput = {
  code: 'SLiad+S393HD',
  name: 'Example Corp',
  signIn: {
    method: 'oidc',
    issuer: 'https://login.example.com',
    clientId: 'deskbridge',
    roleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers',
    userNameClaim: 'preferred_username',
  },
};
const withIssuer = (issuer: string): OrgInput => ({ ...OIDC, signIn: { ...OIDC.signIn, issuer } as OrgInput['signIn'] });

describe('one rule for service addresses: profile schema, sign-in start and external-URL vetting agree', () => {
  it.each(['https://login.example.com', 'https://login.xn--exmple-corp-zij.com/oauth2', 'http://127.0.0.1:8080/realms/x', 'http://[::1]:8080'])(
    'accepts %s everywhere',
    (url) => {
      expect(serviceUrlProblem(url)).toBeNull();
      expect(serviceUrlSchema.safeParse(url).success).toBe(true);
      expect(isSafeExternalUrl(url)).toBe(true);
    },
  );

  it.each([
    ['http://localhost:8080', /^Must be an https/],
    ['http://LOCALHOST', /^Must be an https/],
    ['http://127.0.0.2', /^Must be an https/],
    ['http://login.example.com', /^Must be an https/],
    ['https://login.ex\u0430mple-corp.com', /^Write the host name in ASCII/],
    ['https://bücher.example', /^Write the host name in ASCII/],
    ['https://127\u30020\u30020\u30021', /^Write the host name in ASCII/],
    ['https:\\\\login.example.com', /^Must be an https/],
    ['https:login.example.com', /^Must be an https/],
    ['https://user:pw@login.example.com', /user name or password/],
    [' https://login.example.com', /spaces or control characters/],
    ['https://login.example.com/a b', /spaces or control characters/],
  ])('refuses %s everywhere, with the reason', (url, reason) => {
    expect(serviceUrlProblem(url)).toMatch(reason);
    const parsed = serviceUrlSchema.safeParse(url);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(reason);
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('never lets the profile schema accept an issuer the browser would then refuse (and the reverse)', () => {
    const host = fc.oneof(
      fc.constantFrom('127.0.0.1', 'localhost', '[::1]', '0.0.0.0', 'login.example.com', 'xn--80ak6aa92e.com', 'ex\u0430mple.com'),
      fc.domain(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https', 'HTTP', 'ftp'),
        host,
        fc.option(fc.integer({ min: 1, max: 65535 })),
        fc.webPath(),
        (scheme, h, port, path) => {
          const url = `${scheme}://${h}${port === null ? '' : `:${port}`}${path}`;
          expect(orgInputSchema.safeParse(withIssuer(url)).success).toBe(isSafeExternalUrl(url));
        },
      ),
      RUNS,
    );
  });
});

describe('look-alike hosts', () => {
  it('shows every address in ASCII, whatever was written, and flags punycode hosts', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const shown = displayAddress(url);
        expect(shown).toMatch(/^[\x21-\x7e]*$/);
      }),
      RUNS,
    );
    const [issuer] = orgAddresses(withIssuer(`https://${new URL('https://login.ex\u0430mple-corp.com').hostname}/path/ü`));
    expect(issuer).toEqual({ role: 'issuer', shown: 'https://login.xn--exmple-corp-zij.com/path/%C3%BC', international: true });
    expect(orgAddresses(OIDC)).toEqual([{ role: 'issuer', shown: 'https://login.example.com', international: false }]);
  });

  it('recognises AWS’s own endpoint hosts only, service by service', () => {
    expect(isAwsServiceHost('sts', 'sts.eu-central-1.amazonaws.com')).toBe(true);
    expect(isAwsServiceHost('sts', 'xn--sts-.us-east-1.amazonaws.com')).toBe(false);
    fc.assert(
      fc.property(fc.domain(), fc.constantFrom('sts', 'sso', 'ssoOidc', 'workspaces' as const), (domain, service) => {
        // A random name is AWS's only if it really ends in one of AWS's suffixes.
        if (isAwsServiceHost(service, domain)) expect(domain).toMatch(/\.(amazonaws\.com|amazonaws\.com\.cn|amazonaws-us-gov\.com)$/);
      }),
      RUNS,
    );
  });
});

describe('names that cannot be disguised', () => {
  const disguising = [
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u061c',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff',
    '\u00ad',
    '\u2060',
  ];

  it.each(disguising.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    'refuses %s anywhere in a name, a badge or a link’s name',
    (_code, char) => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.nat(), (base, at) => {
          // Between visible letters: at either end, trimming would simply remove U+FEFF.
          const name = `A${base.slice(0, at % (base.length + 1))}${char}${base.slice(at % (base.length + 1))}Z`;
          expect(orgNameSchema.safeParse(name).success).toBe(false);
          expect(badgeSchema.safeParse(`B${char}C`).success).toBe(false);
          expect(orgInputSchema.safeParse({ ...OIDC, name }).success).toBe(false);
        }),
        { numRuns: 200 },
      );
      expect(orgNameSchema.safeParse(`Example${char}Corp`).error?.issues[0]?.message).toBe('Control, invisible and text-direction characters are not allowed.');
    },
  );

  it('still accepts names in any script', () => {
    for (const name of ['Müller GmbH', 'Ελληνικά', 'شركة', '株式会社', 'Café 😀']) expect(orgNameSchema.safeParse(name).success).toBe(true);
  });
});

describe('who may set what', () => {
  const user = { managed: false, trustedHosts: [] };

  it('lets managed configuration set any address the schema allows', () => {
    const input: OrgInput = { ...withIssuer('http://127.0.0.1:9000'), endpoints: { sts: 'http://127.0.0.1:9001' }, defaultConnect: 'rdp://desk.example.com' };
    expect(checkOrgTrust(input, { managed: true, trustedHosts: [] })).toEqual([]);
    expect(checkOrgTrust(input, user).map((i) => i.path)).toEqual(['signIn.issuer', 'endpoints.sts', 'defaultConnect']);
  });

  it('trusts a host:port entry for that port only, and a bare host for any port', () => {
    const input: OrgInput = { ...OIDC, endpoints: { sts: 'http://127.0.0.1:9001' }, defaultConnect: 'vnc://[::1]:5901' };
    expect(checkOrgTrust(input, { managed: false, trustedHosts: ['127.0.0.1:9001', '[::1]'] })).toEqual([]);
    expect(checkOrgTrust(input, { managed: false, trustedHosts: ['127.0.0.1:9002', '[::1]:5900'] }).map((i) => i.path)).toEqual([
      'endpoints.sts',
      'defaultConnect',
    ]);
  });
});

describe('SAML organizations under the same trust rules', () => {
  const SAML: OrgInput = { code: 'SLiad+S393HD', name: 'Example Corp', signIn: { method: 'saml', signInUrl: 'https://idp.example.com/app/aws/sso/saml' } };

  it('lists the IdP sign-in page first among the addresses to confirm', () => {
    expect(orgAddresses(SAML)).toEqual([{ role: 'samlSignInUrl', shown: 'https://idp.example.com/app/aws/sso/saml', international: false }]);
  });

  it('refuses a catch-on-this-computer ACS override and a plain-http sign-in page unless IT set them', () => {
    const input: OrgInput = { ...SAML, signIn: { method: 'saml', signInUrl: 'http://127.0.0.1:9100/app' }, endpoints: { samlAcs: 'loopback' } };
    expect(checkOrgTrust(input, { managed: false, trustedHosts: [] }).map((i) => i.path)).toEqual(['signIn.signInUrl', 'endpoints.samlAcs']);
    expect(checkOrgTrust(input, { managed: true, trustedHosts: [] })).toEqual([]);
  });
});
