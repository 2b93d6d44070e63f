import { type Operation, requireSelfService, visibleWorkspace } from './context';
import { ApiError, invalidParameter, notFound, validationError } from './errors';
import { type Input, optString, WORKSPACE_ID } from './input';
import {
  COMPUTE_ORDER,
  type ComputeType,
  type ModificationResource,
  type RunningMode,
  type WorkspaceProps,
  type WorkspaceRecord,
  type WorkspaceState,
} from './types';

const SIX_HOURS = 6 * 3600_000;
const THIRTY_DAYS = 30 * 86_400_000;
const RUNNING_MODES: readonly RunningMode[] = ['AUTO_STOP', 'ALWAYS_ON', 'MANUAL'];
/** Every graphics compute type of the model (GRAPHICS, GRAPHICSPRO, the G4dn, G6, Gr6, G6f and G7 sizes) starts so. */
const isGraphics = (compute: string): boolean => compute.startsWith('GRAPHICS');

/** ModifyWorkspaceProperties needs AVAILABLE or STOPPED (admin guide, "Modify a WorkSpace"). */
export const MODIFIABLE_STATES: readonly WorkspaceState[] = ['AVAILABLE', 'STOPPED'];

const invalidResourceState = (message: string): ApiError => new ApiError('InvalidResourceStateException', message);

function requested(input: Input): Input {
  const props = input['WorkspaceProperties'];
  if (props === undefined || props === null) {
    if (input['DataReplication'] !== undefined) {
      throw new ApiError('UnsupportedWorkspaceConfigurationException', 'Data replication is not available for this WorkSpace.');
    }
    throw invalidParameter('WorkspaceProperties must be specified.');
  }
  if (typeof props !== 'object' || Array.isArray(props)) throw validationError('workspaceProperties', props, 'Member must be a structure');
  return props as Input;
}

function computeChange(ws: WorkspaceRecord, target: string, now: number): ComputeType {
  const from = COMPUTE_ORDER.indexOf(ws.props.computeTypeName as (typeof COMPUTE_ORDER)[number]);
  const to = COMPUTE_ORDER.indexOf(target as (typeof COMPUTE_ORDER)[number]);
  if (isGraphics(target) !== isGraphics(ws.props.computeTypeName)) {
    throw new ApiError('UnsupportedWorkspaceConfigurationException', 'Graphics and non-graphics compute types cannot be switched between.');
  }
  if (to === -1 || from === -1) return target as ComputeType;
  if (to > from && ws.lastComputeIncreaseAt !== undefined && now - ws.lastComputeIncreaseAt < SIX_HOURS) {
    throw invalidResourceState('The compute type of a WorkSpace can be increased only once in a 6-hour period.');
  }
  if (to < from && ws.lastComputeDecreaseAt !== undefined && now - ws.lastComputeDecreaseAt < THIRTY_DAYS) {
    throw invalidResourceState('The compute type of a WorkSpace can be decreased only once every 30 days.');
  }
  if (to > from) ws.lastComputeIncreaseAt = now;
  if (to < from) ws.lastComputeDecreaseAt = now;
  return target as ComputeType;
}

/**
 * AWS's root/user volume groups in GB (WorkSpaces admin guide, "Modify a WorkSpace", "Modify volume
 * sizes"): [80, 10], [80, 50], [80, 100] and [175–2000, 100–2000]. Root and user volumes can't be
 * increased at the same time, and each volume can be expanded once in a 6-hour period.
 */
const VOLUME_GROUPS: readonly (readonly [rootMin: number, rootMax: number, userMin: number, userMax: number])[] = [
  [80, 80, 10, 10],
  [80, 80, 50, 50],
  [80, 80, 100, 100],
  [175, 2000, 100, 2000],
];

function volumeGroupAllowed(root: number, user: number): boolean {
  return VOLUME_GROUPS.some(([rootMin, rootMax, userMin, userMax]) => root >= rootMin && root <= rootMax && user >= userMin && user <= userMax);
}

/** One volume per request, to a size in one of AWS's groups, each volume once in 6 hours. */
function checkVolumeChange(ws: WorkspaceRecord, root: number | undefined, user: number | undefined, now: number): void {
  if (root === undefined && user === undefined) return;
  if (root !== undefined && user !== undefined) {
    throw invalidParameter('The root volume and the user volume cannot be increased at the same time. Increase one, then the other.');
  }
  const newRoot = root ?? ws.props.rootVolumeSizeGib;
  const newUser = user ?? ws.props.userVolumeSizeGib;
  if (!volumeGroupAllowed(newRoot, newUser)) {
    throw invalidParameter(
      `A root volume of ${newRoot} GiB with a user volume of ${newUser} GiB is not a supported combination. Supported: [80, 10], [80, 50], [80, 100], [175-2000, 100-2000].`,
    );
  }
  const last = root !== undefined ? ws.lastRootVolumeIncreaseAt : ws.lastUserVolumeIncreaseAt;
  if (last !== undefined && now - last < SIX_HOURS) {
    throw invalidResourceState(`The ${root !== undefined ? 'root' : 'user'} volume of a WorkSpace can be increased only once in a 6-hour period.`);
  }
}

