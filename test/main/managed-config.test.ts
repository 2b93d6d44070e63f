/**
 * Issue 15 item 2: managed configuration only from the OS's admin-only channel. reg.exe and plutil
 * do not exist here, so their real output is replayed from fixtures; the file checks are real.
 */
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManagedPolicy } from '@core/orgs/managed-policy';
import { managedPreferencesSource, PLUTIL, PREFERENCES_DOMAIN } from '@main/platform/macos-managed-preferences';
import { developmentPolicyFile, LINUX_POLICY_FILE, osManagedConfig } from '@main/platform/managed-config';
import { electronPaths } from '@main/platform/paths';
import { parseRegQuery, POLICY_KEY, REG_EXE, registrySource, type RunProgram } from '@main/platform/windows-registry';

const ORG = {
  code: 'WSpdx+ABC12D',
  name: 'Contoso',
  signIn: { method: 'identity-center', startUrl: 'https://contoso.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
};

/** `reg query HKLM\SOFTWARE\Policies\Deskbridge /reg:64` on Windows 11, as reg.exe prints it (CRLF). */
const REG_QUERY_POLICY = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Deskbridge',
  `    Policy    REG_SZ    ${JSON.stringify({ organizations: [ORG], allowAddOrganizations: true })}`,
  '    AllowStaySignedIn    REG_DWORD    0x0',
  '    TrustedHosts    REG_MULTI_SZ    gateway.corp.example:3389\\0sts.proxy.corp.example',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Deskbridge\\Legacy',
  '',
].join('\r\n');

/** Group Policy style: one value per setting, the organizations as a JSON string. */
const REG_QUERY_VALUES = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Deskbridge',
  '    AllowAddOrganizations    REG_DWORD    0x1',
  '    AllowStaySignedIn    REG_DWORD    0x1',
  `    Organizations    REG_SZ    ${JSON.stringify([{ ...ORG, name: 'Contoso IT  (Intune)' }])}`,
  '',
].join('\r\n');

const bytes = (text: string) => new TextEncoder().encode(text);

function replay(outputs: Readonly<Record<string, string | { code: unknown; message?: string }>>): { run: RunProgram; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: async (file, args) => {
      calls.push([file, ...args]);
      const key = file === PLUTIL ? (args.at(-1) ?? '') : file;
      const output = outputs[key];
      if (output === undefined) throw Object.assign(new Error(`unexpected ${key}`), { code: 'ENOENT' });
      if (typeof output !== 'string') throw Object.assign(new Error(output.message ?? 'failed'), { code: output.code });
      return bytes(output);
    },
  };
}

describe('Windows: HKLM\\SOFTWARE\\Policies\\Deskbridge through reg.exe', () => {
  it('parses reg query output: values by name and type, data with spaces, subkeys ignored', () => {
    const values = parseRegQuery(REG_QUERY_VALUES);
    expect([...values.keys()]).toEqual(['AllowAddOrganizations', 'AllowStaySignedIn', 'Organizations']);
    expect(values.get('AllowStaySignedIn')).toEqual({ type: 'REG_DWORD', data: '0x1' });
    expect(JSON.parse(values.get('Organizations')!.data)).toEqual([{ ...ORG, name: 'Contoso IT  (Intune)' }]);
    expect(parseRegQuery(REG_QUERY_POLICY).has('Legacy')).toBe(false);
  });

  it('reads the whole policy from Policy, with per-setting values on top, from reg.exe by absolute path in the 64-bit view', async () => {
    const { run, calls } = replay({ [REG_EXE]: REG_QUERY_POLICY });
    const load = await loadManagedPolicy(registrySource(run));
    expect(calls).toEqual([[REG_EXE, 'query', POLICY_KEY, '/reg:64']]);
    expect(load).toEqual({
      kind: 'loaded',
      policy: {
        organizations: [ORG],
        allowAddOrganizations: true,
        allowStaySignedIn: false,
        trustedHosts: ['gateway.corp.example:3389', 'sts.proxy.corp.example'],
      },
    });
  });

  it('reads Group Policy style values alone', async () => {
    const load = await loadManagedPolicy(registrySource(replay({ [REG_EXE]: REG_QUERY_VALUES }).run));
    expect(load).toMatchObject({
      kind: 'loaded',
      policy: { allowAddOrganizations: true, allowStaySignedIn: true, organizations: [{ name: 'Contoso IT  (Intune)' }] },
    });
  });

  it('finds no configuration when the key does not exist (reg.exe exits with 1)', async () => {
    const missing = replay({ [REG_EXE]: { code: 1, message: 'ERROR: The system was unable to find the specified registry key or value.' } });
    expect(await loadManagedPolicy(registrySource(missing.run))).toEqual({ kind: 'none' });
  });

  it.each([
    ['a value of the wrong type', '    AllowStaySignedIn    REG_SZ    no', /AllowStaySignedIn must be a REG_DWORD/],
    ['a DWORD other than 0 or 1', '    AllowStaySignedIn    REG_DWORD    0x2', /AllowStaySignedIn must be 0 or 1/],
    ['broken JSON', '    Organizations    REG_SZ    [{"code": ', /Organizations is not valid JSON/],
    ['an unknown value', '    AllowEverything    REG_DWORD    0x1', /Unknown value\(s\): AllowEverything/],
  ])('refuses the key, with a notice saying why, when it has %s', async (_what, line, reason) => {
    const load = await loadManagedPolicy(
      registrySource(replay({ [REG_EXE]: ['', `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Deskbridge`, line, ''].join('\r\n') }).run),
    );
    expect(load).toMatchObject({ kind: 'invalid', message: 'Your organization’s policy in the registry has errors and was ignored.' });
    expect(load.kind === 'invalid' ? load.details : '').toMatch(reason);
  });

  it('refuses output outside ASCII (reg.exe’s code page is unknown) and says how to write it', async () => {
    const run: RunProgram = async () =>
      new Uint8Array([
        ...bytes('\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Deskbridge\r\n    Organizations    REG_SZ    [{"name":"M'),
        0x81,
        ...bytes('ller"}]\r\n'),
      ]);
    expect(await loadManagedPolicy(registrySource(run))).toMatchObject({ kind: 'invalid', details: expect.stringMatching(/\\uXXXX escapes/) });
  });

  it('reports reg.exe failing for another reason instead of silently ignoring IT', async () => {
    const load = await loadManagedPolicy(registrySource(replay({ [REG_EXE]: { code: 'ENOENT', message: 'spawn reg.exe ENOENT' } }).run));
    expect(load).toMatchObject({ kind: 'invalid', message: 'Your organization’s policy could not be read from the registry.' });
  });
});

