import type { DesktopState, RunningMode, SelfServicePermissions } from '../models/desktop';

/** What a user may do to a desktop themselves, given the directory's SelfservicePermissions and the state. */
export const SELF_SERVICE_ACTIONS = ['start', 'restart', 'rebuild', 'changeComputeType', 'increaseVolume', 'switchRunningMode'] as const;
export type SelfServiceAction = (typeof SELF_SERVICE_ACTIONS)[number];

/** Why an action is not offered: the directory forbids it, the state doesn't allow it, … */
export type Refusal = 'permission' | 'state' | 'runningMode' | 'modification';

export type Gate = { readonly allowed: true } | { readonly allowed: false; readonly reason: Refusal };

export interface GateInput {
  readonly state: DesktopState;
  readonly runningMode?: RunningMode;
  readonly modifications: readonly { readonly resource: string; readonly state: string }[];
}

const PERMISSION: Readonly<Record<SelfServiceAction, keyof SelfServicePermissions | null>> = {
  // Starting is not a self-service setting: every user may start their own stopped desktop.
  start: null,
  restart: 'restartWorkspace',
  rebuild: 'rebuildWorkspace',
  changeComputeType: 'changeComputeType',
  increaseVolume: 'increaseVolumeSize',
  switchRunningMode: 'switchRunningMode',
};

// The states in which AWS accepts each call (StartWorkspaces, RebootWorkspaces, RebuildWorkspaces, ModifyWorkspaceProperties).
const STATES: Readonly<Record<SelfServiceAction, readonly DesktopState[]>> = {
  start: ['STOPPED'],
  restart: ['AVAILABLE', 'IMPAIRED', 'UNHEALTHY'],
  rebuild: ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED'],
  changeComputeType: ['AVAILABLE', 'STOPPED'],
  increaseVolume: ['AVAILABLE', 'STOPPED'],
  switchRunningMode: ['AVAILABLE', 'STOPPED'],
};

const BLOCKED_BY_MODIFICATION: ReadonlySet<SelfServiceAction> = new Set(['rebuild', 'changeComputeType', 'increaseVolume', 'switchRunningMode']);

export const ALL_DENIED: SelfServicePermissions = {
  restartWorkspace: false,
  increaseVolumeSize: false,
  changeComputeType: false,
  switchRunningMode: false,
  rebuildWorkspace: false,
};

export function gate(action: SelfServiceAction, desktop: GateInput, permissions: SelfServicePermissions): Gate {
  const permission = PERMISSION[action];
  if (permission !== null && !permissions[permission]) return { allowed: false, reason: 'permission' };
  if (!STATES[action].includes(desktop.state)) return { allowed: false, reason: 'state' };
  if (action === 'start' && desktop.runningMode === 'ALWAYS_ON') return { allowed: false, reason: 'runningMode' };
  if (BLOCKED_BY_MODIFICATION.has(action) && desktop.modifications.length > 0) return { allowed: false, reason: 'modification' };
  return { allowed: true };
}

export function availableActions(desktop: GateInput, permissions: SelfServicePermissions): readonly SelfServiceAction[] {
  return SELF_SERVICE_ACTIONS.filter((action) => gate(action, desktop, permissions).allowed);
}

/** Connect on a STOPPED AutoStop/Manual desktop starts it first; on AVAILABLE it launches at once. */
export function connectPlan(desktop: GateInput): 'launch' | 'start-then-launch' | 'unavailable' {
  if (desktop.state === 'AVAILABLE') return 'launch';
  if (desktop.state === 'STOPPED' && desktop.runningMode !== 'ALWAYS_ON') return 'start-then-launch';
  return 'unavailable';
}

// ---- compute types ----

/** General-purpose compute types in ascending size ("up" and "down" are positions here). */
export const COMPUTE_ORDER = ['VALUE', 'STANDARD', 'PERFORMANCE', 'POWER', 'POWERPRO', 'GENERALPURPOSE_4XLARGE', 'GENERALPURPOSE_8XLARGE'] as const;
/** Graphics bundles can switch only between these two (older GRAPHICS/GRAPHICSPRO cannot change). */
export const GRAPHICS_ORDER = ['GRAPHICS_G4DN', 'GRAPHICSPRO_G4DN'] as const;
/**
 * Graphics families in ascending size: a graphics desktop changes only within its own family
 * (assumed for G6, Gr6, G6f and G7 as AWS documents it for G4dn; a lone size, e.g. Gr6f, has no
 * target). G6 names are in the WorkSpaces model; G7 names come from AWS's newest model.
 */
export const GRAPHICS_FAMILIES: readonly (readonly string[])[] = [
  GRAPHICS_ORDER,
  ['GRAPHICS_G6_XLARGE', 'GRAPHICS_G6_2XLARGE', 'GRAPHICS_G6_4XLARGE', 'GRAPHICS_G6_8XLARGE', 'GRAPHICS_G6_16XLARGE'],
  ['GRAPHICS_GR6_4XLARGE', 'GRAPHICS_GR6_8XLARGE'],
  ['GRAPHICS_G6F_LARGE', 'GRAPHICS_G6F_XLARGE', 'GRAPHICS_G6F_2XLARGE', 'GRAPHICS_G6F_4XLARGE'],
  ['GRAPHICS_G7_2XLARGE', 'GRAPHICS_G7_4XLARGE', 'GRAPHICS_G7_8XLARGE', 'GRAPHICS_G7_12XLARGE'],
];

const familyOf = (compute: string): readonly string[] | undefined =>
  [COMPUTE_ORDER, ...GRAPHICS_FAMILIES].find((order: readonly string[]) => order.includes(compute));

/** The compute types a desktop may change to (never across graphics and non-graphics). */
export function computeTargets(current: string | undefined): readonly string[] {
  if (current === undefined) return [];
  return familyOf(current)?.filter((c) => c !== current) ?? [];
}

/** AWS allows a compute-type increase once in 6 hours and a decrease once in 30 days. */
export function computeDirection(from: string, to: string): 'up' | 'down' | 'invalid' {
  const order = familyOf(from);
  if (order === undefined || !computeTargets(from).includes(to)) return 'invalid';
  return order.indexOf(to) > order.indexOf(from) ? 'up' : 'down';
}

export const COMPUTE_RULES = { upEveryHours: 6, downEveryDays: 30 } as const;

// ---- volumes ----

export const MAX_VOLUME_GIB = 2000;

/** A requested size is valid when it is a whole number larger than now and at most 2,000 GiB. */
export function volumeProblem(current: number | undefined, requested: number | undefined): 'notLarger' | 'tooLarge' | 'notWhole' | null {
  if (requested === undefined) return null;
  if (!Number.isInteger(requested)) return 'notWhole';
  if (current !== undefined && requested <= current) return 'notLarger';
  if (requested > MAX_VOLUME_GIB) return 'tooLarge';
  return null;
}

// ---- running mode ----

/** Users switch between AutoStop and AlwaysOn; MANUAL is set by administrators only. */
export function runningModeTargets(current: RunningMode | undefined): readonly RunningMode[] {
  return (['AUTO_STOP', 'ALWAYS_ON'] as const).filter((m) => m !== current);
}

/** Rebuild needs the user to type the desktop's name: a deliberate act, never a misclick. */
export function rebuildConfirmed(desktopName: string, typed: string): boolean {
  return typed.trim().length > 0 && typed.trim().toLowerCase() === desktopName.trim().toLowerCase();
}
