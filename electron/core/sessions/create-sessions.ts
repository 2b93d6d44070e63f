import type { Desktop } from '../../../shared/models/desktop';
import type { AuthSessions } from '../auth/auth-session';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { OrgService } from '../orgs/org-service';
import { systemClock, type Browser, type Clock, type SecretStore } from '../ports';
import { NodeProcessLauncher } from './node-process-launcher';
import { NodeUrlHandoff } from './node-url-handoff';
import type { ProcessLauncher, SessionWindows, UrlHandoff } from './ports';
import { SessionService } from './session-service';
import { TempFiles } from './temp-files';

/** What a host may supply for sessions; everything has a Node default. */
export interface SessionPorts {
  readonly launcher?: ProcessLauncher;
  readonly handoff?: UrlHandoff;
  /** Electron's session windows; without them the page opens the viewer itself. */
  readonly windows?: SessionWindows;
  /** Where the private folder of connection files goes (default: the OS temp folder). */
  readonly tempDir?: string;
  /** Finds a desktop as the list shows it (tests; otherwise the desktops service). */
  readonly findDesktop?: (orgId: string, workspaceId: string) => Desktop | undefined;
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
  readonly findDesktop?: (orgId: string, workspaceId: string) => Desktop | undefined;
  /** Sign-out closes that organization's sessions. */
  readonly auth?: Pick<AuthSessions, 'session' | 'onChange'>;
  /** The desktop list's "ready to launch" (Connect, after starting a stopped desktop if needed). */
  readonly onReady?: (listener: (desktop: Desktop) => void) => () => void;
}

/** SessionService with the host's ports (or Node's), tied to the organizations' lifecycle. */
export function createSessions(base: SessionsBase, ports: SessionPorts = {}): SessionService {
  const clock = base.clock ?? systemClock;
  const findDesktop = ports.findDesktop ?? base.findDesktop ?? (() => undefined);
  const service = new SessionService({
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
  });
  base.orgs.onRemove((org) => service.forgetOrg(org.id));
  base.auth?.onChange((orgId) => {
    if (base.auth?.session(orgId) === null) void service.closeOrg(orgId);
  });
  base.onReady?.((desktop) => {
    const org = base.orgs.find(desktop.orgId);
    if (org) void service.launchFromList(desktop, org);
  });
  return service;
}
