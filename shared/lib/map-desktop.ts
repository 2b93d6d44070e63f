/**
 * AWS WorkSpaces API shapes → Deskbridge's desktop fields: the pure mapping both the client's direct
 * mode (electron/core/workspaces) and the broker (broker/) use, so a desktop reads the same either
 * way. Type-only SDK imports: nothing of the SDK runs here.
 */
import type { SelfservicePermissions, Workspace, WorkspaceConnectionStatus } from '@aws-sdk/client-workspaces';
import { DESKTOP_STATES, type ConnectionState, type Desktop, type DesktopState, type SelfServicePermissions } from '../models/desktop';

const STATES: ReadonlySet<string> = new Set(DESKTOP_STATES);
const MODES: ReadonlySet<string> = new Set(['AUTO_STOP', 'ALWAYS_ON', 'MANUAL']);

/** A desktop without the client's own key and organization id (what the broker sends). */
export type DesktopFields = Omit<Desktop, 'key' | 'orgId' | 'connectionState' | 'lastConnectedAt' | 'connectionCheckedAt' | 'connectTag' | 'stateSince'>;

/** The tag that names how to connect to a desktop (validated by the client when launching). */
export const CONNECT_TAG = 'deskbridge:connect';

/** One DescribeWorkspaces item → desktop fields (without connection status and tag, merged later). */
export function toDesktopFields(ws: Workspace, fallbackUser: string): DesktopFields | null {
  const id = ws.WorkspaceId;
  if (id === undefined) return null;
  const props = ws.WorkspaceProperties ?? {};
  // A state AWS adds later reads as PENDING rather than breaking the list.
  const state: DesktopState = ws.State !== undefined && STATES.has(ws.State) ? ws.State : 'PENDING';
  const mode = props.RunningMode !== undefined && MODES.has(props.RunningMode) ? props.RunningMode : undefined;
  return {
    workspaceId: id,
    directoryId: ws.DirectoryId ?? '',
    userName: ws.UserName ?? fallbackUser,
    name: nonEmpty(ws.WorkspaceName) ?? nonEmpty(ws.ComputerName) ?? id,
    state,
    ...optional('computerName', nonEmpty(ws.ComputerName)),
    ...optional('ipAddress', nonEmpty(ws.IpAddress)),
    ...optional('bundleId', ws.BundleId),
    ...optional('os', props.OperatingSystemName),
    protocols: props.Protocols ?? [],
    ...optional('computeType', props.ComputeTypeName),
    ...optional('runningMode', mode),
    ...optional('autoStopTimeoutMinutes', props.RunningModeAutoStopTimeoutInMinutes),
    ...optional('rootVolumeGib', props.RootVolumeSizeGib),
    ...optional('userVolumeGib', props.UserVolumeSizeGib),
    modifications: (ws.ModificationStates ?? []).map((m) => ({ resource: m.Resource ?? 'UNKNOWN', state: m.State ?? 'UNKNOWN' })),
    ...optional('errorCode', nonEmpty(ws.ErrorCode)),
    ...optional('errorMessage', nonEmpty(ws.ErrorMessage)),
  };
}

export interface ConnectionInfo {
  readonly connectionState: ConnectionState;
  readonly lastConnectedAt?: number;
  readonly connectionCheckedAt?: number;
}

export function toConnection(status: WorkspaceConnectionStatus): ConnectionInfo {
  const state = status.ConnectionState === 'CONNECTED' || status.ConnectionState === 'DISCONNECTED' ? status.ConnectionState : 'UNKNOWN';
  return {
    connectionState: state,
    ...optional('lastConnectedAt', status.LastKnownUserConnectionTimestamp?.getTime()),
    ...optional('connectionCheckedAt', status.ConnectionStateCheckTimestamp?.getTime()),
  };
}

/** AWS's defaults when a member is absent: restart allowed, everything else not. */
export function toPermissions(p: SelfservicePermissions | undefined): SelfServicePermissions {
  return {
    restartWorkspace: (p?.RestartWorkspace ?? 'ENABLED') === 'ENABLED',
    increaseVolumeSize: p?.IncreaseVolumeSize === 'ENABLED',
    changeComputeType: p?.ChangeComputeType === 'ENABLED',
    switchRunningMode: p?.SwitchRunningMode === 'ENABLED',
    rebuildWorkspace: p?.RebuildWorkspace === 'ENABLED',
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