function volume(props: Input, field: 'RootVolumeSizeGib' | 'UserVolumeSizeGib', current: number): number | undefined {
  const value = props[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw validationError(`workspaceProperties.${field}`, value, 'Member must be an integer');
  if (value === current) return undefined;
  if (value < current) throw invalidParameter(`The ${field} can only be increased (current size ${current} GiB).`);
  if (value > 2000) throw invalidParameter(`The ${field} cannot exceed 2000 GiB.`);
  return value;
}

export const modifyWorkspaceProperties: Operation = (input, ctx) => {
  const id = optString(input, 'WorkspaceId', WORKSPACE_ID);
  if (id === undefined) throw validationError('workspaceId', 'null', 'Member must not be null');
  const props = requested(input);
  const ws = visibleWorkspace(ctx, id);
  if (ws === undefined) throw notFound(id);
  if (ws.modification !== undefined) throw new ApiError('OperationInProgressException', `The WorkSpace ${id} is already being modified.`);
  if (!MODIFIABLE_STATES.includes(ws.state)) {
    throw invalidResourceState(`The WorkSpace ${id} is in state ${ws.state}; it must be AVAILABLE or STOPPED to be modified.`);
  }

  const mode = props['RunningMode'];
  const timeout = props['RunningModeAutoStopTimeoutInMinutes'];
  const compute = props['ComputeTypeName'];
  const root = volume(props, 'RootVolumeSizeGib', ws.props.rootVolumeSizeGib);
  const user = volume(props, 'UserVolumeSizeGib', ws.props.userVolumeSizeGib);
  if (props['Protocols'] !== undefined) {
    throw new ApiError('UnsupportedWorkspaceConfigurationException', 'Changing the streaming protocol is not supported for this WorkSpace.');
  }

  // Permissions first, so a disabled setting reads as "not allowed" rather than "invalid".
  if (mode !== undefined || timeout !== undefined) requireSelfService(ctx, ws, 'SwitchRunningMode');
  if (compute !== undefined && compute !== ws.props.computeTypeName) requireSelfService(ctx, ws, 'ChangeComputeType');
  if (root !== undefined || user !== undefined) requireSelfService(ctx, ws, 'IncreaseVolumeSize');

  if (mode !== undefined && (typeof mode !== 'string' || !RUNNING_MODES.includes(mode as RunningMode))) {
    throw validationError('workspaceProperties.runningMode', mode, `Member must satisfy enum value set: [${RUNNING_MODES.join(', ')}]`);
  }
  if (timeout !== undefined && (typeof timeout !== 'number' || timeout < 60 || timeout % 60 !== 0)) {
    throw invalidParameter('RunningModeAutoStopTimeoutInMinutes must be a multiple of 60.');
  }
  if (compute !== undefined && (typeof compute !== 'string' || !/^[A-Z0-9_]+$/.test(compute))) {
    throw validationError('workspaceProperties.computeTypeName', compute, 'Member must satisfy enum value set');
  }
  if (compute !== undefined && (root !== undefined || user !== undefined)) {
    throw invalidParameter('The compute type and the volume sizes cannot be modified in the same request.');
  }

  checkVolumeChange(ws, root, user, ctx.now);

  const immediate: Partial<WorkspaceProps> = {};
  if (typeof mode === 'string') immediate.runningMode = mode as RunningMode;
  if (typeof timeout === 'number') immediate.autoStopTimeoutMinutes = timeout;
  ws.props = { ...ws.props, ...immediate };

  const patch: Partial<WorkspaceProps> = {};
  const resources: ModificationResource[] = [];
  if (typeof compute === 'string' && compute !== ws.props.computeTypeName) {
    patch.computeTypeName = computeChange(ws, compute, ctx.now);
    resources.push('COMPUTE_TYPE');
  }
  if (root !== undefined) {
    patch.rootVolumeSizeGib = root;
    ws.lastRootVolumeIncreaseAt = ctx.now;
    resources.push('ROOT_VOLUME');
  }
  if (user !== undefined) {
    patch.userVolumeSizeGib = user;
    ws.lastUserVolumeIncreaseAt = ctx.now;
    resources.push('USER_VOLUME');
  }
  if (resources.length > 0) {
    ws.modification = { resources, patch, completesAt: ctx.now + ctx.store.durations.modifyMs, resumeState: ws.state };
    if (ws.state === 'AVAILABLE') ws.state = 'UPDATING';
  }
  return {};
};
