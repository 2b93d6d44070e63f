import type { LogEntry, LogLevel } from '@shared/ipc/domains/diagnostics';
import { redact } from './redact';

export type { LogEntry, LogLevel };

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** An in-memory, redacted ring buffer: logs never touch the disk (docs/architecture.md, the privacy contract). */
export class Logger {
  private entries: LogEntry[] = [];
  level: LogLevel = 'info';

  constructor(
    readonly capacity = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  log(level: LogLevel, scope: string, message: string, error?: unknown): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const suffix = error === undefined ? '' : `: ${describeError(error)}`;
    this.entries.push({ time: this.now(), level, scope, message: redact(`${message}${suffix}`) });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  scoped(scope: string): ScopedLogger {
    return {
      debug: (m, e) => this.log('debug', scope, m, e),
      info: (m, e) => this.log('info', scope, m, e),
      warn: (m, e) => this.log('warn', scope, m, e),
      error: (m, e) => this.log('error', scope, m, e),
    };
  }

  list(): readonly LogEntry[] {
    return [...this.entries];
  }
}

export interface ScopedLogger {
  debug(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

interface SdkMetadata {
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
}

/** Name and message, plus the AWS SDK's HTTP status and request id when present (useful to support). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as SdkMetadata).$metadata;
  const extra = [meta?.httpStatusCode ? `HTTP ${meta.httpStatusCode}` : '', meta?.requestId ? `request ${meta.requestId}` : ''].filter(Boolean);
  return `${error.name}: ${error.message}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}
