import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USER_NAME_MAX } from '@shared/lib/user-name';
import { type Emulator, startEmulator } from '../../emulator';
import { DEMO_USERS } from '../../emulator/seed';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './support';

let emu: Emulator;
let app: AuthUnderTest | null = null;

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
});
afterEach(async () => {
  await app?.close();
  app = null;
  await emu.stop();
});

const LONG = DEMO_USERS.find((u) => u.username.length > USER_NAME_MAX);

describe('user names longer than AWS WorkSpaces accepts are refused where they enter', () => {
  it('at sign-in: an ID token whose user-name claim has 64 characters', async () => {
    expect(LONG?.username).toHaveLength(USER_NAME_MAX + 1);
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(LONG ?? null) });
    const result = await app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('user-name-invalid');
    expect(result.error.message).toContain(`64 characters long, but AWS WorkSpaces accepts at most ${USER_NAME_MAX}`);
    expect(result.error.message).toContain('“preferred_username”');
    expect(result.error.params).toEqual({ claim: 'preferred_username', max: USER_NAME_MAX });
    expect(`${result.error.message} ${result.error.details ?? ''}`).not.toContain(LONG?.username ?? '?');
    // No session: nothing would poll AWS with a name it refuses.
    expect(app.auth.session(app.oidcOrgId)).toBeNull();
  });

  it('Identity Center: a session name AWS WorkSpaces wouldn’t accept is not used; the user is asked for the name', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(LONG ?? null) });
    const result = await app.auth.signIn(app.idcOrgId, { staySignedIn: false });
    expect(result.ok).toBe(true);
    expect(app.auth.status(app.idcOrgId)).toMatchObject({ state: 'signed-in' });
    expect(app.auth.status(app.idcOrgId)?.userName).toBeUndefined();
    expect(app.auth.session(app.idcOrgId)?.userName).toBe('');
    expect((await app.auth.setUserName(app.idcOrgId, 'max.mustermann')).ok).toBe(true);
    expect(app.auth.session(app.idcOrgId)?.userName).toBe('max.mustermann');
  });

  it('typed: a user name set by hand is held to the same limit, and a valid one still works', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE) });
    expect((await app.auth.signIn(app.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    const tooLong = await app.auth.setUserName(app.oidcOrgId, 'x'.repeat(USER_NAME_MAX + 1));
    expect(!tooLong.ok && tooLong.error).toMatchObject({ code: 'invalid-user-name', message: expect.stringContaining(`1 to ${USER_NAME_MAX} characters`) });
    expect(app.auth.session(app.oidcOrgId)?.userName).toBe('alice');
    expect((await app.auth.setUserName(app.oidcOrgId, 'y'.repeat(USER_NAME_MAX))).ok).toBe(true);
    expect(app.auth.session(app.oidcOrgId)?.userName).toBe('y'.repeat(USER_NAME_MAX));
  });
});
