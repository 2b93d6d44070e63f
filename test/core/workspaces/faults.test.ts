import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay, POLL_FAST_MS } from '@shared/lib/polling-policy';
import { byName, startWorld, type World } from './support/setup';

describe('throttling, 503 and network faults: back off, then succeed, nothing lost', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
    w.service.setVisible(true);
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });
  const snap = () => w.service.snapshot();

  it('backs off exponentially (with jitter) while AWS throttles, keeps the list, and recovers', async () => {
    expect(snap().desktops).toHaveLength(19);
    w.emu.faults.set('workspaces', { throttleRate: 1 });
    await w.advance(POLL_FAST_MS);
    expect(snap().orgs[0]).toMatchObject({ status: 'error', error: { code: 'desktops.throttled' } });
    expect(snap().desktops).toHaveLength(19);
    expect(snap().offline).toBe(false);
    expect(w.service.nextRefreshAt).toBe(w.clock.now() + backoffDelay(1, () => 0.5));
    const before = w.workspaceCalls().length;
    await w.advance(backoffDelay(1, () => 0.5));
    expect(w.workspaceCalls().length).toBe(before + 1);
    expect(w.service.failedRefreshesInARow).toBe(2);
    expect(w.service.nextRefreshAt).toBe(w.clock.now() + backoffDelay(2, () => 0.5));
    expect(backoffDelay(2, () => 0.5)).toBeGreaterThan(backoffDelay(1, () => 0.5));
    w.emu.faults.clear();
    await w.advance(backoffDelay(2, () => 0.5));
    expect(snap().orgs[0]).toMatchObject({ status: 'ready' });
    expect(snap().orgs[0]?.error).toBeUndefined();
    expect(snap().desktops).toHaveLength(19);
    expect(w.service.failedRefreshesInARow).toBe(0);
    expect(w.service.nextRefreshAt).toBe(w.clock.now() + POLL_FAST_MS);
  });

  it('treats a 503 the same way', async () => {
    w.emu.faults.set('workspaces', { error503Rate: 1 });
    await w.advance(POLL_FAST_MS);
    expect(snap().orgs[0]?.error?.code).toBe('desktops.serverError');
    expect(snap().desktops).toHaveLength(19);
    w.emu.faults.clear();
    await w.advance(backoffDelay(1, () => 0.5));
    expect(snap().orgs[0]?.status).toBe('ready');
  });

  it('raises the offline flag when AWS can’t be reached and clears it by itself', async () => {
    w.emu.faults.set('workspaces', { dropConnectionRate: 1 });
    await w.advance(POLL_FAST_MS);
    expect(snap().offline).toBe(true);
    expect(snap().orgs[0]?.error?.code).toBe('desktops.offline');
    expect(snap().desktops).toHaveLength(19);
    w.emu.faults.clear();
    await w.advance(backoffDelay(1, () => 0.5));
    expect(snap().offline).toBe(false);
    expect(w.pushes.at(-1)?.offline).toBe(false);
  });
});

describe('a refresh that fails half-way through the pages', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ bulkCount: 200 });
    await w.sessions.signIn(w.sessions.org(), 'bulk', 'bulk-demo-pass');
    await w.service.idle();
    w.service.setVisible(true);
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });

  it('keeps every desktop it had while pages and status batches are throttled at random, then completes', async () => {
    expect(w.service.snapshot().desktops).toHaveLength(200);
    w.emu.faults.set('workspaces', { throttleRate: 0.3 });
    let failures = 0;
    for (let i = 0; i < 12; i += 1) {
      await w.advance((w.service.nextRefreshAt ?? w.clock.now()) - w.clock.now());
      if (w.service.snapshot().orgs[0]?.status === 'error') failures += 1;
      expect(w.pushes.at(-1)?.desktops).toHaveLength(200);
    }
    expect(failures).toBeGreaterThan(0);
    w.emu.faults.clear();
    await w.advance((w.service.nextRefreshAt ?? w.clock.now()) - w.clock.now());
    expect(w.service.snapshot().orgs[0]?.status).toBe('ready');
    expect(w.service.snapshot().desktops).toHaveLength(200);
  });
});

describe('a failed DescribeWorkspacesConnectionStatus batch', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
    w.service.setVisible(true);
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });
  const snap = () => w.service.snapshot();
  const next = () => w.advance((w.service.nextRefreshAt ?? w.clock.now()) - w.clock.now());

  it('applies the desktops anyway, marks their connection unknown, and neither fails the org nor backs off', async () => {
    const linux = byName(snap(), 'Linux-VNC');
    w.emu.state.setConnectionState(linux.workspaceId, 'CONNECTED');
    await next();
    expect(byName(snap(), 'Linux-VNC').connectionState).toBe('CONNECTED');
    // Meanwhile a desktop is terminated and another one is gone from AWS's list.
    w.emu.state.setWorkspaceState(byName(snap(), 'Design-PC').workspaceId, 'TERMINATED');
    w.emu.state.removeWorkspace(byName(snap(), 'Terminated-PC').workspaceId);
    w.emu.faults.set('workspaces', { error500Rate: 1 }, 'DescribeWorkspacesConnectionStatus');
    const failedBefore = w.calls.filter((c) => c.operation === 'DescribeWorkspacesConnectionStatus' && c.status === 500).length;
    await next();
    expect(w.calls.filter((c) => c.operation === 'DescribeWorkspacesConnectionStatus' && c.status === 500).length).toBe(failedBefore + 1);
    expect(snap().orgs[0]).toMatchObject({ status: 'ready' });
    expect(snap().orgs[0]?.error).toBeUndefined();
    expect(byName(snap(), 'Design-PC').state).toBe('TERMINATED');
    expect(snap().desktops.find((d) => d.name === 'Terminated-PC')).toBeUndefined();
    expect(snap().desktops).toHaveLength(18);
    expect(new Set(snap().desktops.map((d) => d.connectionState))).toEqual(new Set(['UNKNOWN']));
    expect(w.service.failedRefreshesInARow).toBe(0);
    expect(w.service.nextRefreshAt).toBe(w.clock.now() + POLL_FAST_MS);
  });

  it('keeps working for good when the role may never read connection status', async () => {
    for (let i = 0; i < 3; i += 1) {
      await next();
      expect(snap().orgs[0]?.status).toBe('ready');
      expect(w.service.failedRefreshesInARow).toBe(0);
    }
    w.emu.faults.clear();
    await next();
    expect(byName(snap(), 'Linux-VNC').connectionState).toBe('CONNECTED');
  });
});
