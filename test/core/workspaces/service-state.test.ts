import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byName, keyOf, startWorld, type World } from './support/setup';

/**
 * DesktopService is the only writer of its state: the lists, the overlay (locks, problems, connect
 * progress) and the scheduler are private, and everything else goes through intent methods.
 */
describe('DesktopService owns its state', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ durations: { startMs: 10_000 } });
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });
  const snap = () => w.service.snapshot();

  it('keeps its lists, overlay and scheduler out of reach (tsc -b checks these lines)', () => {
    // @ts-expect-error the organizations' lists are private
    expect(w.service.orgs).toBeDefined();
    // @ts-expect-error locks, problems and connect progress are private
    expect(w.service.overlay).toBeDefined();
    // @ts-expect-error the poll scheduler is private
    expect(w.service.scheduler).toBeDefined();
    // @ts-expect-error only the service pushes snapshots
    expect(w.service.emit).toBeDefined();
  });

  it('takes one lock per desktop and clears the old problem while an action runs', () => {
    const key = keyOf(snap(), 'Design-PC');
    w.service.reportProblem(key, 'restart', { code: 'desktops.serverError', message: 'An earlier failure.' });
    expect(byName(snap(), 'Design-PC').problem).toMatchObject({ code: 'desktops.serverError', action: 'restart', at: w.clock.now() });
    expect(w.service.markActionPending(key, 'restart')).toBe(true);
    expect(w.service.markActionPending(key, 'rebuild')).toBe(false);
    expect(w.service.isActionPending(key)).toBe(true);
    expect(byName(snap(), 'Design-PC')).toMatchObject({ pending: { action: 'restart' } });
    expect(byName(snap(), 'Design-PC').problem).toBeUndefined();
    w.service.releaseAction(key);
    expect(w.service.isActionPending(key)).toBe(false);
    expect(byName(snap(), 'Design-PC').pending).toBeUndefined();
  });

  it('shows an accepted action at once and holds it until a later refresh confirms', async () => {
    const key = keyOf(snap(), 'Design-PC');
    const found = w.service.locate(key);
    expect(found?.desktop.name).toBe('Design-PC');
    expect(w.service.markActionPending(key, 'restart')).toBe(true);
    expect(w.service.applyActionResult(key, found!.state, (d) => ({ ...d, state: 'REBOOTING' }))).toBe(true);
    expect(byName(snap(), 'Design-PC')).toMatchObject({ state: 'REBOOTING', pending: { action: 'restart' } });
    await w.service.idle();
    // The emulator never saw a reboot: the confirming refresh brings back AWS's view and the lock goes.
    expect(byName(snap(), 'Design-PC').state).toBe('AVAILABLE');
    expect(w.service.isActionPending(key)).toBe(false);
  });

  it('says plainly when a desktop is not in the list', () => {
    expect(w.service.locate('org-oidc/ws-unknown000')).toBeUndefined();
    expect(w.service.locate('not a key')).toBeUndefined();
  });

  it('dismissing a problem also ends a finished connect, never one still starting', async () => {
    const key = keyOf(snap(), 'Design-PC');
    w.service.markReadyToLaunch(key);
    w.service.reportProblem(key, 'connect', { code: 'desktops.serverError', message: 'It did not work.' });
    expect(byName(snap(), 'Design-PC').connect?.phase).toBe('ready');
    w.service.dismissProblem(key);
    expect(byName(snap(), 'Design-PC').problem).toBeUndefined();
    expect(byName(snap(), 'Design-PC').connect).toBeUndefined();
    const stopped = byName(snap(), 'Daily-AutoStop');
    w.emu.state.setWorkspaceState(stopped.workspaceId, 'STOPPED');
    await w.service.refreshNow();
    expect((await w.actions.connect(stopped.key)).ok).toBe(true);
    w.service.reportProblem(stopped.key, 'connect', { code: 'desktops.serverError', message: 'Noise.' });
    w.service.dismissProblem(stopped.key);
    expect(byName(snap(), 'Daily-AutoStop').connect?.phase).toBe('starting');
    await w.service.idle();
  });
});
