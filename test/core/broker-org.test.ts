/** Broker mode's organization settings (issue 14): the schema, and who may name a broker. */
import { describe, expect, it } from 'vitest';
import { orgInputSchema } from '@shared/lib/org-input';
import { checkOrgTrust, orgAddresses } from '@shared/lib/org-trust';
import type { OrgInput } from '@shared/models/org';

const BROKER: OrgInput = {
  code: 'SLiad+DEMO04',
  name: 'Example',
  signIn: {
    method: 'broker',
    brokerUrl: 'https://desktops.example.com/prod',
    issuer: 'https://login.example.com',
    clientId: 'deskbridge',
    userNameClaim: 'preferred_username',
  },
};

describe('broker sign-in settings', () => {
  it('are a sign-in kind of their own, checked field by field', () => {
    expect(orgInputSchema.safeParse(BROKER).success).toBe(true);
    const bad = orgInputSchema.safeParse({
      ...BROKER,
      signIn: { ...BROKER.signIn, brokerUrl: 'ftp://desktops.example.com', roleArn: 'arn:aws:iam::123456789012:role/X' },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['signIn.brokerUrl', 'signIn']));
  });

  it('need IT’s managed configuration, or a host it trusts, to name a broker', () => {
    expect(checkOrgTrust(BROKER, { managed: false, trustedHosts: [] })).toEqual([
      {
        path: 'signIn.brokerUrl',
        reason: 'trust-broker',
        params: { host: 'desktops.example.com' },
        message: expect.stringContaining('desktops.example.com') as string,
      },
    ]);
    expect(checkOrgTrust(BROKER, { managed: false, trustedHosts: ['desktops.example.com'] })).toEqual([]);
    expect(checkOrgTrust(BROKER, { managed: false, trustedHosts: ['desktops.example.com:443'] })).toEqual([]);
    expect(checkOrgTrust(BROKER, { managed: false, trustedHosts: ['desktops.example.com:8443'] })).toHaveLength(1);
    expect(checkOrgTrust(BROKER, { managed: true, trustedHosts: [] })).toEqual([]);
  });

  it('show the broker among the addresses a confirmation lists', () => {
    expect(orgAddresses(BROKER).map((a) => [a.role, a.shown])).toEqual([
      ['issuer', 'https://login.example.com'],
      ['broker', 'https://desktops.example.com/prod'],
    ]);
  });
});
