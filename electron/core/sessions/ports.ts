import type { SessionLook } from '@shared/lib/session-page';
/** The ports of the sessions capability: native clients, the OS link handler, session windows. */

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** Set when the program could not be started at all (e.g. ENOENT). */
  readonly error?: string;
}

export interface LaunchedProcess {
  readonly pid: number | undefined;
  /** Resolves once, when the process has ended (never rejects). */
  readonly exited: Promise<ProcessExit>;
  kill(): void;
}

/** Starts native clients. Arguments are an array (no shell), and never carry a password. */
export interface ProcessLauncher {
  /** The full path of a program found on PATH (or an absolute path that exists), else null. */
  find(command: string): Promise<string | null>;
  /** True when an absolute path (an app bundle, an install folder) exists. */
  exists(path: string): Promise<boolean>;
  spawn(command: string, args: readonly string[]): LaunchedProcess;
}

/** The OS's handler for a URL scheme: who would open workspaces:// links, and opening one. */
export interface UrlHandoff {
  /** The registered application's name; null when none is registered; undefined when the platform cannot tell. */
  handlerFor(scheme: string): Promise<string | null | undefined>;
  /** Opens an already-vetted hand-off link; rejects when the OS could not. */
  open(url: string): Promise<void>;
}

/** Session windows (Electron). Absent in the web host, where the page opens the viewer itself. */
export interface SessionWindows {
  /**
   * Opens (or focuses) the viewer window of a session; `onClosed` runs when the user closes it.
   * `look`: the user's language and theme, for the page (sessionFragment).
   */
  open(sessionId: string, title: string, onClosed: () => void, look: SessionLook): void;
  close(sessionId: string): void;
}
