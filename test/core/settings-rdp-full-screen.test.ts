/** The rdpFullScreen preference reaches the RDP connection file, read at each launch. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import type { OrgService } from '@core/orgs/org-service';
import { createSessions, type RemoteSessionService } from '@core/sessions';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { desktop, FakeHandoff, FakeLauncher, ORG } from './sessions/fakes';

let sessions: RemoteSessionService | null = null;
let dir: string | null = null;
afterEach(async () => {
  await sessions?.dispose();
  sessions = null;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function rdpFileWith(preferences: { rdpFullScreen: boolean }): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'deskbridge-rdp-pref-'));
  const launcher = new FakeLauncher();
  launcher.installed.add('xfreerdp');
  const current = desktop({ connectTag: 'rdp://10.0.0.5:3389' });
  const orgs = { find: (id: string) => (id === ORG.id ? ORG : undefined), onRemove: () => () => undefined } as unknown as OrgService;
  sessions = createSessions(
    {
      events: new EventBus(),
      logger: new Logger(),
      secrets: new MemorySecretStore(),
      browser: { open: async () => undefined },
      orgs,
      preferences: () => preferences,
    },
    { launcher, handoff: new FakeHandoff(), findDesktop: (key) => (key === current.key ? current : undefined), platform: 'linux', tempDir: dir },
  );
  const connected = await sessions.connect(current.key);
  expect(connected.ok).toBe(true);
  const file = launcher.launches[0]!.args.find((arg) => arg.endsWith('.rdp'))!;
  // .rdp files are UTF-16 with a byte-order mark, as Windows' client writes them.
  return (await readFile(file, 'utf16le')).replace(/^\uFEFF/, '');
}

describe('the RDP full-screen preference', () => {
  it('opens RDP desktops full screen when it is on', async () => {
    expect(await rdpFileWith({ rdpFullScreen: true })).toContain('screen mode id:i:2');
  });

  it('opens them in a window when it is off', async () => {
    expect(await rdpFileWith({ rdpFullScreen: false })).toContain('screen mode id:i:1');
  });
});
