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
  /** Since when the desktop has been in its state, as far as Deskbridge knows (epoch ms). */
  readonly stateSince?: number;
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

/**
 * The states in which AWS accepts each call, as the API reference words them (the documentation of
 * StartWorkspaces, RebootWorkspaces and RebuildWorkspaces in the WorkSpaces service model;
 * test/emulator/self-service-rules.test.ts compares this table with that text). RebootWorkspaces
 * also takes a desktop stuck in REBOOTING for over 20 minutes (ACCEPTED_WHEN_STUCK).
 * ModifyWorkspaceProperties (compute type,
 * volumes, running mode) needs AVAILABLE or STOPPED (admin guide, "Modify a WorkSpace":
 * https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html).
 */
export const ACCEPTED_STATES: Readonly<Record<SelfServiceAction, readonly DesktopState[]>> = {
  start: ['STOPPED'],
  restart: ['AVAILABLE', 'UNHEALTHY'],
  rebuild: ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED', 'REBOOTING'],
  changeComputeType: ['AVAILABLE', 'STOPPED'],
  increaseVolume: ['AVAILABLE', 'STOPPED'],
  switchRunningMode: ['AVAILABLE', 'STOPPED'],
};

/**
 * States an action also takes once the desktop has been stuck in them for a while: RebootWorkspaces
 * accepts a desktop "stuck in the REBOOTING state for over 20 minutes" (its API reference).
 */
export const ACCEPTED_WHEN_STUCK: Readonly<Partial<Record<SelfServiceAction, { readonly state: DesktopState; readonly afterMs: number }>>> = {
  restart: { state: 'REBOOTING', afterMs: 20 * 60_000 },
};

function stateAllows(action: SelfServiceAction, desktop: GateInput, now: number | undefined): boolean {
  if (ACCEPTED_STATES[action].includes(desktop.state)) return true;
  const stuck = ACCEPTED_WHEN_STUCK[action];
  return (
    stuck !== undefined && stuck.state === desktop.state && now !== undefined && desktop.stateSince !== undefined && now - desktop.stateSince > stuck.afterMs
  );
}

const BLOCKED_BY_MODIFICATION: ReadonlySet<SelfServiceAction> = new Set(['rebuild', 'changeComputeType', 'increaseVolume', 'switchRunningMode']);

export const ALL_DENIED: SelfServicePermissions = {
  restartWorkspace: false,
  increaseVolumeSize: false,
  changeComputeType: false,
  switchRunningMode: false,
  rebuildWorkspace: false,
};

/** `now` (epoch ms) lets a desktop stuck in a state past AWS's limit qualify (see ACCEPTED_WHEN_STUCK). */
export function gate(action: SelfServiceAction, desktop: GateInput, permissions: SelfServicePermissions, now?: number): Gate {
  const permission = PERMISSION[action];
  if (permission !== null && !permissions[permission]) return { allowed: false, reason: 'permission' };
  if (!stateAllows(action, desktop, now)) return { allowed: false, reason: 'state' };
  if (action === 'start' && desktop.runningMode === 'ALWAYS_ON') return { allowed: false, reason: 'runningMode' };
  if (BLOCKED_BY_MODIFICATION.has(action) && desktop.modifications.length > 0) return { allowed: false, reason: 'modification' };
  return { allowed: true };
}

export function availableActions(desktop: GateInput, permissions: SelfServicePermissions, now?: number): readonly SelfServiceAction[] {
  return SELF_SERVICE_ACTIONS.filter((action) => gate(action, desktop, permissions, now).allowed);
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

/** A closed range of sizes in GiB (min === max for a single size). */
export interface SizeRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The root/user volume combinations AWS allows, in GB. From the WorkSpaces admin guide, "Modify a
 * WorkSpace", section "Modify volume sizes"
 * (https://docs.aws.amazon.com/workspaces/latest/adminguide/modify-workspaces.html): root and user
 * volumes come in set groups that can't be changed — [80, 10], [80, 50], [80, 100] and
 * [175 to 2000, 100 to 2000]; each volume can be expanded (never shrunk) up to 2000 GB, and the
 * root and user volumes can't be increased at the same time.
 */
export const VOLUME_COMBINATIONS: readonly { readonly root: SizeRange; readonly user: SizeRange }[] = [
  { root: { min: 80, max: 80 }, user: { min: 10, max: 10 } },
  { root: { min: 80, max: 80 }, user: { min: 50, max: 50 } },
  { root: { min: 80, max: 80 }, user: { min: 100, max: 100 } },
  { root: { min: 175, max: MAX_VOLUME_GIB }, user: { min: 100, max: MAX_VOLUME_GIB } },
];

export type Volume = 'root' | 'user';

export interface VolumeSizes {
  readonly rootGib?: number;
  readonly userGib?: number;
}

const within = (range: SizeRange, size: number): boolean => size >= range.min && size <= range.max;

/** Is this root/user pair one of AWS's combinations? */
export function isVolumeCombination(rootGib: number, userGib: number): boolean {
  return VOLUME_COMBINATIONS.some((c) => within(c.root, rootGib) && within(c.user, userGib));
}

/** The sizes one volume may grow to while the other stays as it is (ascending, non-overlapping). */
export function volumeTargets(volume: Volume, current: VolumeSizes): readonly SizeRange[] {
  const size = volume === 'root' ? current.rootGib : current.userGib;
  const other = volume === 'root' ? current.userGib : current.rootGib;
  if (size === undefined || other === undefined) return [];
  const ranges: SizeRange[] = [];
  for (const c of VOLUME_COMBINATIONS) {
    if (!within(volume === 'root' ? c.user : c.root, other)) continue;
    const own = volume === 'root' ? c.root : c.user;
    const min = Math.max(own.min, size + 1);
    if (min <= own.max && !ranges.some((r) => r.min === min && r.max === own.max)) ranges.push({ min, max: own.max });
  }
  return ranges.sort((a, b) => a.min - b.min);
}

/** The sizes as a short list to choose from, when every target is a single size; else null. */
export function volumeChoices(targets: readonly SizeRange[]): readonly number[] | null {
  return targets.length > 0 && targets.every((r) => r.min === r.max) ? targets.map((r) => r.min) : null;
}

export type VolumeProblem = 'notLarger' | 'tooLarge' | 'notWhole' | 'bothAtOnce' | 'notCombination';

/** A requested size is valid when it is a whole number larger than now and at most 2,000 GiB. */
export function volumeProblem(current: number | undefined, requested: number | undefined): 'notLarger' | 'tooLarge' | 'notWhole' | null {
  if (requested === undefined) return null;
  if (!Number.isInteger(requested)) return 'notWhole';
  if (current !== undefined && requested <= current) return 'notLarger';
  if (requested > MAX_VOLUME_GIB) return 'tooLarge';
  return null;
}

/** A whole request: one volume at a time, grown to a size that keeps the pair one of AWS's combinations. */
export function volumeRequestProblem(current: VolumeSizes, request: VolumeSizes): VolumeProblem | null {
  if (request.rootGib !== undefined && request.userGib !== undefined) return 'bothAtOnce';
  const basic = volumeProblem(current.rootGib, request.rootGib) ?? volumeProblem(current.userGib, request.userGib);
  if (basic !== null) return basic;
  const root = request.rootGib ?? current.rootGib;
  const user = request.userGib ?? current.userGib;
  if (root !== undefined && user !== undefined && !isVolumeCombination(root, user)) return 'notCombination';
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
