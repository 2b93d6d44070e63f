import { randomUUID } from 'node:crypto';
import type { AppError } from '@shared/ipc/result';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { ConnectOutcome, SessionInfo, SessionsSnapshot, ViewerStatus, VncTicket } from '@shared/ipc/domains/sessions';
import { chooseConnectMethod, type ConnectTarget } from '@shared/lib/connect-target';
import { sessionFragment, SYSTEM_LOOK, type SessionLook } from '@shared/lib/session-page';
import type { Desktop } from '@shared/models/desktop';
import type { OrgProfile } from '@shared/models/org';
import type { EventBus } from '../events';
import type { ScopedLogger } from '../log/logger';
import type { Browser, SecretStore } from '../ports';
import { handOff } from './handoff';
import { launchNative } from './native-launch';
import type { LaunchedProcess, ProcessLauncher, SessionWindows, UrlHandoff } from './ports';
import { TempFiles } from './temp-files';
import { BridgeLimitError, VncBridge } from './vnc-bridge';
import { WEB_ACCESS_URL } from '@shared/lib/launch-files';

/**
 * Keychain service of VNC passwords the user chose to remember. The account is the desktop and
 * the server it was typed for (`${orgId}/${workspaceId}@host:port`): a changed connect tag never
 * sends a remembered password to another server.
 */
export const VNC_SECRET_SERVICE = 'Deskbridge VNC';

