/**
 * The desktop list's Connect when the launch step fails: the real DesktopService against the
 * emulator, the sessions service as core wires it, a launcher (port) with no RDP client installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessions, type RemoteSessionService } from '@core/sessions';
import type { OrgService } from '@core/orgs/org-service';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { FakeHandoff, FakeLauncher, ORG } from '../sessions/fakes';
import { byName, startWorld, type World } from './support/setup';

describe('a failed launch from the desktop list', () => {
  let w: World;
  let sessions: RemoteSessionService;
  const launcher = new FakeLauncher();
  beforeAll(async () => {
    // The seeded VNC desktop gets an RDP connect tag instead: Linux-VNC launches with RDP.
    w = await startWorld({ emulator: { vncAddress: 'rdp://10.0.0.5' } });
    const orgs = { find: (id: string) => ({ ...ORG, id }), onRemove: () => () => undefined } as unknown as OrgService;
    sessions = createSessions(
      {
        events: w.events,
        logger: w.log,
        secrets: new MemorySecretStore(),
        browser: { open: async () => undefined },
        orgs,
        clock: w.clock,
        findDesktop: (key) => w.service.find(key),
        onReady: (listener) => w.service.onReady(listener),
        onLaunched: (key, error) => (error === null ? w.service.markLaunched(key) : w.service.reportLaunchFailure(key, error)),
      },
      { launcher, handoff: new FakeHandoff(), platform: 'linux' },
    );
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
  });
  afterAll(async () => {
    await sessions.dispose();
    await w.stop();
  });
  const linux = () => byName(w.service.snapshot(), 'Linux-VNC');

  it('is a problem on its desktop, the connect ends as failed, and no session pretends to exist', async () => {
    const startedAt = w.clock.now();
    expect((await w.actions.connect(linux().key)).ok).toBe(true);
    await expect.poll(() => linux().problem?.code).toBe('rdp-client-missing');
    expect(linux()).toMatchObject({ connect: { phase: 'failed', startedAt }, problem: { action: 'connect', at: w.clock.now() } });
    expect(sessions.snapshot().sessions).toEqual([]);
    expect(w.pushes.at(-1)?.desktops.find((d) => d.key === linux().key)?.connect?.phase).toBe('failed');
  });

  it('connects on the next try once the client is there; the old problem and "opening" go', async () => {
    launcher.installed.add('xfreerdp');
    expect((await w.actions.connect(linux().key)).ok).toBe(true);
    await expect.poll(() => sessions.snapshot().sessions.length).toBe(1);
    expect(sessions.snapshot().sessions[0]).toMatchObject({ desktopKey: linux().key, method: 'rdp', status: 'connected' });
    expect(linux().problem).toBeUndefined();
    expect(linux().connect).toBeUndefined();
  });
});
