import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgsSnapshot } from '@shared/ipc/domains/orgs';
import { OIDC_INPUT, SSO_INPUT, startTempCore, unwrap, type TempCore } from './support/temp-core';

let t: TempCore;
afterEach(async () => {
  await t.stop();
});

describe('OrgService through the api', () => {
  it('adds an organization: normalised code, Region from the site, saved to the settings file, announced', async () => {
    t = await startTempCore();
    const changes: OrgsSnapshot[] = [];
    t.core.events.on('orgs:changed', (s) => changes.push(s));
    const org = unwrap(await t.core.api.orgs.add({ ...OIDC_INPUT, code: ' sliad+s393hd ', name: '  Example Corp ' }));
    expect(org).toMatchObject({ code: 'SLiad+S393HD', name: 'Example Corp', region: 'us-east-1', managed: false, policy: { allowStaySignedIn: true } });
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(changes).toEqual([{ organizations: [org], canAdd: true, canStaySignedIn: true }]);
    const onDisk = JSON.parse(await readFile(t.paths.settingsFile, 'utf8')) as { organizations: unknown[] };
    expect(onDisk.organizations).toEqual([org]);
  });

  it('asks for the Region of an unknown site or an opaque code, and takes an explicit one', async () => {
    t = await startTempCore();
    expect(await t.core.api.orgs.add({ ...OIDC_INPUT, code: 'WSzzz+ABCDEF' })).toMatchObject({
      ok: false,
      error: { details: 'region: Unknown site: choose the Region.' },
    });
    expect(unwrap(await t.core.api.orgs.add({ ...OIDC_INPUT, code: 'WSzzz+ABCDEF', region: 'ap-east-1' })).region).toBe('ap-east-1');
    expect(unwrap(await t.core.api.orgs.add({ ...SSO_INPUT, code: 'desktop.example.com', region: 'eu-west-1' })).region).toBe('eu-west-1');
    expect(await t.core.api.orgs.add({ ...SSO_INPUT, code: 'corp-1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-organization', details: 'region: Choose the Region for this code.' },
    });
  });

  it('refuses invalid input with every field named in the details', async () => {
    t = await startTempCore();
    const result = await t.core.api.orgs.add({
      ...OIDC_INPUT,
      code: 'wsiad+12',
      name: '',
      signIn: { method: 'oidc', issuer: 'http://evil.example', clientId: 'x', roleArn: 'arn:aws:iam::123456789012:role/R', userNameClaim: 'sub' },
    });
    expect(result.ok).toBe(false);
    const details = result.ok ? '' : (result.error.details ?? '');
    expect(details).toMatch(/^code: /m);
    expect(details).toMatch(/^name: /m);
    expect(details).toMatch(/^signIn\.issuer: /m);
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
  });

  it('checks the default connection when the organization is added, not only when connecting', async () => {
    t = await startTempCore();
    for (const bad of ['ftp://desk.example.com', 'vnc:99999', 'rdp://']) {
      const result = await t.core.api.orgs.add({ ...OIDC_INPUT, defaultConnect: bad });
      expect(result, bad).toMatchObject({ ok: false, error: { code: 'invalid-organization' } });
      expect(result.ok ? '' : result.error.details, bad).toMatch(/^defaultConnect: /m);
    }
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
    for (const good of ['handoff', 'rdp', 'vnc:5901', 'dcv']) {
      const added = unwrap(
        await t.core.api.orgs.add({ ...OIDC_INPUT, code: `WSiad+DEF${['handoff', 'rdp', 'vnc:5901', 'dcv'].indexOf(good) + 2}00`, defaultConnect: good }),
      );
      expect(added.defaultConnect).toBe(good);
    }
  });

  it('refuses a default connection to a named host unless managed configuration trusts that host', async () => {
    t = await startTempCore();
    const result = await t.core.api.orgs.add({ ...OIDC_INPUT, defaultConnect: 'dcv://gpu.example.com:8443/#console' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'untrusted-address',
        details: expect.stringMatching(/^defaultConnect: A default connection to a named host needs your IT department’s managed configuration/),
      },
    });
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
    await t.stop();
    t = await startTempCore({ policy: { trustedHosts: ['gpu.example.com:8443'] } });
    expect(unwrap(await t.core.api.orgs.add({ ...OIDC_INPUT, defaultConnect: 'dcv://gpu.example.com:8443/#console' })).defaultConnect).toBe(
      'dcv://gpu.example.com:8443/#console',
    );
    expect(await t.core.api.orgs.add({ ...OIDC_INPUT, code: 'WSpdx+ABC12D', defaultConnect: 'rdp://gpu.example.com:3389' })).toMatchObject({
      ok: false,
      error: { code: 'untrusted-address' },
    });
  });

  it('refuses a second organization with the same code, whatever its case', async () => {
    t = await startTempCore();
    unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    expect(await t.core.api.orgs.add({ ...OIDC_INPUT, code: 'sliad+s393hd', name: 'Again' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate-organization', message: '“Example Corp” already uses the code SLiad+S393HD.' },
    });
  });

  it('renames, trims the new name and refuses an empty one', async () => {
    t = await startTempCore();
    const org = unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    expect(unwrap(await t.core.api.orgs.rename(org.id, '  Work  ')).name).toBe('Work');
    expect(await t.core.api.orgs.rename(org.id, '   ')).toMatchObject({ ok: false, error: { code: 'invalid-name' } });
    expect(await t.core.api.orgs.rename('nope', 'x')).toMatchObject({ ok: false, error: { code: 'unknown-organization' } });
    expect(unwrap(await t.core.api.orgs.list()).organizations.map((o) => o.name)).toEqual(['Work']);
  });

  it('removes an organization and forgets it across a restart', async () => {
    t = await startTempCore();
    const a = unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    const b = unwrap(await t.core.api.orgs.add(SSO_INPUT));
    expect(unwrap(await t.core.api.orgs.remove(a.id)).organizations).toEqual([b]);
    expect(await t.core.api.orgs.remove(a.id)).toMatchObject({ ok: false, error: { code: 'unknown-organization' } });
    await t.core.dispose();
    const again = await startTempCore({ dir: t.dir });
    try {
      expect(unwrap(await again.core.api.orgs.list()).organizations).toEqual([b]);
    } finally {
      await again.core.dispose();
    }
  });
});