describe('macOS: managed preferences from a configuration profile', () => {
  let folder: string;
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** What `plutil -convert json -o - <plist>` prints for a profile's payload (MDM keys included). */
  const DEVICE_JSON = JSON.stringify({ PayloadUUID: '1B1C1D1E-0000-4000-8000-000000000001', allowStaySignedIn: false, organizations: [ORG] });
  const USER_JSON = JSON.stringify({ allowStaySignedIn: true, trustedHosts: ['gateway.corp.example'] });

  async function profiles(user = true): Promise<{ device: string; userFile: string }> {
    folder = await mkdtemp(join(tmpdir(), 'deskbridge-managed-prefs-'));
    const device = join(folder, `${PREFERENCES_DOMAIN}.plist`);
    const userFile = join(folder, 'alice', `${PREFERENCES_DOMAIN}.plist`);
    await writeFile(device, 'bplist00…', { mode: 0o644 });
    if (user) {
      await mkdir(join(folder, 'alice'), { mode: 0o755 });
      await writeFile(userFile, 'bplist00…', { mode: 0o644 });
    }
    return { device, userFile };
  }

  it('merges the device profile and the user’s (the user’s wins key by key), through plutil by absolute path', async () => {
    const { device, userFile } = await profiles();
    const { run, calls } = replay({ [device]: DEVICE_JSON, [userFile]: USER_JSON });
    const load = await loadManagedPolicy(managedPreferencesSource('alice', run, folder));
    expect(calls).toEqual([
      [PLUTIL, '-convert', 'json', '-o', '-', '--', device],
      [PLUTIL, '-convert', 'json', '-o', '-', '--', userFile],
    ]);
    expect(load).toEqual({
      kind: 'loaded',
      policy: { organizations: [ORG], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: ['gateway.corp.example'] },
    });
  });

  it('finds no configuration when no profile is installed', async () => {
    folder = await mkdtemp(join(tmpdir(), 'deskbridge-managed-prefs-'));
    const { run, calls } = replay({});
    expect(await loadManagedPolicy(managedPreferencesSource('alice', run, folder))).toEqual({ kind: 'none' });
    expect(calls).toEqual([]);
  });

  it('ignores, with a notice, a preferences file the user could have written', async () => {
    const { device, userFile } = await profiles();
    await chown(userFile, 501, 20);
    const { run } = replay({ [device]: DEVICE_JSON, [userFile]: USER_JSON });
    expect(await loadManagedPolicy(managedPreferencesSource('alice', run, folder))).toMatchObject({
      kind: 'invalid',
      details: expect.stringMatching(/owned by user id 501, not root/),
    });
  });
});

describe('which channel is read', () => {
  it('is the OS’s admin-only one on each platform', () => {
    expect(osManagedConfig('win32', 'alice').origin).toBe('HKLM\\SOFTWARE\\Policies\\Deskbridge');
    expect(osManagedConfig('darwin', 'alice').origin).toBe(
      '/Library/Managed Preferences/org.deskbridge.app.plist, /Library/Managed Preferences/alice/org.deskbridge.app.plist',
    );
    expect(osManagedConfig('linux', 'alice').origin).toBe(LINUX_POLICY_FILE);
  });

  it('honours DESKBRIDGE_POLICY_FILE only when the app is not packaged', () => {
    const env = { DESKBRIDGE_POLICY_FILE: '/home/alice/my-policy.json' };
    expect(developmentPolicyFile(env, false)).toBe('/home/alice/my-policy.json');
    expect(developmentPolicyFile(env, true)).toBeNull();
    expect(electronPaths('/home/alice/.config/Deskbridge', env, true).policyFile).toBeNull();
    expect(electronPaths('/home/alice/.config/Deskbridge', env, false).policyFile).toBe('/home/alice/my-policy.json');
    expect(electronPaths('/home/alice/.config/Deskbridge', {}, false).policyFile).toBeNull();
  });
});
