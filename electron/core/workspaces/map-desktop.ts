import type { SelfservicePermissions, Workspace, WorkspaceConnectionStatus } from '@aws-sdk/client-workspaces';
import { DESKTOP_STATES, type ConnectionState, type Desktop, type DesktopState, type SelfServicePermissions } from '../../../shared/models/desktop';

const STATES: ReadonlySet<string> = new Set(DESKTOP_STATES);
const MODES: ReadonlySet<string> = new Set(['AUTO_STOP', 'ALWAYS_ON', 'MANUAL']);

export function desktopKey(orgId: string, workspaceId: string): string {
  return `${orgId}/${workspaceId}`;
}

export function splitKey(key: string): { orgId: string; workspaceId: string } | null {
  const slash = key.lastIndexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { orgId: key.slice(0, slash), workspaceId: key.slice(slash + 1) };
}

/** One DescribeWorkspaces item → Desktop (without connection status and tag, merged later). */
export function toDesktop(orgId: string, ws: Workspace, fallbackUser: string): Desktop | null {
  const id = ws.WorkspaceId;
  if (id === undefined) return null;
  const props = ws.WorkspaceProperties ?? {};
  // A state AWS adds later reads as PENDING rather than breaking the list.
  const state: DesktopState = ws.State !== undefined && STATES.has(ws.State) ? ws.State : 'PENDING';
  const mode = props.RunningMode !== undefined && MODES.has(props.RunningMode) ? props.RunningMode : undefined;
  return {
    key: desktopKey(orgId, id),
    orgId,
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