describe('profile files', () => {
  it('exports a profile without an id, a policy or any secret, and imports it back to the same settings once confirmed', async () => {
    t = await startTempCore();
    const org = unwrap(
      await t.core.api.orgs.add({ ...OIDC_INPUT, directoryId: 'd-1234567890', endpoints: { workspaces: 'https://workspaces-fips.us-east-1.amazonaws.com' } }),
    );
    const text = unwrap(await t.core.api.orgs.exportProfile(org.id));
    const file = JSON.parse(text) as { format: string; version: number; organization: Record<string, unknown> };
    expect(file.format).toBe('deskbridge-organization');
    expect(file.version).toBe(1);
    expect(Object.keys(file.organization).sort()).toEqual(['code', 'directoryId', 'endpoints', 'name', 'region', 'signIn']);
    expect(text).not.toContain(org.id);
    unwrap(await t.core.api.orgs.remove(org.id));
    const pending = unwrap(await t.core.api.orgs.importProfile(text));
    expect(pending).toMatchObject({ source: 'file', input: { code: org.code, endpoints: org.endpoints } });
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
    const [imported] = unwrap(await t.core.api.orgs.answerLink(pending.id, true)).organizations;
    expect({ ...imported, id: 'x' }).toEqual({ ...org, id: 'x' });
    expect(imported!.id).not.toBe(org.id);
  });

  it('refuses an import of a profile already present', async () => {
    t = await startTempCore();
    const org = unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    const text = unwrap(await t.core.api.orgs.exportProfile(org.id));
    expect(await t.core.api.orgs.importProfile(text)).toMatchObject({ ok: false, error: { code: 'duplicate-organization' } });
  });

  it.each([
    ['not JSON', '{"format": "deskbridge-organization", ', 'invalid-profile-file'],
    ['JSON null', 'null', 'invalid-profile-file'],
    ['another format', JSON.stringify({ format: 'something-else', version: 1, organization: OIDC_INPUT }), 'invalid-profile-file'],
    ['a newer version', JSON.stringify({ format: 'deskbridge-organization', version: 2, organization: OIDC_INPUT }), 'profile-file-too-new'],
    ['no organization', JSON.stringify({ format: 'deskbridge-organization', version: 1 }), 'invalid-organization'],
    [
      'an id smuggled in',
      JSON.stringify({ format: 'deskbridge-organization', version: 1, organization: { ...OIDC_INPUT, id: 'x', managed: true } }),
      'invalid-organization',
    ],
    [
      'a javascript: issuer',
      JSON.stringify({
        format: 'deskbridge-organization',
        version: 1,
        organization: { ...OIDC_INPUT, signIn: { ...OIDC_INPUT.signIn, issuer: 'javascript:alert(1)' } },
      }),
      'invalid-organization',
    ],
    ['a __proto__ payload', '{"format":"deskbridge-organization","version":1,"organization":{"__proto__":{"managed":true}}}', 'invalid-organization'],
  ])('refuses a malformed import: %s', async (_what, text, code) => {
    t = await startTempCore();
    const result = await t.core.api.orgs.importProfile(text);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(result.ok ? '' : result.error.message.length).toBeGreaterThan(0);
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
    expect(({} as Record<string, unknown>).managed).toBeUndefined();
  });
});
