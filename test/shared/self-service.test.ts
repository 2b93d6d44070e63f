import { describe, expect, it } from 'vitest';
import {
  availableActions,
  computeDirection,
  computeTargets,
  connectPlan,
  gate,
  rebuildConfirmed,
  runningModeTargets,
  SELF_SERVICE_ACTIONS,
  volumeChoices,
  volumeProblem,
  volumeRequestProblem,
  volumeTargets,
  type SelfServiceAction,
} from '@shared/lib/self-service';
import { DESKTOP_STATES, type DesktopState, type RunningMode, type SelfServicePermissions } from '@shared/models/desktop';

const KEYS = ['restartWorkspace', 'increaseVolumeSize', 'changeComputeType', 'switchRunningMode', 'rebuildWorkspace'] as const;
/** All 32 combinations of the five SelfservicePermissions. */
const ALL_PERMISSIONS: SelfServicePermissions[] = Array.from(
  { length: 32 },
  (_, bits) => Object.fromEntries(KEYS.map((k, i) => [k, (bits & (1 << i)) !== 0])) as unknown as SelfServicePermissions,
);
const MODES: (RunningMode | undefined)[] = ['AUTO_STOP', 'MANUAL', 'ALWAYS_ON', undefined];

/** The oracle, written from the AWS API reference, independently of the implementation's tables. */
function expected(action: SelfServiceAction, state: DesktopState, mode: RunningMode | undefined, p: SelfServicePermissions, modifying: boolean): boolean {
  const idleOrUp = state === 'AVAILABLE' || state === 'STOPPED';
  switch (action) {
    case 'start':
      return state === 'STOPPED' && mode !== 'ALWAYS_ON';
    // Not IMPAIRED; REBOOTING only when stuck over 20 minutes (no stateSince here: never).
    case 'restart':
      return p.restartWorkspace && (state === 'AVAILABLE' || state === 'UNHEALTHY');
    case 'rebuild':
      return (
        p.rebuildWorkspace &&
        !modifying &&
        (state === 'AVAILABLE' || state === 'ERROR' || state === 'UNHEALTHY' || state === 'STOPPED' || state === 'REBOOTING')
      );
    case 'changeComputeType':
      return p.changeComputeType && !modifying && idleOrUp;
    case 'increaseVolume':
      return p.increaseVolumeSize && !modifying && idleOrUp;
    case 'switchRunningMode':
      return p.switchRunningMode && !modifying && idleOrUp;
  }
}

