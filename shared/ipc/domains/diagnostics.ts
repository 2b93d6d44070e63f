import type { Result } from '../result';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const satisfies readonly LogLevel[];

/** One line of the in-memory log, already redacted (docs/architecture.md, privacy: logs never touch the disk). */
export interface LogEntry {
  readonly time: number;
  readonly level: LogLevel;
  readonly scope: string;
  readonly message: string;
}

export interface LogSnapshot {
  readonly level: LogLevel;
  readonly capacity: number;
  readonly entries: readonly LogEntry[];
}

/** The log as text for the user to save or send to their IT; the renderer offers it as a download. */
export interface LogExport {
  readonly fileName: string;
  readonly text: string;
}

export interface DiagnosticsApi {
  logs(): Promise<Result<LogSnapshot>>;
  setLevel(level: LogLevel): Promise<Result<LogLevel>>;
  exportLogs(): Promise<Result<LogExport>>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the viewer refreshes on demand; no pushes.
export interface DiagnosticsEvents {}

export const diagnosticsMethods = ['logs', 'setLevel', 'exportLogs'] as const;
export const diagnosticsEvents = [] as const;
