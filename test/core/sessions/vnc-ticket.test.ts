import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { RemoteSessionService, VNC_SECRET_SERVICE, vncPasswordAccount } from '@core/sessions/remote-session-service';
import { TempFiles } from '@core/sessions/temp-files';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { desktop, FakeHandoff, FakeLauncher, ORG } from './fakes';

/** The keychain, counting reads (a read is a D-Bus round trip to the secret service in the app). */
class CountingSecrets extends MemorySecretStore {
  reads = 0;
  override get(service: string, account: string): Promise<string | null> {
    this.reads += 1;
    return super.get(service, account);
  }
}

describe('the VNC ticket on the remembered-password path', () => {
  let dir: string;
  let service: RemoteSessionService;
  let secrets: CountingSecrets;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskbridge-vnc-ticket-'));
    secrets = new CountingSecrets();
    const current = desktop({ connectTag: 'vnc://127.0.0.1:5901' });
    service = new RemoteSessionService({
      events: new EventBus(),
      secrets,
      browser: { open: async () => undefined },
      launcher: new FakeLauncher(),
      handoff: new FakeHandoff(),
      windows: { open: () => undefined, close: () => undefined },
      platform: 'linux',
      log: new Logger().scoped('sessions'),
      now: () => 1_000_000,
      files: new TempFiles(dir),
      findOrg: (id) => (id === ORG.id ? ORG : undefined),
      findDesktop: (key) => (current.key === key ? current : undefined),
    });
  });
  afterEach(async () => {
    await service.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the keychain as the session starts, so the viewer’s ticket does not wait for it', async () => {
    await secrets.set(VNC_SECRET_SERVICE, vncPasswordAccount('org-1/ws-abc12345', { host: '127.0.0.1', port: 5901 }), 'tiger-42');
    const result = await service.connect('org-1/ws-abc12345');
    if (!result.ok || result.value.kind !== 'session') throw new Error('no session');
    // The window opens and noVNC loads meanwhile: the read is already under way before any ticket.
    expect(secrets.reads).toBe(1);
    const ticket = await service.vncTicket(result.value.session.id, 'app://deskbridge');
    expect(ticket).toMatchObject({ ok: true, value: { password: 'tiger-42' } });
    expect(secrets.reads).toBe(1);
    // A reconnect's ticket reads again: the password may have been forgotten meanwhile.
    await secrets.delete(VNC_SECRET_SERVICE, vncPasswordAccount('org-1/ws-abc12345', { host: '127.0.0.1', port: 5901 }));
    const again = await service.vncTicket(result.value.session.id, 'app://deskbridge');
    expect(again.ok && 'password' in again.value).toBe(false);
    expect(secrets.reads).toBe(2);
  });

  it('asks the keychain at once for a reconnect’s ticket, alongside the bridge, not after the bridge is ready', async () => {
    const result = await service.connect('org-1/ws-abc12345');
    if (!result.ok || result.value.kind !== 'session') throw new Error('no session');
    expect(await service.vncTicket(result.value.session.id, 'app://deskbridge')).toMatchObject({ ok: true });
    // The user typed the password and had it remembered; the viewer reconnects.
    await secrets.set(VNC_SECRET_SERVICE, vncPasswordAccount('org-1/ws-abc12345', { host: '127.0.0.1', port: 5901 }), 'tiger-42');
    const ticket = service.vncTicket(result.value.session.id, 'app://deskbridge');
    // Before anything has been awaited, the read is already under way.
    expect(secrets.reads).toBe(2);
    expect(await ticket).toMatchObject({ ok: true, value: { password: 'tiger-42', url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/vnc\//) } });
    expect(secrets.reads).toBe(2);
  });
});
