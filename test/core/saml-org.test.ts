import { afterEach, describe, expect, it } from 'vitest';
import type { OrgInput } from '../../shared/models/org';
import { startTempCore, unwrap, type TempCore } from './support/temp-core';

let t: TempCore;
afterEach(async () => {
  await t.stop();
});

const SAML_INPUT: OrgInput = {
  code: 'SLiad+S393HD',
  name: 'Example Corp',
  signIn: {
    method: 'saml',
    signInUrl: 'https://example.okta.com/home/amazon_aws/0oa1/272',
    preferredRoleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers',
    userNameAttribute: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  },
};

describe('SAML organizations', () => {
  it('are added, exported to a profile file and imported back with their SAML settings', async () => {
    t = await startTempCore();
    const org = unwrap(await t.core.api.orgs.add(SAML_INPUT));
    expect(org.signIn).toEqual(SAML_INPUT.signIn);
    const file = unwrap(await t.core.api.orgs.exportProfile(org.id));
    unwrap(await t.core.api.orgs.remove(org.id));
    const imported = unwrap(await t.core.api.orgs.importProfile(file));
    expect(imported.signIn).toEqual(SAML_INPUT.signIn);
    expect(unwrap(await t.core.api.orgs.list()).organizations.map((o) => o.signIn)).toEqual([SAML_INPUT.signIn]);
  });

  it('come from the managed configuration, and refuse an http sign-in URL off loopback or a bad role', async () => {
    t = await startTempCore({ policy: { organizations: [{ ...SAML_INPUT, policy: { allowStaySignedIn: false } }] } });
    expect(unwrap(await t.core.api.orgs.list()).organizations[0]).toMatchObject({ managed: true, signIn: SAML_INPUT.signIn });
    const bad = await t.core.api.orgs.add({ ...SAML_INPUT, code: 'WSpdx+ABC12D', signIn: { method: 'saml', signInUrl: 'http://idp.example.com/app', preferredRoleArn: 'arn:aws:iam::1:role/x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-organization' } });
    const details = bad.ok ? '' : (bad.error.details ?? '');
    expect(details).toMatch(/^signIn\.signInUrl: /m);
    expect(details).toMatch(/^signIn\.preferredRoleArn: /m);
  });
});
