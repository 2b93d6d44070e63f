import type { AppInfo } from '@shared/ipc/domains/app';
import type { DiagnosticsApi, LogEntry } from '@shared/ipc/domains/diagnostics';
import { ok } from '@shared/ipc/result';
import type { Logger } from './logger';
import { redact } from './redact';

function stamp(time: number): string {
  return new Date(time).toISOString();
}

export function formatLogLine(entry: LogEntry): string {
  return `${stamp(entry.time)} ${entry.level.toUpperCase().padEnd(5)} [${entry.scope}] ${entry.message}`;
}

/** Plain text, redacted once more on the way out so an export never carries a secret. */
export function formatLogExport(entries: readonly LogEntry[], info: AppInfo, now: number): string {
  const header = [`Deskbridge ${info.version} (${info.host}, ${info.platform})`, `Exported ${stamp(now)}, ${entries.length} entries`, ''];
  return redact([...header, ...entries.map(formatLogLine)].join('\n')) + '\n';
}

export function exportFileName(now: number): string {
  return `deskbridge-log-${stamp(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.txt`;
}

/** The log's half of the diagnostics domain (the network check is api.ts's, on its own service). */
export function createDiagnosticsApi(logger: Logger, info: AppInfo, now: () => number = Date.now): Omit<DiagnosticsApi, 'networkCheck'> {
  return {
    logs: async () => ok({ level: logger.level, capacity: logger.capacity, entries: logger.list() }),
    setLevel: async (level) => {
      logger.level = level;
      logger.log('info', 'diagnostics', `Log level set to ${level}`);
      return ok(level);
    },
    exportLogs: async () => {
      const time = now();
      return ok({ fileName: exportFileName(time), text: formatLogExport(logger.list(), info, time) });
    },
  };
}
