import type { Desktop, RunningMode, SelfServicePermissions } from '@shared/models/desktop';
import type { SelfServiceAction } from '@shared/lib/self-service';
import type { AppError, Result } from '../result';

/** An action in flight on one desktop: the lock that keeps it from running twice. */
export interface PendingAction {
  readonly action: SelfServiceAction | 'connect';
  /** Epoch ms (core's clock). */
  readonly startedAt: number;
}

/** What went wrong with the last action on a desktop, shown on that desktop. */
export interface DesktopProblem extends AppError {
  readonly action: SelfServiceAction | 'connect';
  readonly at: number;
}

/** Connect on a stopped desktop: started, waiting for AVAILABLE, then ready to launch. */
export interface ConnectProgress {
  readonly phase: 'starting' | 'ready' | 'failed';
  readonly startedAt: number;
  readonly readyAt?: number;
}

export interface DesktopEntry extends Desktop {
  readonly pending?: PendingAction;
  readonly problem?: DesktopProblem;
  readonly connect?: ConnectProgress;
}

export type OrgListStatus = 'loading' | 'partial' | 'ready' | 'error';

/** One signed-in organization's part of the list. */
export interface OrgDesktops {
  readonly orgId: string;
  readonly orgName: string;
  /** The WorkSpaces user name the list was asked for (shown when it is empty). */
  readonly userName: string;
  readonly status: OrgListStatus;
  readonly directoryId?: string;
  readonly permissions?: SelfServicePermissions;
  readonly error?: AppError;
  readonly count: number;
}

export interface DesktopsSnapshot {
  readonly orgs: readonly OrgDesktops[];
  /** Every desktop of every signed-in organization, in a stable order (org, then name). */
  readonly desktops: readonly DesktopEntry[];
  /** The last refresh could not reach AWS; clears itself on the next success. */
  readonly offline: boolean;
  /** Epoch ms of the last complete refresh. */
  readonly refreshedAt?: number;
}

export interface VolumeRequest {
  readonly rootGib?: number;
  readonly userGib?: number;
}

export interface DesktopsApi {
  list(): Promise<Result<DesktopsSnapshot>>;
  /** Refresh now (also resets the back-off). */
  refresh(): Promise<Result<DesktopsSnapshot>>;
  /** The renderer reports document.visibilityState: polling pauses while nothing is visible. */
  setVisible(visible: boolean): Promise<Result<null>>;
  start(key: string): Promise<Result<DesktopsSnapshot>>;
  restart(key: string): Promise<Result<DesktopsSnapshot>>;
  /** `confirmation` is the desktop's name as the user typed it. */
  rebuild(key: string, confirmation: string): Promise<Result<DesktopsSnapshot>>;
  changeComputeType(key: string, computeType: string): Promise<Result<DesktopsSnapshot>>;
  increaseVolume(key: string, request: VolumeRequest): Promise<Result<DesktopsSnapshot>>;
  switchRunningMode(key: string, mode: RunningMode): Promise<Result<DesktopsSnapshot>>;
  /** Launch when AVAILABLE; start a stopped AutoStop/Manual desktop first and follow it until ready. */
  connect(key: string): Promise<Result<DesktopsSnapshot>>;
  dismissProblem(key: string): Promise<Result<DesktopsSnapshot>>;
}

export interface DesktopsEvents {
  'desktops:changed': DesktopsSnapshot;
}

export const desktopsMethods = [
  'list',
  'refresh',
  'setVisible',
  'start',
  'restart',
  'rebuild',
  'changeComputeType',
  'increaseVolume',
  'switchRunningMode',
  'connect',
  'dismissProblem',
] as const;
export const desktopsEvents = ['desktops:changed'] as const;
