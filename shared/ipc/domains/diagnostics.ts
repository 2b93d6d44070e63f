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
  /** Probes every endpoint the organizations need (issue 13); nothing is sent anywhere else. */
  networkCheck(): Promise<Result<NetworkCheckReport>>;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the viewer refreshes on demand; no pushes.
export interface DiagnosticsEvents {}

export const diagnosticsMethods = ['logs', 'setLevel', 'exportLogs', 'networkCheck'] as const;
export const diagnosticsEvents = [] as const;

/** What one endpoint is for (the table's first column). */
export type NetworkTargetKind = 'idp' | 'identity-center-portal' | 'identity-center-oidc' | 'sts' | 'workspaces-api' | 'streaming-gateway';
export const NETWORK_TARGET_KINDS = [
  'idp',
  'identity-center-portal',
  'identity-center-oidc',
  'sts',
  'workspaces-api',
  'streaming-gateway',
] as const satisfies readonly NetworkTargetKind[];

/** One step of a probe: `skipped` when it does not apply (plain http, through a proxy, an earlier step failed). */
export type ProbeStepStatus = 'ok' | 'failed' | 'timed-out' | 'skipped';

export interface ProbeStep {
  readonly status: ProbeStepStatus;
  readonly ms?: number;
  /** Technical text (addresses, issuer, the error's code and message), shown untranslated. */
  readonly detail?: string;
}

export interface NetworkProbeResult {
  readonly orgName: string;
  readonly kind: NetworkTargetKind;
  /** `host:port` probed, and the URL for HTTP endpoints. */
  readonly target: string;
  readonly url?: string;
  /** The proxy for this endpoint in PAC form: `DIRECT`, `PROXY host:port`. */
  readonly proxy: string;
  readonly dns: ProbeStep;
  readonly tcp: ProbeStep;
  readonly tls: ProbeStep;
  readonly http: ProbeStep;
  readonly ok: boolean;
}

export interface NetworkCheckReport {
  readonly startedAt: number;
  readonly durationMs: number;
  readonly results: readonly NetworkProbeResult[];
  /** The "Copy for IT" plain-text report (technical, English, like the log export). */
  readonly text: string;
}