/** The keychain account of a desktop's VNC password for one server. */
export function vncPasswordAccount(desktopKey: string, target: Pick<ConnectTarget, 'host' | 'port'>): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${desktopKey}@${host.toLowerCase()}:${target.port}`;
}
/** A native client that exits non-zero this soon did not connect. */
const QUICK_EXIT_MS = 5_000;

export interface RemoteSessionServiceDeps {
  readonly events: EventBus;
  readonly secrets: SecretStore;
  readonly browser: Browser;
  readonly launcher: ProcessLauncher;
  readonly handoff: UrlHandoff;
  readonly windows?: SessionWindows;
  readonly platform: NodeJS.Platform;
  readonly log: ScopedLogger;
  readonly now: () => number;
  readonly files?: TempFiles;
  readonly findOrg: (orgId: string) => OrgProfile | undefined;
  /** A desktop as the list shows it, by its key (`${orgId}/${workspaceId}`). */
  readonly findDesktop: (desktopKey: string) => Desktop | undefined;
  readonly preferences?: () => { readonly rdpFullScreen: boolean } & Partial<SessionLook>;
  /**
   * Further page origins allowed to open the viewer bridge besides app://deskbridge: the dev server
   * (unpackaged Electron) or the web host's loopback origin. Never set in a packaged build.
   */
  readonly viewerOrigin?: (origin: string) => boolean;
}

interface LiveSession {
  info: SessionInfo;
  readonly target?: ConnectTarget;
  readonly process?: LaunchedProcess;
  /** VNC: the remembered password, read from the keychain as the session starts; the first ticket takes it. */
  rememberedPassword?: Promise<string | null>;
}

const ACTIVE = new Set(['launching', 'connecting', 'connected', 'reconnecting']);

/** The page allowed to open the bridge in the product: Deskbridge's own app:// page. */
export function isViewerOrigin(origin: string): boolean {
  return origin === 'app://deskbridge';
}

/** Launches desktops (hand-off, RDP, DCV, in-app VNC) and tracks where each session is open. */
export class RemoteSessionService {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly files: TempFiles;
  readonly bridge: VncBridge;

  constructor(private readonly deps: RemoteSessionServiceDeps) {
    this.files = deps.files ?? new TempFiles();
    this.bridge = new VncBridge(
      deps.log,
      {
        upstreamOpen: (id) => deps.log.debug(`Viewer ${id.slice(0, 8)} reached its VNC server`),
        // 1001: the viewer page went away (tab or window closed) — the session is over.
        closed: (id, code) => {
          if (code === 1001) this.end(id);
        },
      },
      deps.now,
    );
  }

  snapshot(): SessionsSnapshot {
    return { sessions: [...this.sessions.values()].map((s) => s.info) };
  }

  private changed(): void {
    this.deps.events.emit('sessions:changed', this.snapshot());
  }

  private update(id: string, patch: Partial<SessionInfo>): void {
    const live = this.sessions.get(id);
    if (!live) return;
    live.info = { ...live.info, ...patch };
    this.changed();
  }

  async connect(desktopKey: string): Promise<Result<ConnectOutcome>> {
    const desktop = this.deps.findDesktop(desktopKey);
    if (!desktop) return fail('desktop-not-found', 'This desktop is not in the list. Refresh the list and try again.', `Desktop ${desktopKey}`);
    const org = this.deps.findOrg(desktop.orgId);
    if (!org) return fail('org-not-found', 'This organization is no longer set up in Deskbridge.');
    return this.launch(desktop, org);
  }

  /** Tag → organization default → hand-off; a malformed setting is reported, never run. */
  async launch(desktop: Desktop, org: OrgProfile): Promise<Result<ConnectOutcome>> {
    const method = chooseConnectMethod({ connectTag: desktop.connectTag, defaultConnect: org.defaultConnect, ipAddress: desktop.ipAddress });
    if (method.kind === 'invalid') {
      const where = method.source === 'tag' ? 'The WorkSpace’s deskbridge:connect tag' : `The organization’s default connection`;
      return fail(
        'connect-setting-invalid',
        `“${desktop.name}” has a connection setting Deskbridge cannot use, so it was not run. Ask your IT department to correct it.`,
        `${where} "${method.value}": ${method.reason}`,
        { desktop: desktop.name },
      );
    }
    if (method.kind === 'handoff') return this.handOff(desktop, org);
    if (desktop.state !== 'AVAILABLE')
      return fail('desktop-not-ready', `“${desktop.name}” is not available (it is ${desktop.state.toLowerCase()}). Connect when it is running.`, undefined, {
        desktop: desktop.name,
        state: desktop.state,
      });
    const existing = [...this.sessions.values()].find((s) => s.info.desktopKey === desktop.key && ACTIVE.has(s.info.status));
    if (existing) {
      if (existing.info.method === 'vnc') this.deps.windows?.open(existing.info.id, desktop.name, () => this.end(existing.info.id), this.look());
      return ok(this.outcome(existing.info));
    }
    const { target } = method;
    if (target.protocol === 'vnc') return ok(this.startVnc(desktop, target));
    return this.startNative(desktop, { ...target, protocol: target.protocol });
  }

  /**
   * The desktop list's Connect, once the desktop is AVAILABLE. A launch that fails is no session:
   * the error comes back for the desktop list to show on that desktop (no handler carries the
   * reason, and Web Access as the next step).
   */
  async launchFromList(desktop: Desktop, org: OrgProfile): Promise<AppError | null> {
    const result = await this.launch(desktop, org);
    if (!result.ok) return result.error;
    if (result.value.kind === 'no-handler')
      return { code: 'handoff-no-handler', message: result.value.reason, details: `${result.value.reason} Web Access: ${result.value.webAccessUrl}` };
    return null;
  }

  private base(desktop: Desktop): Pick<SessionInfo, 'id' | 'desktopKey' | 'orgId' | 'workspaceId' | 'desktopName' | 'startedAt'> {
    return {
      id: randomUUID(),
      desktopKey: desktop.key,
      orgId: desktop.orgId,
      workspaceId: desktop.workspaceId,
      desktopName: desktop.name,
      startedAt: this.deps.now(),
    };
  }

  private add(live: LiveSession): SessionInfo {
    for (const [id, old] of this.sessions) if (old.info.desktopKey === live.info.desktopKey && !ACTIVE.has(old.info.status)) this.sessions.delete(id);
    this.sessions.set(live.info.id, live);
    this.changed();
    return live.info;
  }

  /** The user's language and theme now, for a viewer page. */
  private look(): SessionLook {
    const preferences = this.deps.preferences?.();
    return { language: preferences?.language ?? SYSTEM_LOOK.language, theme: preferences?.theme ?? SYSTEM_LOOK.theme };
  }

  private outcome(info: SessionInfo): ConnectOutcome {
    return info.method === 'vnc' && !this.deps.windows
      ? { kind: 'session', session: info, viewerPath: `session.html#${sessionFragment(info.id, this.look())}` }
      : { kind: 'session', session: info };
  }

  private async handOff(desktop: Desktop, org: OrgProfile): Promise<Result<ConnectOutcome>> {
    const result = await handOff(this.deps.handoff, desktop.userName, org.code, this.deps.log);
    if (!result.ok) return result;
    if (result.value === 'no-handler') {
      return ok({
        kind: 'no-handler',
        reason:
          'The Amazon WorkSpaces client is not installed on this computer (nothing opens workspaces:// links), so Deskbridge cannot hand this desktop over to it.',
        webAccessUrl: WEB_ACCESS_URL,
      });
    }
    const info = this.add({ info: { ...this.base(desktop), method: 'handoff', client: 'workspaces', status: 'handed-off' } });
    return ok(this.outcome(info));
  }

  private startVnc(desktop: Desktop, target: ConnectTarget): ConnectOutcome {
    // The keychain read (a D-Bus round trip to the secret service) starts now, while the viewer
    // window and noVNC load, so the viewer's ticket does not wait for it.
    const info = this.add({
      info: { ...this.base(desktop), method: 'vnc', client: 'deskbridge', status: 'connecting' },
      target,
      rememberedPassword: this.readPassword(desktop.key, target),
    });
    this.deps.windows?.open(info.id, desktop.name, () => this.end(info.id), this.look());
    return this.outcome(info);
  }

  private async startNative(desktop: Desktop, target: ConnectTarget & { protocol: 'rdp' | 'dcv' }): Promise<Result<ConnectOutcome>> {
    const launched = await launchNative({
      target,
      userName: desktop.userName,
      fullScreen: this.deps.preferences?.().rdpFullScreen ?? false,
      platform: this.deps.platform,
      launcher: this.deps.launcher,
      files: this.files,
    });
    if (!launched.ok) return launched;
    const { client, process, file } = launched.value;
    const info = this.add({ info: { ...this.base(desktop), method: target.protocol, client: client.client, status: 'connected' }, target, process });
    this.deps.log.info(`Started ${client.label} for a ${target.protocol.toUpperCase()} session`);
    void process.exited.then(async (exit) => {
      await this.files.remove(file).catch((error: unknown) => this.deps.log.warn('Could not remove a connection file', error));
      const quick = this.deps.now() - info.startedAt < QUICK_EXIT_MS;
      if (exit.error !== undefined || (quick && exit.code !== 0 && this.sessions.has(info.id))) {
        const error: AppError = {
          code: `${target.protocol}-client-failed`,
          message: `${client.label} ${exit.error !== undefined ? 'could not be started' : 'closed right away'}; the desktop was not opened.`,
          params: { client: client.label },
          details: exit.error ?? `Exit code ${String(exit.code)}${exit.signal ? `, signal ${exit.signal}` : ''}`,
        };
        this.update(info.id, { status: 'failed', error });
      } else {
        this.end(info.id);
      }
    });
    return ok(this.outcome(info));
  }

  /**
   * A one-time bridge address for the session's viewer. `origin` is the calling page's origin as
   * the host saw it (the IPC sender frame, the web host's socket), never what a page says.
   */
  async vncTicket(id: string, origin: string | undefined): Promise<Result<VncTicket>> {
    const live = this.sessions.get(id);
    if (!live || live.info.method !== 'vnc' || !live.target) return fail('session-not-found', 'This session has ended. Connect again from the desktop list.');
    if (origin === undefined || !(isViewerOrigin(origin) || this.deps.viewerOrigin?.(origin) === true)) {
      return fail('viewer-origin-refused', 'This page may not open a desktop connection.');
    }
    // The first ticket takes the password read as the session started; a later one (a reconnect)
    // reads it again, alongside the bridge's set-up, in case it was remembered or forgotten since.
    const remembered = live.rememberedPassword ?? this.readPassword(live.info.desktopKey, live.target);
    delete live.rememberedPassword;
    let url: string;
    let password: string | null;
    try {
      [url, password] = await Promise.all([this.bridge.issue(id, live.target, origin, live.info.desktopKey), remembered]);
    } catch (error) {
      if (!(error instanceof BridgeLimitError)) throw error;
      this.deps.log.warn(`Refused a VNC ticket: ${error.message}`);
      return fail(
        'vnc-ticket-limit',
        'Too many connections to this desktop are open or starting. Close a viewer window or wait a minute, then try again.',
        error.message,
      );
    }
    return ok(password ? { url, desktopName: live.info.desktopName, password } : { url, desktopName: live.info.desktopName });
  }

  /** The remembered VNC password of a desktop's server, or null (none, or the keychain unavailable). */
  private readPassword(desktopKey: string, target: ConnectTarget): Promise<string | null> {
    return this.deps.secrets.get(VNC_SECRET_SERVICE, vncPasswordAccount(desktopKey, target)).catch(() => null);
  }

  reportStatus(id: string, status: ViewerStatus, error?: AppError): Result<null> {
    const live = this.sessions.get(id);
    if (!live || live.info.method !== 'vnc') return fail('session-not-found', 'This session has ended.');
    const { error: _old, ...rest } = live.info;
    live.info = status === 'failed' && error ? { ...rest, status, error } : { ...rest, status };
    this.changed();
    return ok(null);
  }

  async rememberPassword(id: string, password: string): Promise<Result<null>> {
    const live = this.sessions.get(id);
    if (!live || live.info.method !== 'vnc' || !live.target) return fail('session-not-found', 'This session has ended.');
    try {
      await this.deps.secrets.set(VNC_SECRET_SERVICE, vncPasswordAccount(live.info.desktopKey, live.target), password);
      delete live.rememberedPassword; // read before it was remembered: the next ticket reads again
      return ok(null);
    } catch (error) {
      this.deps.log.warn('Could not keep a VNC password in the keychain', error);
      return fail('keychain-unavailable', 'The password could not be saved in the system keychain; you will be asked again next time.');
    }
  }

  async forgetPassword(id: string): Promise<Result<null>> {
    const live = this.sessions.get(id);
    if (live) delete live.rememberedPassword;
    if (live?.target) await this.deps.secrets.delete(VNC_SECRET_SERVICE, vncPasswordAccount(live.info.desktopKey, live.target)).catch(() => false);
    return ok(null);
  }

  /** Removal of an organization: its sessions closed, its remembered VNC passwords forgotten. */
  async forgetOrg(orgId: string): Promise<void> {
    await this.closeOrg(orgId);
    await this.forgetPasswords(orgId);
  }

  /**
   * Forgets every remembered VNC password of an organization, for any server (sign-out, removal).
   * Also the entries of older versions, keyed by the desktop alone.
   */
  async forgetPasswords(orgId: string): Promise<void> {
    const accounts = await this.deps.secrets.accounts(VNC_SECRET_SERVICE).catch((error: unknown) => {
      this.deps.log.warn('Could not list remembered VNC passwords in the keychain', error);
      return [] as string[];
    });
    const mine = accounts.filter((a) => a.startsWith(`${orgId}/`));
    await Promise.all(mine.map((a) => this.deps.secrets.delete(VNC_SECRET_SERVICE, a).catch(() => false)));
    if (mine.length > 0) this.deps.log.info(`Forgot ${mine.length} remembered VNC password(s) of an organization`);
  }

  async openWebAccess(orgId: string): Promise<Result<null>> {
    if (!this.deps.findOrg(orgId)) return fail('org-not-found', 'This organization is no longer set up in Deskbridge.');
    await this.deps.browser.open(WEB_ACCESS_URL);
    return ok(null);
  }

  /** Ends a session: closes its viewer or native client (whose file goes when it exits). */
  disconnect(id: string): SessionsSnapshot {
    const live = this.sessions.get(id);
    if (live?.info.method === 'vnc') {
      this.bridge.closeSession(id);
      this.deps.windows?.close(id);
    }
    live?.process?.kill();
    this.end(id);
    return this.snapshot();
  }

  private end(id: string): void {
    if (this.sessions.delete(id)) this.changed();
  }

  /** Sign-out or removal of an organization closes its sessions. */
  async closeOrg(orgId: string): Promise<void> {
    for (const live of [...this.sessions.values()]) if (live.info.orgId === orgId) this.disconnect(live.info.id);
  }

  /** Quitting: viewers and bridges closed, connection files removed; native clients keep running. */
  async dispose(): Promise<void> {
    for (const live of [...this.sessions.values()]) if (live.info.method === 'vnc') this.disconnect(live.info.id);
    await this.bridge.stop();
    await this.files.dispose();
  }
}
