import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_SERVICE_ACTIONS, type SelfServiceAction } from '@shared/lib/self-service';
import type { DesktopActions } from '@core/workspaces/actions';
import { byName, keyOf, startWorld, type World } from './support/setup';

const DURATIONS = { startMs: 10_000, rebootMs: 5_000, rebuildMs: 20_000, modifyMs: 8_000, stopMs: 4_000 };

/** Calls one action the way the renderer would, with valid arguments for it. */
function call(actions: DesktopActions, action: SelfServiceAction, key: string) {
  switch (action) {
    case 'start':
      return actions.start(key);
    case 'restart':
      return actions.restart(key);
    case 'rebuild':
      return actions.rebuild(key, 'anything');
    case 'changeComputeType':
      return actions.changeComputeType(key, 'PERFORMANCE');
    case 'increaseVolume':
      return actions.increaseVolume(key, { rootGib: 200 });
    case 'switchRunningMode':
      return actions.switchRunningMode(key, 'ALWAYS_ON');
  }
}

describe('self-service, gated by the directory’s permissions and the state', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ durations: DURATIONS });
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });
  const snap = () => w.service.snapshot();

  it('refuses every permission-gated action in a directory that disables it, without calling AWS', async () => {
    const restricted = w.sessions.org({ id: 'org-restricted', name: 'Restricted', directoryId: 'd-906700b002', code: 'SLiad+DEMO02' });
    w.sessions.withKeys(restricted, 'alice');
    await w.service.idle();
    const part = snap().orgs.find((o) => o.orgId === 'org-restricted');
    expect(part?.permissions).toEqual({
      restartWorkspace: true,
      increaseVolumeSize: false,
      changeComputeType: false,
      switchRunningMode: false,
      rebuildWorkspace: false,
    });
    const key = keyOf(snap(), 'Restricted-PC');
    const before = w.workspaceCalls().length;
    for (const action of ['rebuild', 'changeComputeType', 'increaseVolume', 'switchRunningMode'] as const) {
      const result = await call(w.actions, action, key);
      expect(result.ok ? 'ok' : result.error.code, action).toBe('desktops.refused.permission');
    }
    expect(w.workspaceCalls().length).toBe(before);
    expect(byName(snap(), 'Restricted-PC').problem).toMatchObject({ code: 'desktops.refused.permission', action: 'switchRunningMode' });
    w.sessions.signOut('org-restricted');
  });

  it('refuses every action in a state that does not allow it (MAINTENANCE), and explains it on the desktop', async () => {
    const key = keyOf(snap(), 'Maintenance-PC');
    for (const action of SELF_SERVICE_ACTIONS) {
      const result = await call(w.actions, action, key);
      expect(result.ok ? 'ok' : result.error.code, action).toBe('desktops.refused.state');
    }
    expect(byName(snap(), 'Maintenance-PC').problem?.message).toMatch(/state doesn’t allow/);
  });

  it('does not restart an IMPAIRED desktop (RebootWorkspaces takes AVAILABLE or UNHEALTHY), without calling AWS', async () => {
    const key = keyOf(snap(), 'Impaired-PC');
    const before = w.workspaceCalls('RebootWorkspaces').length;
    const result = await w.actions.restart(key);
    expect(!result.ok && result.error.code).toBe('desktops.refused.state');
    expect(w.workspaceCalls('RebootWorkspaces')).toHaveLength(before);
    w.actions.dismissProblem(key);
  });

  it('restarts a desktop stuck in REBOOTING once it has been rebooting for over 20 minutes', async () => {
    const key = keyOf(snap(), 'Rebooting-PC');
    const early = await w.actions.restart(key);
    expect(!early.ok && early.error.code).toBe('desktops.refused.state');
    w.actions.dismissProblem(key);
    // Still REBOOTING 21 minutes later (the list kept polling meanwhile): AWS takes a restart now.
    await w.advance(21 * 60_000);
    expect(byName(snap(), 'Rebooting-PC').state).toBe('REBOOTING');
    const before = w.workspaceCalls('RebootWorkspaces').length;
    const late = await w.actions.restart(key);
    expect(late.ok).toBe(true);
    expect(w.workspaceCalls('RebootWorkspaces')).toHaveLength(before + 1);
    expect(w.workspaceCalls('RebootWorkspaces').at(-1)?.output).toEqual({ FailedRequests: [] });
    await w.service.idle();
    await w.advance(5_000);
    await w.service.refreshNow();
    expect(byName(snap(), 'Rebooting-PC').state).toBe('AVAILABLE');
  });

  it('refuses to start an AlwaysOn desktop (it has no stopped state of its own)', async () => {
    // Design-PC is ALWAYS_ON; stage it STOPPED to reach the running-mode rule.
    w.emu.state.setWorkspaceState(byName(snap(), 'Design-PC').workspaceId, 'STOPPED');
    await w.service.refreshNow();
    const result = await w.actions.start(keyOf(snap(), 'Design-PC'));
    expect(!result.ok && result.error.code).toBe('desktops.refused.runningMode');
    w.emu.state.setWorkspaceState(byName(snap(), 'Design-PC').workspaceId, 'AVAILABLE');
    await w.service.refreshNow();
  });

  it('starts a STOPPED AutoStop desktop, shows STARTING at once and AVAILABLE when AWS is done', async () => {
    const key = keyOf(snap(), 'Daily-AutoStop');
    const result = await w.actions.start(key);
    expect(result.ok).toBe(true);
    expect(byName(snap(), 'Daily-AutoStop')).toMatchObject({ state: 'STARTING', pending: { action: 'start' } });
    await w.service.idle();
    expect(byName(snap(), 'Daily-AutoStop').state).toBe('STARTING');
    expect(byName(snap(), 'Daily-AutoStop').pending).toBeUndefined();
    await w.advance(10_000);
    await w.service.refreshNow();
    expect(byName(snap(), 'Daily-AutoStop').state).toBe('AVAILABLE');
  });

  it('never runs an action twice on a double click', async () => {
    const key = keyOf(snap(), 'Manual-Stopped');
    const before = w.workspaceCalls('StartWorkspaces').length;
    const [first, second] = await Promise.all([w.actions.start(key), w.actions.start(key)]);
    expect(first.ok).toBe(true);
    expect(!second.ok && second.error.code).toBe('desktops.busy');
    expect(w.workspaceCalls('StartWorkspaces').length - before).toBe(1);
    // Until a refresh confirms, the lock holds: a third click is refused too.
    const third = await w.actions.start(key);
    expect(third.ok).toBe(false);
    await w.service.idle();
    await w.advance(10_000);
    await w.service.refreshNow();
    expect(byName(snap(), 'Manual-Stopped').state).toBe('AVAILABLE');
  });

  it('shows a FailedRequests entry on the desktop it concerns, in plain language', async () => {
    // The list says STOPPED, AWS has moved on: StartWorkspaces answers with a FailedRequest.
    const stale = byName(snap(), 'Manual-Stopped');
    w.emu.state.setWorkspaceState(stale.workspaceId, 'STOPPED');
    await w.service.refreshNow();
    w.emu.state.setWorkspaceState(stale.workspaceId, 'AVAILABLE');
    const result = await w.actions.start(stale.key);
    expect(!result.ok && result.error.code).toBe('aws.InvalidResourceState');
    const problem = byName(snap(), 'Manual-Stopped').problem;
    expect(problem).toMatchObject({ action: 'start', code: 'aws.InvalidResourceState' });
    expect(problem?.message).toMatch(/not in a state that allows this/);
    expect(problem?.details).toMatch(/AVAILABLE/);
    expect(byName(snap(), 'Manual-Stopped').pending).toBeUndefined();
    await w.service.refreshNow();
  });

  it('restarts an UNHEALTHY desktop (where allowed) and it comes back AVAILABLE', async () => {
    const key = keyOf(snap(), 'Unhealthy-PC');
    expect((await w.actions.restart(key)).ok).toBe(true);
    expect(byName(snap(), 'Unhealthy-PC').state).toBe('REBOOTING');
    await w.service.idle();
    await w.advance(5_000);
    await w.service.refreshNow();
    expect(byName(snap(), 'Unhealthy-PC')).toMatchObject({ state: 'AVAILABLE' });
  });

  it('rebuilds only with the desktop’s name typed, one desktop per call', async () => {
    const key = keyOf(snap(), 'Error-PC');
    const before = w.workspaceCalls('RebuildWorkspaces').length;
    const wrong = await w.actions.rebuild(key, 'yes');
    expect(!wrong.ok && wrong.error.code).toBe('desktops.confirmRebuild');
    expect(w.workspaceCalls('RebuildWorkspaces').length).toBe(before);
    expect((await w.actions.rebuild(key, 'error-pc')).ok).toBe(true);
    expect(w.workspaceCalls('RebuildWorkspaces').length).toBe(before + 1);
    expect(byName(snap(), 'Error-PC').state).toBe('REBUILDING');
    await w.service.idle();
  });

  it('changes the compute type to an allowed target, and explains AWS’s once-in-6-hours rule when it bites', async () => {
    const key = keyOf(snap(), 'Daily-AutoStop');
    const invalid = await w.actions.changeComputeType(key, 'GRAPHICS_G4DN');
    expect(!invalid.ok && invalid.error.code).toBe('desktops.computeTarget');
    expect((await w.actions.changeComputeType(key, 'PERFORMANCE')).ok).toBe(true);
    expect(byName(snap(), 'Daily-AutoStop').modifications).toEqual([{ resource: 'COMPUTE_TYPE', state: 'UPDATE_IN_PROGRESS' }]);
    await w.service.idle();
    await w.advance(8_000);
    await w.service.refreshNow();
    expect(byName(snap(), 'Daily-AutoStop')).toMatchObject({ computeType: 'PERFORMANCE', modifications: [] });
    const again = await w.actions.changeComputeType(key, 'POWER');
    expect(!again.ok && again.error.message).toMatch(/6-hour/);
    expect(byName(snap(), 'Daily-AutoStop').problem?.message).toMatch(/6-hour/);
  });

  it('increases a volume and refuses a smaller size before calling AWS', async () => {
    const key = keyOf(snap(), 'Linux-VNC');
    const smaller = await w.actions.increaseVolume(key, { rootGib: 10 });
    expect(!smaller.ok && smaller.error.code).toBe('desktops.volume.notLarger');
    // AWS's rules: one volume at a time, and only its root/user combinations (80/50 → root 175 is none).
    const before = w.workspaceCalls('ModifyWorkspaceProperties').length;
    const both = await w.actions.increaseVolume(key, { rootGib: 175, userGib: 100 });
    expect(!both.ok && both.error.code).toBe('desktops.volume.bothAtOnce');
    const combination = await w.actions.increaseVolume(key, { rootGib: 175 });
    expect(!combination.ok && combination.error).toMatchObject({
      code: 'desktops.volume.notCombination',
      message: expect.stringContaining('Allowed: none right now'),
    });
    const odd = await w.actions.increaseVolume(key, { userGib: 75 });
    expect(!odd.ok && odd.error.message).toContain('Allowed: 100 GiB');
    expect(w.workspaceCalls('ModifyWorkspaceProperties')).toHaveLength(before);
    expect((await w.actions.increaseVolume(key, { userGib: 100 })).ok).toBe(true);
    await w.service.idle();
    await w.advance(8_000);
    await w.service.refreshNow();
    expect(byName(snap(), 'Linux-VNC')).toMatchObject({ userVolumeGib: 100, modifications: [] });
  });

  it('switches the running mode', async () => {
    const key = keyOf(snap(), 'Design-PC');
    expect((await w.actions.switchRunningMode(key, 'AUTO_STOP')).ok).toBe(true);
    await w.service.idle();
    expect(byName(snap(), 'Design-PC').runningMode).toBe('AUTO_STOP');
  });

  it('connect on a STOPPED AutoStop desktop starts it, follows it and hands it over when AVAILABLE', async () => {
    const desktop = byName(snap(), 'Daily-AutoStop');
    w.emu.state.setWorkspaceState(desktop.workspaceId, 'STOPPED');
    await w.service.refreshNow();
    const ready: string[] = [];
    const off = w.service.onReady((d) => ready.push(d.name));
    const startedAt = w.clock.now();
    expect((await w.actions.connect(desktop.key)).ok).toBe(true);
    expect(byName(snap(), 'Daily-AutoStop')).toMatchObject({ state: 'STARTING', connect: { phase: 'starting', startedAt } });
    await w.service.idle();
    await w.advance(10_000);
    await w.service.refreshNow();
    await Promise.resolve();
    expect(byName(snap(), 'Daily-AutoStop')).toMatchObject({ state: 'AVAILABLE', connect: { phase: 'ready', startedAt, readyAt: w.clock.now() } });
    expect(ready).toEqual(['Daily-AutoStop']);
    expect(w.service.find(desktop.key)?.connect?.phase).toBe('ready');
    off();
  });

  it('connect on AVAILABLE is ready at once; on a state that can’t connect it explains why', async () => {
    expect((await w.actions.connect(keyOf(snap(), 'Design-PC'))).ok).toBe(true);
    expect(byName(snap(), 'Design-PC').connect?.phase).toBe('ready');
    const refused = await w.actions.connect(keyOf(snap(), 'Suspended-PC'));
    expect(!refused.ok && refused.error.code).toBe('desktops.notConnectable');
    expect(byName(snap(), 'Suspended-PC').problem?.message).toMatch(/SUSPENDED/);
    w.actions.dismissProblem(keyOf(snap(), 'Suspended-PC'));
    expect(byName(snap(), 'Suspended-PC').problem).toBeUndefined();
  });

  it('answers an unknown desktop plainly', async () => {
    const result = await w.actions.start('org-oidc/ws-unknown000');
    expect(!result.ok && result.error.code).toBe('desktops.notFound');
  });
});
