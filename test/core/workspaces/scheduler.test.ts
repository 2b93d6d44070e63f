import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL_FAST_MS, POLL_STABLE_MS } from '@shared/lib/polling-policy';
import { byName, startWorld, type World } from './support/setup';

describe('the one scheduler (controllable clock)', () => {
  let w: World;
  beforeAll(async () => {
    // "bulk" with 10 desktops: all stable (AVAILABLE, STOPPED).
    w = await startWorld({ bulkCount: 10, durations: { startMs: 12_000 } });
    await w.sessions.signIn(w.sessions.org(), 'bulk', 'bulk-demo-pass');
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });

  it('does nothing while no window is visible', async () => {
    expect(w.clock.due).toEqual([]);
    const before = w.workspaceCalls().length;
    await w.advance(30 * 60_000);
    expect(w.workspaceCalls().length).toBe(before);
  });

  it('refreshes at once when a window becomes visible, then about once a minute while all is stable', async () => {
    const before = w.workspaceCalls('DescribeWorkspaces').length;
    w.service.setVisible(true);
    await w.service.idle();
    expect(w.workspaceCalls('DescribeWorkspaces').length).toBe(before + 1);
    expect(w.clock.due).toEqual([w.clock.now() + POLL_STABLE_MS]);
    await w.advance(POLL_STABLE_MS * 3);
    expect(w.workspaceCalls('DescribeWorkspaces').length).toBe(before + 4);
  });

  it('costs at most 120 calls an hour for 10 stable desktops', async () => {
    const before = w.workspaceCalls().length;
    await w.advance(3_600_000);
    expect(w.workspaceCalls().length - before).toBeLessThanOrEqual(120);
    expect(w.workspaceCalls('DescribeTags').length).toBe(10);
  });

  it('polls every few seconds while a desktop moves or an action is pending, and slows down after', async () => {
    const desktop = byName(w.service.snapshot(), 'Bulk-0000');
    expect(desktop.state).toBe('STOPPED');
    await w.actions.start(desktop.key);
    await w.service.idle();
    expect(w.clock.due).toEqual([w.clock.now() + POLL_FAST_MS]);
    const seen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await w.advance(POLL_FAST_MS);
      seen.push(byName(w.service.snapshot(), 'Bulk-0000').state);
    }
    // Start takes 12 s in the emulator: seen at the first fast poll after that.
    expect(seen).toEqual(['STARTING', 'STARTING', 'AVAILABLE']);
    expect(w.clock.due).toEqual([w.clock.now() + POLL_STABLE_MS]);
  });

  it('pauses when hidden and keeps no timer', async () => {
    w.service.setVisible(false);
    expect(w.clock.due).toEqual([]);
    w.service.setVisible(true);
    await w.service.idle();
    expect(w.clock.due).toHaveLength(1);
  });
});
