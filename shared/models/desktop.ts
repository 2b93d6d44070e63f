/** A WorkSpace as Deskbridge shows it: plain, readonly, serialisable across IPC. */

export const DESKTOP_STATES = [
  'PENDING',
  'AVAILABLE',
  'IMPAIRED',
  'UNHEALTHY',
  'REBOOTING',
  'STARTING',
  'REBUILDING',
  'RESTORING',
  'MAINTENANCE',
  'ADMIN_MAINTENANCE',
  'TERMINATING',
  'TERMINATED',
  'SUSPENDED',
  'UPDATING',
  'STOPPING',
  'STOPPED',
  'ERROR',
] as const;

export type DesktopState = (typeof DESKTOP_STATES)[number];

export type RunningMode = 'AUTO_STOP' | 'ALWAYS_ON' | 'MANUAL';
export type ConnectionState = 'CONNECTED' | 'DISCONNECTED' | 'UNKNOWN';

export interface Desktop {
  /** Stable across orgs: `${orgId}/${workspaceId}`. */
  readonly key: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly directoryId: string;
  readonly userName: string;
  /** WorkspaceName → computer name → id. */
  readonly name: string;
  readonly state: DesktopState;
  readonly computerName?: string;
  readonly ipAddress?: string;
  readonly bundleId?: string;
  readonly os?: string;
  readonly protocols: readonly string[];
  readonly computeType?: string;
  readonly runningMode?: RunningMode;
  readonly autoStopTimeoutMinutes?: number;
  readonly rootVolumeGib?: number;
  readonly userVolumeGib?: number;
  /** Modifications in progress, e.g. "COMPUTE_TYPE" UPDATE_IN_PROGRESS. */
  readonly modifications: readonly { readonly resource: string; readonly state: string }[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly connectionState?: ConnectionState;
  /** Epoch milliseconds. */
  readonly lastConnectedAt?: number;
  readonly connectionCheckedAt?: number;
  /** The `deskbridge:connect` tag, raw (validated when launching). */
  readonly connectTag?: string;
  /** Since when (epoch ms) Deskbridge has seen the desktop in its current state, at the earliest. */
  readonly stateSince?: number;
}

/** What a directory lets its users do themselves (DescribeWorkspaceDirectories SelfservicePermissions). */
export interface SelfServicePermissions {
  readonly restartWorkspace: boolean;
  readonly increaseVolumeSize: boolean;
  readonly changeComputeType: boolean;
  readonly switchRunningMode: boolean;
  readonly rebuildWorkspace: boolean;
}
