import { afterEach, describe, expect, it } from 'vitest';
import { loadManagedPolicy } from '@core/orgs/managed-policy';
import { OIDC_INPUT, SSO_INPUT, startTempCore, storedProfile, unwrap, type TempCore } from './support/temp-core';

let t: TempCore;
afterEach(async () => {
  await t.stop();
});

const managedEntry = { ...SSO_INPUT, badge: 'IT', policy: { allowStaySignedIn: true, maxSignInHours: 8 } };

describe('the managed policy file', () => {
  it('is optional: no file means no managed entries and no restrictions', async () => {
    t = await startTempCore();
    expect(unwrap(await t.core.api.orgs.list())).toEqual({ organizations: [], canAdd: true, canStaySignedIn: true });
    expect(unwrap(await t.core.api.app.notices())).toEqual([]);
    expect(await loadManagedPolicy(null)).toEqual({ kind: 'none' });
  });

  it.each([
    ['not JSON', '{ "organizations": [', /not valid JSON/],
    ['the wrong shape', JSON.stringify({ organizations: 'all', allowAddOrganizations: 'no' }), /has errors/],
    ['an unknown key', JSON.stringify({ organizations: [], surprise: true }), /has errors/],
    ['an invalid entry', JSON.stringify({ organizations: [{ ...SSO_INPUT, code: 'wsiad+1' }] }), /has errors/],
    ['an oversize file', JSON.stringify({ organizations: [], pad: 'x'.repeat(300 * 1024) }), /too large/],
  ])('is reported as an error notice and ignored when it is %s', async (_what, text, message) => {
    t = await startTempCore({ policy: text });
    const notices = unwrap(await t.core.api.app.notices());
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'error', message: expect.stringMatching(message) });
    expect(notices[0]!.details).toContain(t.paths.policyFile);
    expect(unwrap(await t.core.api.orgs.list())).toEqual({ organizations: [], canAdd: true, canStaySignedIn: true });
  });

  it('shows its entries locked: managed, with their badge and policy, never renamed or removed', async () => {
    t = await startTempCore({ policy: { organizations: [managedEntry] } });
    const [org] = unwrap(await t.core.api.orgs.list()).organizations;
    expect(org).toMatchObject({
      id: 'managed:wspdx+abc12d',
      code: 'WSpdx+ABC12D',
      region: 'us-west-2',
      managed: true,
      badge: 'IT',
      policy: { allowStaySignedIn: true, maxSignInHours: 8 },
    });
    expect(await t.core.api.orgs.rename(org!.id, 'Mine now')).toMatchObject({ ok: false, error: { code: 'managed-organization' } });
    expect(await t.core.api.orgs.remove(org!.id)).toMatchObject({ ok: false, error: { code: 'managed-organization' } });
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([org]);
  });

  it('wins over a user profile with the same code, and a user cannot add that code again', async () => {
    const own = storedProfile('own', 'WSpdx+ABC12D', 'My copy');
    t = await startTempCore({
      policy: { organizations: [managedEntry] },
      settings: { version: 1, organizations: [own], preferences: { language: 'system', theme: 'system' } },
    });
    expect(unwrap(await t.core.api.orgs.list()).organizations.map((o) => o.id)).toEqual(['managed:wspdx+abc12d']);
    expect(await t.core.api.orgs.add({ ...OIDC_INPUT, code: 'wspdx+abc12d' })).toMatchObject({ ok: false, error: { code: 'duplicate-organization' } });
  });

  it('can forbid adding organizations: by hand, by import and by link', async () => {
    t = await startTempCore({ policy: { organizations: [managedEntry], allowAddOrganizations: false } });
    expect(unwrap(await t.core.api.orgs.list()).canAdd).toBe(false);
    expect(await t.core.api.orgs.add(OIDC_INPUT)).toMatchObject({ ok: false, error: { code: 'policy-forbids-adding' } });
    const file = JSON.stringify({ format: 'deskbridge-organization', version: 1, organization: OIDC_INPUT });
    expect(await t.core.api.orgs.importProfile(file)).toMatchObject({ ok: false, error: { code: 'policy-forbids-adding' } });
    t.core.receiveDeepLink(
      `deskbridge://register?code=SLiad%2BS393HD&issuer=https%3A%2F%2Flogin.example.com&clientId=x&roleArn=${encodeURIComponent(OIDC_INPUT.signIn.method === 'oidc' ? OIDC_INPUT.signIn.roleArn : '')}`,
    );
    const [link] = unwrap(await t.core.api.orgs.pendingLinks());
    expect(await t.core.api.orgs.answerLink(link!.id, true)).toMatchObject({ ok: false, error: { code: 'policy-forbids-adding' } });
    expect(unwrap(await t.core.api.orgs.list()).organizations).toHaveLength(1);
  });

  it('can forbid staying signed in, for managed entries and for ones the user adds', async () => {
    t = await startTempCore({ policy: { organizations: [managedEntry], allowStaySignedIn: false } });
    const snapshot = unwrap(await t.core.api.orgs.list());
    expect(snapshot.canStaySignedIn).toBe(false);
    expect(snapshot.organizations[0]!.policy.allowStaySignedIn).toBe(false);
    expect(unwrap(await t.core.api.orgs.add(OIDC_INPUT)).policy.allowStaySignedIn).toBe(false);
  });
});
