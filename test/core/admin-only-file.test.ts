/**
 * Issue 15 item 2 on Linux: the policy file counts only if root owns it and nobody else can write
 * it or the folders above it. Checked for real on temp files (the suite runs as root).
 */
import { chmod, chown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminOnlyFileSource, readAdminOnlyFile } from '@core/orgs/admin-only-file';
import { createCore } from '../../electron/core';
import { loadManagedPolicy } from '@core/orgs/managed-policy';
import { MemorySecretStore } from '@core/vault/memory-secret-store';

const OTHER_UID = 4242;
const POLICY = JSON.stringify({ allowAddOrganizations: false, organizations: [] });
const MANAGED_ORG = {
  code: 'WSpdx+ABC12D',
  name: 'Contoso IT',
  signIn: { method: 'identity-center', startUrl: 'https://contoso.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
};

async function coreWith(policyFile: string) {
  return createCore({
    info: { name: 'Deskbridge', version: '0.0.0-test', host: 'electron', platform: 'linux' },
    paths: { settingsFile: join(root, 'settings.json'), policyFile: null },
    managedConfig: adminOnlyFileSource(policyFile),
    secrets: new MemorySecretStore(),
    browser: { open: async () => undefined },
  });
}
let root: string;
let folder: string;
let file: string;

beforeEach(async () => {
  expect(process.getuid?.()).toBe(0);
  root = await mkdtemp(join(tmpdir(), 'deskbridge-admin-file-'));
  folder = join(root, 'deskbridge');
  file = join(folder, 'policy.json');
  await mkdir(folder, { mode: 0o755 });
  await writeFile(file, POLICY, { mode: 0o644 });
  await chmod(root, 0o755);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the Linux policy file', () => {
  it('is read when root owns it and only root can write it and its folders', async () => {
    expect(await readAdminOnlyFile(file)).toEqual({ kind: 'text', text: POLICY });
    expect(await loadManagedPolicy(adminOnlyFileSource(file))).toMatchObject({ kind: 'loaded', policy: { allowAddOrganizations: false } });
  });

  it('is simply absent when the file or its folder does not exist', async () => {
    expect(await readAdminOnlyFile(join(folder, 'missing.json'))).toEqual({ kind: 'none' });
    expect(await readAdminOnlyFile(join(root, 'no-folder', 'policy.json'))).toEqual({ kind: 'none' });
  });

  it.each([
    ['owned by another user', async () => chown(file, OTHER_UID, 0), /owned by user id 4242, not root/],
    ['writable by others', async () => chmod(file, 0o646), /can be written by group or others \(mode 0646\)/],
    ['writable by its group', async () => chmod(file, 0o664), /can be written by group or others \(mode 0664\)/],
    ['in a folder another user owns', async () => chown(folder, OTHER_UID, 0), /folder .*deskbridge is owned by user id 4242/],
    ['in a folder others can write', async () => chmod(folder, 0o757), /folder .*deskbridge can be written by group or others \(mode 0757\)/],
    ['below a folder others can write', async () => chmod(root, 0o777), /folder .*deskbridge-admin-file-\w+ can be written by group or others \(mode 0777\)/],
    [
      'a symbolic link to a root-owned file',
      async () => {
        await rm(file);
        await writeFile(join(root, 'real.json'), POLICY, { mode: 0o644 });
        await symlink(join(root, 'real.json'), file);
      },
      /symbolic link/,
    ],
    [
      'a folder in its place',
      async () => {
        await rm(file);
        await mkdir(file, { mode: 0o755 });
      },
      /not a regular file/,
    ],
  ])('is ignored, with a notice saying why, when it is %s', async (_what, arrange, reason) => {
    await arrange();
    const read = await readAdminOnlyFile(file);
    expect(read).toMatchObject({ kind: 'refused', message: expect.stringMatching(/ignored/) });
    expect(read.kind === 'refused' ? read.details : '').toMatch(reason);
    expect(await loadManagedPolicy(adminOnlyFileSource(file))).toMatchObject({ kind: 'invalid', details: expect.stringMatching(reason) });
  });

  it('reaches core through its managed-configuration port: used when safe, else ignored with an error notice saying why', async () => {
    await writeFile(file, JSON.stringify({ organizations: [MANAGED_ORG], allowStaySignedIn: false }));
    const safe = await coreWith(file);
    expect(await safe.api.orgs.list()).toMatchObject({ ok: true, value: { organizations: [{ name: 'Contoso IT', managed: true }], canStaySignedIn: false } });
    await safe.dispose();
    await chmod(file, 0o666);
    const unsafe = await coreWith(file);
    expect(await unsafe.api.orgs.list()).toMatchObject({ ok: true, value: { organizations: [], canStaySignedIn: true } });
    expect(await unsafe.api.app.notices()).toMatchObject({
      ok: true,
      value: [{ level: 'error', message: expect.stringMatching(/policy file was ignored/), details: expect.stringMatching(/mode 0666/) }],
    });
    await unsafe.dispose();
  });

  it('accepts a sticky folder others can write (like /tmp): they cannot replace root’s entries in it', async () => {
    await chmod(root, 0o1777);
    expect(await readAdminOnlyFile(file)).toEqual({ kind: 'text', text: POLICY });
  });

  it('follows a root-owned symlinked folder to the real one and checks that', async () => {
    const alias = join(root, 'alias');
    await symlink(folder, alias);
    expect(await readAdminOnlyFile(join(alias, 'policy.json'))).toEqual({ kind: 'text', text: POLICY });
    await chmod(folder, 0o777);
    expect(await readAdminOnlyFile(join(alias, 'policy.json'))).toMatchObject({ kind: 'refused' });
  });
});
