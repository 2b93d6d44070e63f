import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionsSnapshot } from '@shared/ipc/domains/sessions';
import type { Desktop } from '@shared/models/desktop';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { RemoteSessionService, VNC_SECRET_SERVICE, type RemoteSessionServiceDeps } from '@core/sessions/remote-session-service';
import { TempFiles } from '@core/sessions/temp-files';
import { MAX_OPEN_PER_DESKTOP, TICKET_TTL_MS } from '@core/sessions/vnc-bridge';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { desktop, FakeHandoff, FakeLauncher, ORG } from './fakes';

describe('RemoteSessionService', () => {
  let dir: string;
  let launcher: FakeLauncher;
  let handoff: FakeHandoff;
  let secrets: MemorySecretStore;
  let events: EventBus;
  let browserOpened: string[];
  let current: Desktop;
  let service: RemoteSessionService;
  let windows: { opened: string[]; closed: string[]; onClosed: Map<string, () => void> };
  let now: number;
  let pushed: SessionsSnapshot[];

  function make(platform: NodeJS.Platform = 'linux', withWindows = true, extra: Partial<RemoteSessionServiceDeps> = {}): RemoteSessionService {
    return new RemoteSessionService({
      ...extra,
      events,
      secrets,
      browser: { open: async (url) => void browserOpened.push(url) },
      launcher,
      handoff,
      ...(withWindows
        ? {
            windows: {
              open: (id, _title, onClosed) => {
                windows.opened.push(id);
                windows.onClosed.set(id, onClosed);
              },
              close: (id) => void windows.closed.push(id),
            },
          }
        : {}),
      platform,
      log: new Logger().scoped('sessions'),
      now: () => now,
      files: new TempFiles(dir),
      findOrg: (id) => (id === ORG.id ? ORG : undefined),
      findDesktop: (key) => (current.key === key ? current : undefined),
    });
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskbridge-sessions-test-'));
    launcher = new FakeLauncher();
    handoff = new FakeHandoff();
    secrets = new MemorySecretStore();
    events = new EventBus();
    pushed = [];
    events.on('sessions:changed', (s) => pushed.push(s));
    browserOpened = [];
    current = desktop();
    windows = { opened: [], closed: [], onClosed: new Map() };
    now = 1_000_000;
    service = make();
  });
  afterEach(async () => {
    await service.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function files(): Promise<string[]> {
    const out: string[] = [];
    for (const sub of await readdir(dir)) for (const f of await readdir(join(dir, sub))) out.push(join(dir, sub, f));
    return out;
  }

  it('hands a desktop without a tag to the official client with a workspaces:// link', async () => {
    current = desktop({ userName: 'jdoe@example.com' });
    const result = await service.connect('org-1/ws-abc12345');
    expect(result).toMatchObject({ ok: true, value: { kind: 'session', session: { method: 'handoff', client: 'workspaces', status: 'handed-off' } } });
    expect(handoff.opened).toEqual(['workspaces://jdoe%40example.com@WSpdx+ABC12D']);
  });

  it('offers Web Access, saying why, when no handler is registered', async () => {
    handoff.handler = null;
    const result = await service.connect('org-1/ws-abc12345');
    expect(result).toMatchObject({ ok: true, value: { kind: 'no-handler', webAccessUrl: 'https://clients.amazonworkspaces.com/' } });
    if (result.ok && result.value.kind === 'no-handler') expect(result.value.reason).toMatch(/not installed/);
    expect(handoff.opened).toEqual([]);
    await service.openWebAccess('org-1');
    expect(browserOpened).toEqual(['https://clients.amazonworkspaces.com/']);
  });

  it('treats a failed open as "no handler" where the platform cannot tell in advance', async () => {
    handoff.handler = undefined;
    handoff.failOpen = true;
    expect(await service.connect('org-1/ws-abc12345')).toMatchObject({ ok: true, value: { kind: 'no-handler' } });
  });

  it('never runs a malformed tag, and says which setting is wrong', async () => {
    current = desktop({ connectTag: 'rdp://10.0.0.5:3389;calc.exe' });
    launcher.installed.add('xfreerdp');
    const result = await service.connect('org-1/ws-abc12345');
    expect(result).toMatchObject({ ok: false, error: { code: 'connect-setting-invalid' } });
    if (!result.ok) expect(result.error.details).toContain('deskbridge:connect');
    expect(launcher.launches).toEqual([]);
    expect(handoff.opened).toEqual([]);
  });

  it('explains a connection file that cannot be written, on the desktop too, and recovers when it can', async () => {
    await rm(dir, { recursive: true, force: true });
    await writeFile(dir, 'not a folder');
    current = desktop({ connectTag: 'rdp://10.0.0.5:3390' });
    launcher.installed.add('xfreerdp');
    expect(await service.connect(current.key)).toMatchObject({
      ok: false,
      error: { code: 'connection-file-failed', details: expect.stringContaining('ENOTDIR') },
    });
    expect(await service.launchFromList(current, ORG)).toMatchObject({ code: 'connection-file-failed' });
    expect(service.snapshot().sessions).toEqual([]);
    expect(launcher.launches).toHaveLength(0);
    await rm(dir, { force: true });
    await mkdir(dir);
    expect(await service.connect(current.key)).toMatchObject({ ok: true });
    expect(launcher.launches).toHaveLength(1);
  });

  it('explains a client that cannot even be started, removes its file, and never leaves the list’s Connect unanswered', async () => {
    current = desktop({ connectTag: 'rdp://10.0.0.5:3390' });
    launcher.installed.add('xfreerdp');
    launcher.spawn = () => {
      throw Object.assign(new Error('spawn EINVAL'), { code: 'EINVAL' });
    };
    expect(await service.connect(current.key)).toMatchObject({ ok: false, error: { code: 'rdp-client-failed', details: expect.stringContaining('EINVAL') } });
    await expect(service.launchFromList(current, ORG)).resolves.toMatchObject({ code: 'rdp-client-failed' });
    expect(service.snapshot().sessions).toEqual([]);
    expect(await files()).toEqual([]);
  });

  it('opens RDP with xfreerdp and a 0600 .rdp file that holds no password, removed when the client exits', async () => {
    current = desktop({ connectTag: 'rdp://10.0.0.5:3390' });
    launcher.installed.add('xfreerdp');
    const result = await service.connect('org-1/ws-abc12345');
    expect(result).toMatchObject({ ok: true, value: { session: { method: 'rdp', client: 'xfreerdp', status: 'connected' } } });
    const [launch] = launcher.launches;
    expect(launch?.command).toBe('/usr/bin/xfreerdp');
    const [file] = await files();
    expect(launch?.args).toEqual([file, '/cert-tofu']);
    const text = (await readFile(file!)).toString('utf16le');
    expect(text).toContain('full address:s:10.0.0.5:3390\r\nusername:s:jdoe');
    expect(text).not.toMatch(/password/i);
    expect(launch?.args.join(' ')).not.toMatch(/\/p:|password/i);
    now += 60_000;
    launch?.exit({ code: 0, signal: null });
    await expect.poll(files).toEqual([]);
    await expect.poll(() => service.snapshot().sessions).toEqual([]);
  });

  it('reports a native client that closes right away as a failed session', async () => {
    current = desktop({ connectTag: 'rdp://10.0.0.5' });
    launcher.installed.add('xfreerdp');
    await service.connect('org-1/ws-abc12345');
    launcher.launches[0]?.exit({ code: 131, signal: null });
    await expect.poll(() => service.snapshot().sessions[0]?.status).toBe('failed');
    expect(service.snapshot().sessions[0]?.error).toMatchObject({ code: 'rdp-client-failed', details: 'Exit code 131' });
    await expect.poll(files).toEqual([]);
  });

  it('names the missing client with an install hint and leaves no file behind', async () => {
    current = desktop({ connectTag: 'dcv://10.0.0.5:8443/#console' });
    const result = await service.connect('org-1/ws-abc12345');
    expect(result).toMatchObject({ ok: false, error: { code: 'dcv-client-missing' } });
    if (!result.ok) expect(result.error.details).toMatch(/DCV Viewer/);
    expect(await files()).toEqual([]);
  });

  it('opens DCV with dcvviewer and a .dcv file', async () => {
    current = desktop({ connectTag: 'dcv://10.0.0.5:8443/#console' });
    launcher.installed.add('dcvviewer');
    await service.connect('org-1/ws-abc12345');
    const [file] = await files();
    expect(await readFile(file!, 'utf8')).toContain('host=10.0.0.5\nport=8443\nsessionid=console\nuser=jdoe\n');
    expect(launcher.launches[0]?.args).toEqual([file]);
  });

  it('uses Windows App on macOS through open -W', async () => {
    service = make('darwin');
    current = desktop({ connectTag: 'rdp://10.0.0.5' });
    launcher.installed.add('/Applications/Windows App.app');
    const result = await service.connect('org-1/ws-abc12345');
    expect(result).toMatchObject({ ok: true, value: { session: { client: 'windows-app' } } });
    expect(launcher.launches[0]?.command).toBe('/usr/bin/open');
    expect(launcher.launches[0]?.args.slice(0, 4)).toEqual(['-W', '-n', '-a', 'Windows App']);
  });

  it('refuses direct protocols while the desktop is not running', async () => {
    current = desktop({ connectTag: 'vnc://127.0.0.1:5901', state: 'STOPPED' });
    expect(await service.connect('org-1/ws-abc12345')).toMatchObject({ ok: false, error: { code: 'desktop-not-ready' } });
  });

  it('opens a VNC session window, issues one-time bridge tickets and follows what the viewer reports', async () => {
    current = desktop({ connectTag: 'vnc://127.0.0.1:5901' });
    const result = await service.connect('org-1/ws-abc12345');
    if (!result.ok || result.value.kind !== 'session') throw new Error('no session');
    const id = result.value.session.id;
    expect(windows.opened).toEqual([id]);
    expect(result.value.viewerPath).toBeUndefined();
    const ticket = await service.vncTicket(id, 'app://deskbridge');
    expect(ticket).toMatchObject({ ok: true, value: { desktopName: 'Dev desktop' } });
    if (ticket.ok) expect(ticket.value.password).toBeUndefined();
    expect(await service.vncTicket(id, 'https://evil.example')).toMatchObject({ ok: false, error: { code: 'viewer-origin-refused' } });
    service.reportStatus(id, 'connected');
    expect(pushed.at(-1)?.sessions[0]).toMatchObject({ status: 'connected', client: 'deskbridge' });
    // Connecting again focuses the same window.
    const again = await service.connect('org-1/ws-abc12345');
    expect(again.ok && again.value.kind === 'session' && again.value.session.id).toBe(id);
    expect(windows.opened).toEqual([id, id]);
    windows.onClosed.get(id)?.();
    expect(service.snapshot().sessions).toEqual([]);
  });

  it('lets the web host open the viewer itself', async () => {
    service = make('linux', false);
    current = desktop({ connectTag: 'vnc://127.0.0.1:5901' });
    const result = await service.connect('org-1/ws-abc12345');
    expect(result.ok && result.value.kind === 'session' && result.value.viewerPath).toMatch(/^session\.html#session=[0-9a-f-]{36}&lang=system&theme=system$/);
  });

  async function vncSession(tag: string): Promise<string> {
    current = desktop({ connectTag: tag });
    const result = await service.connect('org-1/ws-abc12345');
    if (!result.ok || result.value.kind !== 'session') throw new Error('no session');
    return result.value.session.id;
  }

  it('remembers a VNC password only when asked, in the keychain, and forgets it with the organization', async () => {
    const id = await vncSession('vnc://127.0.0.1:5901');
    expect(await secrets.accounts(VNC_SECRET_SERVICE)).toEqual([]);
    await service.rememberPassword(id, 's3cret');
    expect(await secrets.accounts(VNC_SECRET_SERVICE)).toEqual(['org-1/ws-abc12345@127.0.0.1:5901']);
    expect(await service.vncTicket(id, 'app://deskbridge')).toMatchObject({ ok: true, value: { password: 's3cret' } });
    await service.forgetOrg('org-1');
    expect(await secrets.accounts(VNC_SECRET_SERVICE)).toEqual([]);
    expect(service.snapshot().sessions).toEqual([]);
    expect(windows.closed).toEqual([id]);
  });

  it('keys a remembered VNC password by desktop and server: a changed tag never sends it to another host', async () => {
    const first = await vncSession('vnc://10.0.0.5:5901');
    await service.rememberPassword(first, 's3cret');
    service.disconnect(first);
    // IT changes the desktop's deskbridge:connect tag to another server (or port).
    for (const tag of ['vnc://203.0.113.9:5901', 'vnc://10.0.0.5:5902']) {
      const moved = await vncSession(tag);
      const ticket = await service.vncTicket(moved, 'app://deskbridge');
      expect(ticket.ok).toBe(true);
      if (ticket.ok) expect(ticket.value.password).toBeUndefined();
      service.disconnect(moved);
    }
    const back = await vncSession('vnc://10.0.0.5:5901');
    expect(await service.vncTicket(back, 'app://deskbridge')).toMatchObject({ ok: true, value: { password: 's3cret' } });
  });

  it('ignores a password remembered under the desktop alone (older versions) and forgets it too', async () => {
    await secrets.set(VNC_SECRET_SERVICE, 'org-1/ws-abc12345', 'legacy');
    const id = await vncSession('vnc://10.0.0.5:5901');
    const ticket = await service.vncTicket(id, 'app://deskbridge');
    if (ticket.ok) expect(ticket.value.password).toBeUndefined();
    expect(ticket.ok).toBe(true);
    await secrets.set(VNC_SECRET_SERVICE, 'org-2/ws-other@10.0.0.9:5900', 'other org');
    await service.forgetPasswords('org-1');
    expect(await secrets.accounts(VNC_SECRET_SERVICE)).toEqual(['org-2/ws-other@10.0.0.9:5900']);
  });

  it('binds tickets to the product’s own page only: no origin, loopback or foreign origins are refused', async () => {
    const id = await vncSession('vnc://127.0.0.1:5901');
    for (const origin of [undefined, 'http://127.0.0.1:4000', 'http://localhost:5173', 'https://evil.example', 'app://deskbridge.evil']) {
      expect([origin, await service.vncTicket(id, origin)]).toMatchObject([origin, { ok: false, error: { code: 'viewer-origin-refused' } }]);
    }
    expect(await service.vncTicket(id, 'app://deskbridge')).toMatchObject({ ok: true });
  });

  it('accepts a further viewer origin only when the host says so (the web host)', async () => {
    await service.dispose();
    service = make('linux', true, { viewerOrigin: (origin) => origin === 'http://127.0.0.1:4000' });
    const id = await vncSession('vnc://127.0.0.1:5901');
    expect(await service.vncTicket(id, 'http://127.0.0.1:4000')).toMatchObject({ ok: true });
    expect(await service.vncTicket(id, 'http://127.0.0.1:4001')).toMatchObject({ ok: false, error: { code: 'viewer-origin-refused' } });
  });

  it('refuses more open tickets for a desktop than the limit, with a clear error', async () => {
    const id = await vncSession('vnc://127.0.0.1:9');
    for (let i = 0; i < MAX_OPEN_PER_DESKTOP; i++) expect(await service.vncTicket(id, 'app://deskbridge')).toMatchObject({ ok: true });
    expect(await service.vncTicket(id, 'app://deskbridge')).toMatchObject({
      ok: false,
      error: { code: 'vnc-ticket-limit', message: expect.stringMatching(/Too many connections to this desktop/) },
    });
    now += TICKET_TTL_MS;
    expect(await service.vncTicket(id, 'app://deskbridge')).toMatchObject({ ok: true });
  });

  it('removes every connection file when it is disposed, without killing native clients', async () => {
    current = desktop({ connectTag: 'rdp://10.0.0.5' });
    launcher.installed.add('xfreerdp');
    await service.connect('org-1/ws-abc12345');
    expect(await files()).toHaveLength(1);
    await service.dispose();
    expect(await readdir(dir)).toEqual([]);
    expect(launcher.launches[0]?.killed).toBe(false);
  });

  it('answers a failed launch from the desktop list with its error, never a pretend session', async () => {
    handoff.handler = null;
    expect(await service.launchFromList(current, ORG)).toMatchObject({ code: 'handoff-no-handler', details: expect.stringContaining('Web Access') });
    current = desktop({ connectTag: 'rdp://10.0.0.5' });
    expect(await service.launchFromList(current, ORG)).toMatchObject({ code: 'rdp-client-missing' });
    expect(service.snapshot().sessions).toEqual([]);
    expect(pushed).toEqual([]);
    launcher.installed.add('xfreerdp');
    expect(await service.launchFromList(current, ORG)).toBeNull();
    expect(service.snapshot().sessions).toMatchObject([{ status: 'connected', method: 'rdp' }]);
  });
});
