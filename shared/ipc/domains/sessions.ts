import type { AppError, Result } from '../result';

/** How a session runs: hand-off to the official client, a native client, or the in-app viewer. */
export type SessionMethod = 'handoff' | 'rdp' | 'dcv' | 'vnc';

/** The program a session is open in ("in Deskbridge", "in Windows App", …). */
export type SessionClient = 'deskbridge' | 'workspaces' | 'windows-app' | 'microsoft-remote-desktop' | 'mstsc' | 'xfreerdp' | 'remmina' | 'dcv-viewer';

/**
 * launching: the client is being started · connecting/connected/reconnecting: as the viewer
 * reports them (native clients are "connected" while their process runs) · handed-off: given to
 * the official client, which Deskbridge cannot follow · failed: see `error`.
 */
export type SessionStatus = 'launching' | 'connecting' | 'connected' | 'reconnecting' | 'handed-off' | 'failed';

export interface SessionInfo {
  readonly id: string;
  /** `${orgId}/${workspaceId}`, as Desktop.key. */
  readonly desktopKey: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly desktopName: string;
  readonly method: SessionMethod;
  readonly client: SessionClient;
  readonly status: SessionStatus;
  /** Epoch ms (core's clock). */
  readonly startedAt: number;
  readonly error?: AppError;
}

export interface SessionsSnapshot {
  readonly sessions: readonly SessionInfo[];
}

export type ConnectOutcome =
  | {
      readonly kind: 'session';
      readonly session: SessionInfo;
      /** Set when the host has no session windows (web host): the page opens this viewer itself. */
      readonly viewerPath?: string;
    }
  | {
      /** No program is registered for workspaces:// links: offer Web Access, saying why. */
      readonly kind: 'no-handler';
      readonly reason: string;
      readonly webAccessUrl: string;
    };

/** One in-app VNC connection: a one-time WebSocket address on 127.0.0.1. */
export interface VncTicket {
  readonly url: string;
  readonly desktopName: string;
  /** Only when the user chose to remember it (kept in the OS keychain). */
  readonly password?: string;
}

/** What the viewer page reports about its connection. */
export type ViewerStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** Close codes of the VNC bridge: noVNC reports every close after connect as clean, these do not. */
export const BRIDGE_CLOSE = {
  /** The user (or Deskbridge) disconnected the session. */
  disconnected: 4000,
  /** The VNC server closed the connection. */
  serverClosed: 4001,
  /** The VNC server could not be reached, or the connection broke. */
  connectionError: 4002,
  /** Deskbridge is shutting down. */
  bridgeStopped: 4003,
} as const;

export interface SessionsApi {
  list(): Promise<Result<SessionsSnapshot>>;
  /** Launches a desktop, named by its key (`${orgId}/${workspaceId}`, as Desktop.key), by its method (tag → organization default → hand-off). */
  connect(desktopKey: string): Promise<Result<ConnectOutcome>>;
  /** Ends a session (closes the viewer or the native client) or clears a failed one. */
  disconnect(id: string): Promise<Result<SessionsSnapshot>>;
  /** Opens WorkSpaces Web Access in the browser (when no official client is installed). */
  openWebAccess(orgId: string): Promise<Result<null>>;
  /**
   * Viewer only: a fresh one-time address for the bridge, bound to the calling page's origin,
   * which the host takes from the calling frame (never from an argument).
   */
  vncTicket(id: string): Promise<Result<VncTicket>>;
  reportStatus(id: string, status: ViewerStatus, error?: AppError): Promise<Result<null>>;
  /** Keeps the VNC password in the OS keychain (the user opted in); never on disk otherwise. */
  rememberPassword(id: string, password: string): Promise<Result<null>>;
  forgetPassword(id: string): Promise<Result<null>>;
}

export interface SessionsEvents {
  'sessions:changed': SessionsSnapshot;
}

export const sessionsMethods = ['list', 'connect', 'disconnect', 'openWebAccess', 'vncTicket', 'reportStatus', 'rememberPassword', 'forgetPassword'] as const;
export const sessionsEvents = ['sessions:changed'] as const;

/**
 * What a session window may call, each for its own session only (the first argument is its id):
 * its preload exposes these and nothing else, and the main process refuses the rest.
 */
export const sessionWindowMethods = [
  'vncTicket',
  'reportStatus',
  'rememberPassword',
  'forgetPassword',
  'disconnect',
] as const satisfies readonly (keyof SessionsApi)[];
export type SessionWindowMethod = (typeof sessionWindowMethods)[number];

/** window.deskbridge in a session window. */
export interface SessionWindowApi {
  readonly sessions: Pick<SessionsApi, SessionWindowMethod>;
}
