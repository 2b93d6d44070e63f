/** The emulator's internal WorkSpaces records (mutable; serialized per the AWS model on the way out). */

export const WORKSPACE_STATES = [
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
export type WorkspaceState = (typeof WORKSPACE_STATES)[number];

export type RunningMode = 'AUTO_STOP' | 'ALWAYS_ON' | 'MANUAL';
export type ConnectionState = 'CONNECTED' | 'DISCONNECTED' | 'UNKNOWN';
export type ModificationResource = 'ROOT_VOLUME' | 'USER_VOLUME' | 'COMPUTE_TYPE';
export type Permission = 'ENABLED' | 'DISABLED';

/** Compute types in ascending size, so "up" and "down" can be told apart. */
export const COMPUTE_ORDER = ['VALUE', 'STANDARD', 'PERFORMANCE', 'POWER', 'POWERPRO', 'GENERALPURPOSE_4XLARGE', 'GENERALPURPOSE_8XLARGE'] as const;
export type ComputeType = (typeof COMPUTE_ORDER)[number] | 'GRAPHICS' | 'GRAPHICSPRO' | 'GRAPHICS_G4DN' | 'GRAPHICSPRO_G4DN';

export interface WorkspaceProps {
  runningMode: RunningMode;
  autoStopTimeoutMinutes?: number;
  rootVolumeSizeGib: number;
  userVolumeSizeGib: number;
  computeTypeName: ComputeType;
  protocols: ('PCOIP' | 'WSP')[];
  operatingSystemName: 'WINDOWS_10' | 'WINDOWS_11' | 'WINDOWS_SERVER_2022' | 'AMAZON_LINUX_2' | 'UBUNTU_22_04';
}

export interface PendingModification {
  readonly resources: readonly ModificationResource[];
  readonly completesAt: number;
  readonly patch: Partial<WorkspaceProps>;
  /** The state to return to when the modification ends (AVAILABLE goes through UPDATING). */
  readonly resumeState: WorkspaceState;
}

export interface WorkspaceRecord {
  readonly id: string;
  readonly directoryId: string;
  readonly userName: string;
  bundleId: string;
  readonly computerName: string;
  readonly ipAddress: string;
  readonly subnetId: string;
  readonly workspaceName?: string;
  state: WorkspaceState;
  /** When the current state began (emulator clock), where the lifecycle or a test set it. */
  stateSince?: number;
  errorCode?: string;
  errorMessage?: string;
  props: WorkspaceProps;
  tags: { Key: string; Value?: string }[];
  connection: ConnectionState;
  lastUserConnectionAt?: number;
  /** AutoStop counts idle time from here (last disconnect or last start). */
  idleSince: number;
  /** The single in-flight state transition, if any. */
  transition?: { to: WorkspaceState; at: number };
  modification?: PendingModification;
  lastComputeIncreaseAt?: number;
  lastComputeDecreaseAt?: number;
  lastRootVolumeIncreaseAt?: number;
  lastUserVolumeIncreaseAt?: number;
}

export interface SelfservicePermissions {
  RestartWorkspace: Permission;
  IncreaseVolumeSize: Permission;
  ChangeComputeType: Permission;
  SwitchRunningMode: Permission;
  RebuildWorkspace: Permission;
}

export interface DirectoryRecord {
  readonly id: string;
  readonly name: string;
  readonly alias: string;
  readonly registrationCode: string;
  readonly selfservice: SelfservicePermissions;
  readonly directoryType: 'SIMPLE_AD' | 'AD_CONNECTOR' | 'AWS_IAM_IDENTITY_CENTER';
  readonly samlEnabled: boolean;
}

export interface BundleRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly computeType: ComputeType;
  readonly rootCapacity: string;
  readonly userCapacity: string;
  readonly imageId: string;
  /** AMAZON (the default) for public bundles, else the account id of a custom bundle. */
  readonly owner?: string;
}

export interface Durations {
  readonly startMs: number;
  readonly stopMs: number;
  readonly rebootMs: number;
  readonly rebuildMs: number;
  readonly modifyMs: number;
}

export const ZERO_DURATIONS: Durations = { startMs: 0, stopMs: 0, rebootMs: 0, rebuildMs: 0, modifyMs: 0 };
export const DEMO_DURATIONS: Durations = { startMs: 6000, stopMs: 4000, rebootMs: 5000, rebuildMs: 10000, modifyMs: 8000 };
