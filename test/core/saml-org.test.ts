import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgInput } from '@shared/models/org';
import { startTempCore, tempDir, unwrap, type TempCore } from './support/temp-core';

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
    const pending = unwrap(await t.core.api.orgs.importProfile(file));
    expect(pending.input.signIn).toEqual(SAML_INPUT.signIn);
    unwrap(await t.core.api.orgs.answerLink(pending.id, true));
    expect(unwrap(await t.core.api.orgs.list()).organizations.map((o) => o.signIn)).toEqual([SAML_INPUT.signIn]);
  });

  it('come from the managed configuration, and refuse an http sign-in URL off loopback or a bad role', async () => {
    t = await startTempCore({ policy: { organizations: [{ ...SAML_INPUT, policy: { allowStaySignedIn: false } }] } });
    expect(unwrap(await t.core.api.orgs.list()).organizations[0]).toMatchObject({ managed: true, signIn: SAML_INPUT.signIn });
    const bad = await t.core.api.orgs.add({
      ...SAML_INPUT,
      code: 'WSpdx+ABC12D',
      signIn: { method: 'saml', signInUrl: 'http://idp.example.com/app', preferredRoleArn: 'arn:aws:iam::1:role/x' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-organization' } });
    const details = bad.ok ? '' : (bad.error.details ?? '');
    expect(details).toMatch(/^signIn\.signInUrl: /m);
    expect(details).toMatch(/^signIn\.preferredRoleArn: /m);
  });
});

describe('the remembered SAML role', () => {
  it('leaves the settings file with the organization', async () => {
    const dir = await tempDir();
    try {
      t = await startTempCore({ dir });
      const org = unwrap(await t.core.api.orgs.add(SAML_INPUT));
      const other = unwrap(await t.core.api.orgs.add({ ...SAML_INPUT, code: 'WSpdx+ABC12D', name: 'Other' }));
      await t.stop();
      // As the role picker leaves it (test/core/auth/saml-sign-in.test.ts), for both organizations.
      const settings = JSON.parse(await readFile(t.paths.settingsFile, 'utf8')) as { preferences: Record<string, unknown> };
      settings.preferences['samlRoles'] = { [org.id]: 'arn:aws:iam::123456789012:role/A', [other.id]: 'arn:aws:iam::123456789012:role/B' };
      await writeFile(t.paths.settingsFile, JSON.stringify(settings));
      t = await startTempCore({ dir });
      unwrap(await t.core.api.orgs.remove(org.id));
      const after = JSON.parse(await readFile(t.paths.settingsFile, 'utf8')) as { preferences: { samlRoles?: Record<string, string> } };
      expect(after.preferences.samlRoles).toEqual({ [other.id]: 'arn:aws:iam::123456789012:role/B' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