describe('permission × state → available actions', () => {
  it('matches the AWS rules for all 17 states × 32 permission combinations × running modes × modification', () => {
    let checked = 0;
    for (const state of DESKTOP_STATES) {
      for (const permissions of ALL_PERMISSIONS) {
        for (const runningMode of MODES) {
          for (const modifying of [false, true]) {
            const desktop = { state, runningMode, modifications: modifying ? [{ resource: 'COMPUTE_TYPE', state: 'UPDATE_IN_PROGRESS' }] : [] };
            const want = SELF_SERVICE_ACTIONS.filter((a) => expected(a, state, runningMode, permissions, modifying));
            expect(availableActions(desktop, permissions), `${state} ${JSON.stringify(permissions)} ${runningMode} ${modifying}`).toEqual(want);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBe(17 * 32 * 4 * 2);
  });

  it('names the reason for every refusal: permission before state before running mode before modification', () => {
    const none = ALL_PERMISSIONS[0] as SelfServicePermissions;
    const all = ALL_PERMISSIONS[31] as SelfServicePermissions;
    expect(gate('rebuild', { state: 'MAINTENANCE', modifications: [] }, none)).toEqual({ allowed: false, reason: 'permission' });
    expect(gate('rebuild', { state: 'MAINTENANCE', modifications: [] }, all)).toEqual({ allowed: false, reason: 'state' });
    expect(gate('start', { state: 'STOPPED', runningMode: 'ALWAYS_ON', modifications: [] }, none)).toEqual({ allowed: false, reason: 'runningMode' });
    expect(gate('increaseVolume', { state: 'AVAILABLE', modifications: [{ resource: 'ROOT_VOLUME', state: 'UPDATE_IN_PROGRESS' }] }, all)).toEqual({
      allowed: false,
      reason: 'modification',
    });
    expect(gate('start', { state: 'STOPPED', runningMode: 'AUTO_STOP', modifications: [] }, none)).toEqual({ allowed: true });
  });

  it('restarts a desktop stuck in REBOOTING only after more than 20 minutes, and only when it knows since when', () => {
    const all = ALL_PERMISSIONS[31] as SelfServicePermissions;
    const since = 1_000_000;
    const rebooting = { state: 'REBOOTING' as const, modifications: [], stateSince: since };
    expect(gate('restart', rebooting, all, since + 20 * 60_000)).toEqual({ allowed: false, reason: 'state' });
    expect(gate('restart', rebooting, all, since + 20 * 60_000 + 1)).toEqual({ allowed: true });
    expect(gate('restart', { state: 'REBOOTING', modifications: [] }, all, since + 60 * 60_000)).toEqual({ allowed: false, reason: 'state' });
    expect(gate('restart', rebooting, all)).toEqual({ allowed: false, reason: 'state' });
    expect(gate('restart', { ...rebooting, state: 'IMPAIRED' }, all, since + 60 * 60_000)).toEqual({ allowed: false, reason: 'state' });
    expect(availableActions(rebooting, all, since + 21 * 60_000)).toContain('restart');
    expect(gate('restart', rebooting, { ...all, restartWorkspace: false }, since + 21 * 60_000)).toEqual({ allowed: false, reason: 'permission' });
  });

  it('plans connect: launch when AVAILABLE, start first when STOPPED (not AlwaysOn), else unavailable', () => {
    for (const state of DESKTOP_STATES) {
      for (const runningMode of MODES) {
        const plan = connectPlan({ state, runningMode, modifications: [] });
        const want = state === 'AVAILABLE' ? 'launch' : state === 'STOPPED' && runningMode !== 'ALWAYS_ON' ? 'start-then-launch' : 'unavailable';
        expect(plan, `${state} ${runningMode}`).toBe(want);
      }
    }
  });
});

describe('compute type, volume, running mode and rebuild rules', () => {
  it('offers only same-family compute targets and tells up from down', () => {
    expect(computeTargets('STANDARD')).toEqual(['VALUE', 'PERFORMANCE', 'POWER', 'POWERPRO', 'GENERALPURPOSE_4XLARGE', 'GENERALPURPOSE_8XLARGE']);
    expect(computeTargets('GRAPHICS_G4DN')).toEqual(['GRAPHICSPRO_G4DN']);
    expect(computeTargets('GRAPHICS')).toEqual([]);
    expect(computeTargets(undefined)).toEqual([]);
    expect(computeDirection('STANDARD', 'PERFORMANCE')).toBe('up');
    expect(computeDirection('POWER', 'VALUE')).toBe('down');
    expect(computeDirection('GRAPHICSPRO_G4DN', 'GRAPHICS_G4DN')).toBe('down');
    expect(computeDirection('STANDARD', 'GRAPHICS_G4DN')).toBe('invalid');
    expect(computeDirection('STANDARD', 'STANDARD')).toBe('invalid');
  });

  it('knows the G6 and G7 graphics families and keeps each to itself', () => {
    expect(computeTargets('GRAPHICS_G6_XLARGE')).toEqual(['GRAPHICS_G6_2XLARGE', 'GRAPHICS_G6_4XLARGE', 'GRAPHICS_G6_8XLARGE', 'GRAPHICS_G6_16XLARGE']);
    expect(computeTargets('GRAPHICS_G7_4XLARGE')).toEqual(['GRAPHICS_G7_2XLARGE', 'GRAPHICS_G7_8XLARGE', 'GRAPHICS_G7_12XLARGE']);
    expect(computeTargets('GRAPHICS_GR6_8XLARGE')).toEqual(['GRAPHICS_GR6_4XLARGE']);
    expect(computeTargets('GRAPHICS_G6F_LARGE')).toHaveLength(3);
    expect(computeTargets('GRAPHICS_GR6F_4XLARGE')).toEqual([]);
    expect(computeDirection('GRAPHICS_G6_XLARGE', 'GRAPHICS_G6_8XLARGE')).toBe('up');
    expect(computeDirection('GRAPHICS_G7_12XLARGE', 'GRAPHICS_G7_2XLARGE')).toBe('down');
    expect(computeDirection('GRAPHICS_G6_XLARGE', 'GRAPHICS_G7_2XLARGE')).toBe('invalid');
    expect(computeDirection('GRAPHICS_G4DN', 'GRAPHICS_G6_XLARGE')).toBe('invalid');
    expect(computeDirection('STANDARD', 'GRAPHICS_G6_XLARGE')).toBe('invalid');
  });

  it('accepts only larger whole volume sizes up to 2,000 GiB', () => {
    expect(volumeProblem(80, undefined)).toBeNull();
    expect(volumeProblem(80, 175)).toBeNull();
    expect(volumeProblem(80, 80)).toBe('notLarger');
    expect(volumeProblem(80, 50)).toBe('notLarger');
    expect(volumeProblem(80, 2001)).toBe('tooLarge');
    expect(volumeProblem(80, 100.5)).toBe('notWhole');
  });

  it('grows one volume at a time, only to AWS’s root/user combinations', () => {
    // [80, 10], [80, 50], [80, 100], [175–2000, 100–2000] (admin guide, "Modify a WorkSpace").
    expect(volumeTargets('user', { rootGib: 80, userGib: 10 })).toEqual([
      { min: 50, max: 50 },
      { min: 100, max: 100 },
    ]);
    expect(volumeChoices(volumeTargets('user', { rootGib: 80, userGib: 10 }))).toEqual([50, 100]);
    expect(volumeTargets('root', { rootGib: 80, userGib: 10 })).toEqual([]);
    expect(volumeTargets('root', { rootGib: 80, userGib: 50 })).toEqual([]);
    expect(volumeTargets('user', { rootGib: 80, userGib: 50 })).toEqual([{ min: 100, max: 100 }]);
    expect(volumeTargets('root', { rootGib: 80, userGib: 100 })).toEqual([{ min: 175, max: 2000 }]);
    expect(volumeChoices(volumeTargets('root', { rootGib: 80, userGib: 100 }))).toBeNull();
    expect(volumeTargets('user', { rootGib: 80, userGib: 100 })).toEqual([]);
    expect(volumeTargets('root', { rootGib: 175, userGib: 100 })).toEqual([{ min: 176, max: 2000 }]);
    expect(volumeTargets('user', { rootGib: 175, userGib: 100 })).toEqual([{ min: 101, max: 2000 }]);
    // A graphics bundle starts at [100, 100]: the root can go to 175 and up, the user volume not before.
    expect(volumeTargets('root', { rootGib: 100, userGib: 100 })).toEqual([{ min: 175, max: 2000 }]);
    expect(volumeTargets('user', { rootGib: 100, userGib: 100 })).toEqual([]);
    expect(volumeTargets('root', { rootGib: 2000, userGib: 2000 })).toEqual([]);
    expect(volumeTargets('root', { userGib: 100 })).toEqual([]);

    expect(volumeRequestProblem({ rootGib: 80, userGib: 50 }, { rootGib: 175, userGib: 100 })).toBe('bothAtOnce');
    expect(volumeRequestProblem({ rootGib: 80, userGib: 50 }, { rootGib: 175 })).toBe('notCombination');
    expect(volumeRequestProblem({ rootGib: 80, userGib: 50 }, { userGib: 75 })).toBe('notCombination');
    expect(volumeRequestProblem({ rootGib: 80, userGib: 100 }, { rootGib: 90 })).toBe('notCombination');
    expect(volumeRequestProblem({ rootGib: 80, userGib: 50 }, { userGib: 100 })).toBeNull();
    expect(volumeRequestProblem({ rootGib: 80, userGib: 100 }, { rootGib: 175 })).toBeNull();
    expect(volumeRequestProblem({ rootGib: 175, userGib: 100 }, { userGib: 50 })).toBe('notLarger');
    expect(volumeRequestProblem({ rootGib: 175, userGib: 100 }, { userGib: 2001 })).toBe('tooLarge');
  });

  it('switches between AutoStop and AlwaysOn only', () => {
    expect(runningModeTargets('AUTO_STOP')).toEqual(['ALWAYS_ON']);
    expect(runningModeTargets('ALWAYS_ON')).toEqual(['AUTO_STOP']);
    expect(runningModeTargets('MANUAL')).toEqual(['AUTO_STOP', 'ALWAYS_ON']);
  });

  it('confirms a rebuild only when the name is typed (case and spaces aside)', () => {
    expect(rebuildConfirmed('Design-PC', ' design-pc ')).toBe(true);
    expect(rebuildConfirmed('Design-PC', 'Design')).toBe(false);
    expect(rebuildConfirmed('Design-PC', '')).toBe(false);
  });
});
