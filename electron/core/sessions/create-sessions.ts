import type { AppError } from '@shared/ipc/result';
import type { SessionLook } from '@shared/lib/session-page';
import type { Desktop } from '@shared/models/desktop';
import type { AuthSessions } from '../auth/auth-session';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { OrgService } from '../orgs/org-service';
import { systemClock, type Browser, type Clock, type SecretStore } from '../ports';
import { NodeProcessLauncher } from './node-process-launcher';
import { NodeUrlHandoff } from './node-url-handoff';
import type { ProcessLauncher, SessionWindows, UrlHandoff } from './ports';
import { RemoteSessionService } from './remote-session-service';
import { TempFiles } from './temp-files';

/** What a host may supply for sessions; everything has a Node default. */
export interface SessionPorts {
  readonly launcher?: ProcessLauncher;
  readonly handoff?: UrlHandoff;
  /** Electron's session windows; without them the page opens the viewer itself. */
  readonly windows?: SessionWindows;
  /**
   * Where the private folder of connection files goes. Electron gives its per-run folder, which
   * the next start sweeps after a crash; without one (web host, tests) the OS temp folder.
   */
  readonly tempDir?: string;
  /** Page origins allowed to open the VNC bridge besides app://deskbridge (dev server, web host only). */
  readonly viewerOrigin?: (origin: string) => boolean;
  /** Finds a desktop as the list shows it (tests; otherwise the desktops service). */
  readonly findDesktop?: (desktopKey: string) => Desktop | undefined;
  readonly platform?: NodeJS.Platform;
}

export interface SessionsBase {
  readonly events: EventBus;
  readonly logger: Logger;
  readonly secrets: SecretStore;
  readonly browser: Browser;
  readonly orgs: OrgService;
  readonly clock?: Clock;
  /** The desktops service's lookup, when it exists. */
  readonly findDesktop?: (desktopKey: string) => Desktop | undefined;
  /** Sign-out closes that organization's sessions and forgets its remembered VNC passwords. */
  readonly auth?: Pick<AuthSessions, 'session' | 'onChange'> & { status?(orgId: string): { readonly state: string } | null };
  /** The desktop list's "ready to launch" (Connect, after starting a stopped desktop if needed). */
  readonly onReady?: (listener: (desktop: Desktop) => void) => () => void;
  /** A launch from the desktop list finished: null when the desktop opened, else why it didn't. */
  readonly onLaunched?: (desktopKey: string, error: AppError | null) => void;
  /** The user's connection preferences as they apply now (read at each launch). */
  readonly preferences?: () => { readonly rdpFullScreen: boolean } & Partial<SessionLook>;
}

/** RemoteSessionService with the host's ports (or Node's), tied to the organizations' lifecycle. */
export function createSessions(base: SessionsBase, ports: SessionPorts = {}): RemoteSessionService {
  const clock = base.clock ?? systemClock;
  const findDesktop = ports.findDesktop ?? base.findDesktop ?? (() => undefined);
  const service = new RemoteSessionService({
    events: base.events,
    secrets: base.secrets,
    browser: base.browser,
    launcher: ports.launcher ?? new NodeProcessLauncher(),
    handoff: ports.handoff ?? new NodeUrlHandoff(),
    ...(ports.windows ? { windows: ports.windows } : {}),
    platform: ports.platform ?? process.platform,
    log: base.logger.scoped('sessions'),
    now: () => clock.now(),
    files: new TempFiles(ports.tempDir),
    findOrg: (orgId) => base.orgs.find(orgId),
    findDesktop,
    ...(ports.viewerOrigin ? { viewerOrigin: ports.viewerOrigin } : {}),
    ...(base.preferences ? { preferences: base.preferences } : {}),
  });
  base.orgs.onRemove((org) => service.forgetOrg(org.id));
  if (base.auth) followSignIns(base.auth, service);
  base.onReady?.((desktop) => {
    const org = base.orgs.find(desktop.orgId);
    if (org) void service.launchFromList(desktop, org).then((error) => base.onLaunched?.(desktop.key, error));
  });
  return service;
}

/**
 * A sign-in that ends closes the organization's sessions; a sign-out (not an expiry, which asks to
 * sign in again) after a sign-in of this run also forgets its remembered VNC passwords.
 */
function followSignIns(auth: NonNullable<SessionsBase['auth']>, service: RemoteSessionService): void {
  const signedIn = new Set<string>();
  auth.onChange((orgId) => {
    if (auth.session(orgId) !== null) {
      signedIn.add(orgId);
      return;
    }
    void service.closeOrg(orgId);
    const state = auth.status?.(orgId)?.state ?? 'signed-out';
    if (state === 'signed-out' && signedIn.delete(orgId)) void service.forgetPasswords(orgId);
  });
}
