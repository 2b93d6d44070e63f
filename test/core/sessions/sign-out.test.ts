/**
 * Remembered VNC passwords follow the organization's sign-in: a real AuthService against the
 * emulator's IdP and STS, the sessions service as core composes it, in-memory secrets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Logger } from '@core/log/logger';
import { createSessions, VNC_SECRET_SERVICE, type RemoteSessionService } from '@core/sessions';
import type { Desktop } from '@shared/models/desktop';
import { type Emulator, startEmulator } from '../../emulator';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, settle, startAuth } from '../auth/support';
import { desktop, FakeHandoff, FakeLauncher } from './fakes';

let emu: Emulator;
let app: AuthUnderTest | null = null;
let sessions: RemoteSessionService | null = null;

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
});
afterEach(async () => {
  await sessions?.dispose();
  sessions = null;
  await app?.close();
  app = null;
  await emu.stop();
});

function start(a: AuthUnderTest, orgId: string): RemoteSessionService {
  const current: Desktop = desktop({ key: `${orgId}/ws-abc12345`, orgId, connectTag: 'vnc://127.0.0.1:5901' });
  return createSessions(
    { events: a.events, logger: new Logger(), secrets: a.secrets, browser: { open: async () => undefined }, orgs: a.orgs, auth: a.auth },
    { launcher: new FakeLauncher(), handoff: new FakeHandoff(), findDesktop: (key) => (key === current.key ? current : undefined) },
  );
}

async function rememberVncPassword(service: RemoteSessionService, orgId: string): Promise<void> {
  const connected = await service.connect(`${orgId}/ws-abc12345`);
  if (!connected.ok || connected.value.kind !== 'session') throw new Error('no VNC session');
  expect(await service.rememberPassword(connected.value.session.id, 'vnc-pass')).toEqual({ ok: true, value: null });
}

const remembered = () => app!.secrets.accounts(VNC_SECRET_SERVICE);

describe('remembered VNC passwords and sign-in', () => {
  it('are forgotten when the user signs out of the organization', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE) });
    sessions = start(app, app.oidcOrgId);
    expect((await app.auth.signIn(app.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    await rememberVncPassword(sessions, app.oidcOrgId);
    expect(await remembered()).toEqual([`${app.oidcOrgId}/ws-abc12345@127.0.0.1:5901`]);
    await app.auth.signOut(app.oidcOrgId);
    await settle();
    expect(await remembered()).toEqual([]);
    expect(sessions.snapshot().sessions).toEqual([]);
  });

  it('stay when a sign-in is started and cancelled without ever being signed in', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(null) });
    sessions = start(app, app.oidcOrgId);
    await rememberVncPassword(sessions, app.oidcOrgId);
    const attempt = app.auth.signIn(app.oidcOrgId, { staySignedIn: false });
    await settle();
    app.auth.cancel(app.oidcOrgId);
    await attempt;
    await settle();
    expect(app.auth.status(app.oidcOrgId)?.state).not.toBe('signed-in');
    expect(await remembered()).toHaveLength(1);
  });

  it('are forgotten when the organization is removed', async () => {
    const { policy: _policy, badge: _badge, ...org } = emu.demo.organizations[0]!;
    app = await startAuth(emu, {
      clock: ManualClock.linkedTo(emu),
      browser: playingBrowser(ALICE),
      policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: emu.demo.trustedHosts },
    });
    const added = await app.orgs.add({ ...org, name: 'Own copy' });
    if (!added.ok) throw new Error(added.error.message);
    sessions = start(app, added.value.id);
    expect((await app.auth.signIn(added.value.id, { staySignedIn: false })).ok).toBe(true);
    await rememberVncPassword(sessions, added.value.id);
    expect(await remembered()).toHaveLength(1);
    await app.orgs.remove(added.value.id);
    await settle();
    expect(await remembered()).toEqual([]);
  });
});
