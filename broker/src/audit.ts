/** One structured line per action: who, which desktop, which action, the result. Never a token. */
export interface AuditEntry {
  readonly user: string;
  readonly workspaceId: string;
  readonly action: string;
  /** 'ok', or the contract's error code. */
  readonly result: string;
  /** The AWS error name, when AWS refused. */
  readonly awsError?: string;
  readonly requestId: string;
}

export type LogSink = (line: string) => void;

export function auditLine(entry: AuditEntry): string {
  return JSON.stringify({ type: 'deskbridge-broker-audit', at: new Date().toISOString(), ...entry });
}

/** Operational messages (sweep failures and the like), also structured, never with a token. */
export function eventLine(event: string, fields: Readonly<Record<string, string | number | undefined>>): string {
  return JSON.stringify({ type: 'deskbridge-broker', at: new Date().toISOString(), event, ...fields });
}
