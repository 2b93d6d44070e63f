import type { AppNoticeCode, ErrorParams } from '../errors';
import type { Result } from '../result';

export type HostKind = 'electron' | 'web';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly platform: string;
  /** The runtimes under Deskbridge (Settings › About): whichever the host knows. */
  readonly versions?: RuntimeVersions;
}

export interface RuntimeVersions {
  readonly electron?: string;
  readonly chromium?: string;
  readonly node?: string;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

/** Something the user should read: a recovered settings file, a refused link, a policy problem. */
export interface Notice {
  readonly id: string;
  readonly level: NoticeLevel;
  /** What the renderer words, with `params`; `message` is core's English, for logs. */
  readonly code: AppNoticeCode;
  readonly params?: ErrorParams;
  readonly message: string;
  readonly details?: string;
}

export interface AppApi {
  info(): Promise<Result<AppInfo>>;
  notices(): Promise<Result<readonly Notice[]>>;
  dismissNotice(id: string): Promise<Result<readonly Notice[]>>;
}

export interface AppEvents {
  'app:notices': readonly Notice[];
}

export const appMethods = ['info', 'notices', 'dismissNotice'] as const;
export const appEvents = ['app:notices'] as const;
