import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { dispatch } from '@core/ipc-dispatch';
import { VNC_SECRET_SERVICE } from '@core/sessions';
import type { Desktop } from '@shared/models/desktop';
import { KeytarSecretStore } from '@core/vault/keytar-secret-store';
import { KEYCHAIN_SERVICE } from '@core/vault/sign-in-vault';
import type { OrgAuthStatus } from '@shared/ipc/domains/auth';
import { type Emulator, startEmulator } from '../emulator';
import { userAtBrowser } from './keychain/play-user';

const run = promisify(execFile);
let emu: Emulator;
let dir: string;
let policyFile: string;

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0 });
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-keychain-'));
  policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify(emu.demo.managedPolicy));
});
afterAll(async () => {
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

async function startCore(
  settingsDir: string,
  browser = userAtBrowser('alice', 'alice-demo-pass'),
  findDesktop?: (desktopKey: string) => Desktop | undefined,
): Promise<{ core: Core; opened: string[] }> {
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: process.platform },
    paths: { settingsFile: join(settingsDir, 'settings.json'), policyFile },
    secrets: new KeytarSecretStore(),
    browser,
    ...(findDesktop ? { sessions: { findDesktop } } : {}),
  });
  return { core, opened: browser.opened };
}

async function status(core: Core, method: 'oidc' | 'identity-center'): Promise<OrgAuthStatus | undefined> {
  const result = await core.api.auth.status();
  return result.ok ? result.value.orgs.find((o) => o.method === method) : undefined;
}

describe('stay signed in with a real gnome-keyring (secret service on a private D-Bus)', () => {
  it('keeps one Deskbridge entry, signs a new core in without the browser, and leaves nothing after sign-out', async () => {
    const settingsDir = await mkdtemp(join(dir, 'settings-'));
    const first = await startCore(settingsDir);
    const org = await status(first.core, 'oidc');
    const signedIn = await first.core.api.auth.signIn(org?.orgId ?? '', { staySignedIn: true });
    expect(signedIn).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice', staySignedIn: true } });
    const entries = await keytar.findCredentials(KEYCHAIN_SERVICE);
    expect(entries.map((e) => e.account)).toEqual([`${org?.orgId ?? ''}:alice`]);
    expect(Object.keys(JSON.parse(entries[0]?.password ?? '{}') as object).sort()).toEqual(['refreshToken', 'v']);
    await first.core.dispose();

    const second = await startCore(settingsDir);
    await vi.waitFor(async () => expect(await status(second.core, 'oidc')).toMatchObject({ state: 'signed-in', userName: 'alice', staySignedIn: true }), {
      timeout: 20_000,
    });
    expect(second.opened).toEqual([]);

    expect((await second.core.api.auth.signOut(org?.orgId ?? '')).ok).toBe(true);
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([]);
    await second.core.dispose();

    // Privacy: the settings folder holds at most the settings file, with no token, password or user name.
    const written = await files(settingsDir);
    expect(written.filter((f) => f !== 'settings.json')).toEqual([]);
    const refresh = (JSON.parse(entries[0]?.password ?? '{}') as { refreshToken?: string }).refreshToken ?? 'none';
    for (const file of written) {
      const text = await readFile(join(settingsDir, file), 'utf8');
      for (const secret of [refresh, 'alice-demo-pass', 'alice', 'eyJ']) expect(text).not.toContain(secret);
    }
  });

  it('without a secret service: sign-in works, nothing is written anywhere, and the user is told', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    const settingsDir = await mkdtemp(join(dir, 'settings-'));
    const child = join(import.meta.dirname, 'keychain', 'no-keychain-child.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', child, join(settingsDir, 'settings.json'), policyFile], {
      env: { ...process.env, HOME: home, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` },
      timeout: 60_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      signIn: { ok: boolean; value?: OrgAuthStatus };
      notices: { ok: boolean; value?: { message: string }[] };
      signOut: { ok: boolean };
    };
    expect(out.signIn).toMatchObject({ ok: true, value: { state: 'signed-in', userName: 'alice', staySignedIn: false } });
    expect(out.notices.value?.map((n) => n.message).join(' ')).toMatch(/Staying signed in is not available/);
    expect(out.signOut.ok).toBe(true);
    expect(await files(home)).toEqual([]);
    const written = await files(settingsDir);
    expect(written.every((f) => f === 'settings.json')).toBe(true);
    for (const file of written) expect(await readFile(join(settingsDir, file), 'utf8')).not.toMatch(/alice|eyJ|refresh/i);
  });

  it('keeps a remembered VNC password per desktop and server, and none after sign-out', async () => {
    const settingsDir = await mkdtemp(join(dir, 'settings-'));
    let tag = 'vnc://127.0.0.1:5901';
    let orgId = '';
    const vncDesktop = (): Desktop => ({
      key: `${orgId}/ws-vnc00001`,
      orgId,
      workspaceId: 'ws-vnc00001',
      directoryId: 'd-1234567890',
      userName: 'alice',
      name: 'VNC desktop',
      state: 'AVAILABLE',
      protocols: [],
      modifications: [],
      connectTag: tag,
    });
    const { core } = await startCore(settingsDir, undefined, (key) => (key === `${orgId}/ws-vnc00001` ? vncDesktop() : undefined));
    try {
      orgId = (await status(core, 'oidc'))?.orgId ?? '';
      expect((await core.api.auth.signIn(orgId, { staySignedIn: false })).ok).toBe(true);
      const connect = async () => {
        const result = await core.api.sessions.connect(`${orgId}/ws-vnc00001`);
        if (!result.ok || result.value.kind !== 'session') throw new Error('no VNC session');
        return result.value.session.id;
      };
      // As the Electron host calls it: the origin is the sender frame's.
      const ticket = async (id: string) => dispatch(core.api, 'sessions:vncTicket', [id], undefined, { origin: 'app://deskbridge' });

      const first = await connect();
      expect(await core.api.sessions.rememberPassword(first, 'vnc pass, with spaces')).toEqual({ ok: true, value: null });
      expect((await keytar.findCredentials(VNC_SECRET_SERVICE)).map((c) => c.account)).toEqual([`${orgId}/ws-vnc00001@127.0.0.1:5901`]);
      expect(await ticket(first)).toMatchObject({ ok: true, value: { password: 'vnc pass, with spaces' } });
      await core.api.sessions.disconnect(first);

      // IT points the desktop's tag at another server: the password stays with the first one.
      tag = 'vnc://127.0.0.2:5901';
      const moved = await connect();
      const movedTicket = (await ticket(moved)) as { ok: boolean; value?: { url: string; password?: string } };
      expect(movedTicket.value?.url).toMatch(/^ws:\/\/127\.0\.0\.1:/);
      expect(movedTicket.value?.password).toBeUndefined();
      await core.api.sessions.disconnect(moved);

      expect((await core.api.auth.signOut(orgId)).ok).toBe(true);
      await vi.waitFor(async () => expect(await keytar.findCredentials(VNC_SECRET_SERVICE)).toEqual([]));
    } finally {
      await core.dispose();
    }
  });
});
