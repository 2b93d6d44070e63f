import type { DesktopsSnapshot, VolumeRequest } from '@shared/ipc/domains/desktops';
import { fail, ok, type AppError, type Result } from '@shared/ipc/result';
import {
  ALL_DENIED,
  computeDirection,
  computeTargets,
  connectPlan,
  gate,
  rebuildConfirmed,
  runningModeTargets,
  volumeRequestProblem,
  volumeTargets,
  type Refusal,
  type SelfServiceAction,
  type VolumeProblem,
} from '@shared/lib/self-service';
import type { Desktop, RunningMode } from '@shared/models/desktop';
import { explainActionDenied, isAccessDenied } from '../auth/workspaces-errors';
import { awsErrorCode, describeFailure, plainAwsMessage } from './aws-errors';
import type { DesktopService } from './desktop-service';
import type { ActionFailure, DesktopActionRequest, DesktopSource } from './source';

type ActionName = SelfServiceAction | 'connect';

const REFUSALS: Readonly<Record<Refusal, string>> = {
  permission: 'Your organization doesn’t let users do this themselves. Ask your IT department.',
  state: 'The desktop’s current state doesn’t allow this.',
  runningMode: 'AlwaysOn desktops are always running: they can’t be started or stopped.',
  modification: 'A change to this desktop is still in progress. Try again when it has finished.',
};

/** How the English message names each action (the renderer words it itself, from the code). */
const ACTION_WORDS: Readonly<Record<ActionName, string>> = {
  start: 'start',
  restart: 'restart',
  rebuild: 'rebuild',
  changeComputeType: 'change the compute type of',
  increaseVolume: 'increase a volume of',
  switchRunningMode: 'switch the running mode of',
  connect: 'start',
};

interface Step {
  /** Checks beyond the permission × state gate (confirmation, targets, sizes). */
  readonly validate?: (desktop: Desktop) => AppError | null;
  /** What the desktop source is to do (AWS direct or the broker). */
  readonly request: (desktop: Desktop) => DesktopActionRequest;
  /** How the desktop looks right after AWS accepted the call, until the next refresh confirms. */
  readonly optimistic: (desktop: Desktop) => Desktop;
}

/**
 * Self-service on one desktop: gated by the directory's permissions and the state, locked so it
 * never runs twice (double click, retry), errors shown on the desktop they concern.
 */
export class DesktopActions {
  constructor(private readonly service: DesktopService) {}

  start(key: string): Promise<Result<DesktopsSnapshot>> {
    return this.run(key, 'start', {
      request: () => ({ action: 'start' }),
      optimistic: (d) => ({ ...d, state: 'STARTING' }),
    });
  }

  restart(key: string): Promise<Result<DesktopsSnapshot>> {
    return this.run(key, 'restart', {
      request: () => ({ action: 'restart' }),
      optimistic: (d) => ({ ...d, state: 'REBOOTING' }),
    });
  }

  rebuild(key: string, confirmation: string): Promise<Result<DesktopsSnapshot>> {
    return this.run(key, 'rebuild', {
      validate: (d) =>
        rebuildConfirmed(d.name, confirmation)
          ? null
          : { code: 'desktops.confirmRebuild', message: `Type the desktop’s name (${d.name}) to confirm the rebuild.`, params: { desktop: d.name } },
      request: () => ({ action: 'rebuild', confirmation }),
      optimistic: (d) => ({ ...d, state: 'REBUILDING' }),
    });
  }

  changeComputeType(key: string, target: string): Promise<Result<DesktopsSnapshot>> {
    return this.run(key, 'changeComputeType', {
      validate: (d) =>
        d.computeType !== undefined && computeDirection(d.computeType, target) !== 'invalid'
          ? null
          : {
              code: 'desktops.computeTarget',
              message: `This desktop can’t change to ${target}. Allowed: ${computeTargets(d.computeType).join(', ') || 'none'}.`,
              params: { target, allowed: computeTargets(d.computeType).join(', ') || '–' },
            },
      request: () => ({ action: 'changeComputeType', computeType: target }),
      optimistic: (d) => withModification(d, 'COMPUTE_TYPE'),
    });
  }

  increaseVolume(key: string, request: VolumeRequest): Promise<Result<DesktopsSnapshot>> {
    return this.run(key, 'increaseVolume', {
      validate: (d) => {
        if (request.rootGib === undefined && request.userGib === undefined)
          return { code: 'desktops.volumeNothing', message: 'Choose a new size for one volume.' };
        const problem = volumeRequestProblem({ rootGib: d.rootVolumeGib, userGib: d.userVolumeGib }, request);
        return problem === null
          ? null
          : {
              code: `desktops.volume.${problem}`,
              message: volumeMessage(problem, d, request),
              params: { allowed: allowedVolumeSizes(d, request).join(', ') || '–' },
            };
      },
      request: () => ({
        action: 'increaseVolume',
        ...(request.rootGib === undefined ? {} : { rootGib: request.rootGib }),
        ...(request.userGib === undefined ? {} : { userGib: request.userGib }),
      }),
      optimistic: (d) =>
        withModification(withModification(d, request.rootGib === undefined ? null : 'ROOT_VOLUME'), request.userGib === undefined ? null : 'USER_VOLUME'),
    });
  }

  switchRunningMode(key: string, mode: RunningMode): Promise<Result<DesktopsSnapshot>> {
    return this.run(key, 'switchRunningMode', {
      validate: (d) =>
        runningModeTargets(d.runningMode).includes(mode)
          ? null
          : { code: 'desktops.runningModeTarget', message: `The desktop already runs in ${mode} mode.`, params: { mode } },
      request: () => ({ action: 'switchRunningMode', mode }),
      optimistic: (d) => ({ ...d, runningMode: mode }),
    });
  }

  /** AVAILABLE → ready now; STOPPED AutoStop/Manual → start, follow until AVAILABLE, then ready. */
  async connect(key: string): Promise<Result<DesktopsSnapshot>> {
    const found = this.lookup(key);
    if (!found.ok) return found;
    const { desktop } = found.value;
    const plan = connectPlan(desktop);
    if (plan === 'launch') {
      this.service.markReadyToLaunch(key);
      return ok(this.service.snapshot());
    }
    if (plan === 'unavailable') {
      return this.refuse(key, 'connect', {
        code: 'desktops.notConnectable',
        message: `The desktop is ${desktop.state} and can’t be connected to right now.`,
        params: { state: desktop.state },
      });
    }
    return this.run(key, 'connect', {
      request: () => ({ action: 'start' }),
      optimistic: (d) => ({ ...d, state: 'STARTING' }),
    });
  }

  dismissProblem(key: string): Result<DesktopsSnapshot> {
    this.service.dismissProblem(key);
    return ok(this.service.snapshot());
  }

  private lookup(key: string): Result<{ state: DesktopSource; desktop: Desktop }> {
    const found = this.service.locate(key);
    if (found === undefined) return fail('desktops.notFound', 'This desktop is no longer in the list. It may have been removed, or you were signed out.');
    return ok(found);
  }

  private async run(key: string, action: ActionName, step: Step): Promise<Result<DesktopsSnapshot>> {
    const found = this.lookup(key);
    if (!found.ok) return found;
    const { state, desktop } = found.value;
    const startedAt = this.service.clock.now();
    if (this.service.isActionPending(key)) return busy();
    if (action !== 'connect') {
      const verdict = gate(action, desktop, state.directory?.permissions ?? ALL_DENIED, startedAt);
      if (!verdict.allowed) return this.refuse(key, action, { code: `desktops.refused.${verdict.reason}`, message: REFUSALS[verdict.reason] });
    }
    const invalid = step.validate?.(desktop) ?? null;
    if (invalid !== null) return { ok: false, error: invalid };

    if (!this.service.markActionPending(key, action)) return busy();
    let failed: readonly ActionFailure[];
    try {
      failed = await state.act(desktop, step.request(desktop));
    } catch (error) {
      this.service.releaseAction(key);
      const denied = await this.explainDenied(state, desktop, action, error);
      const problem = denied ?? describeFailure(error, { orgName: state.session.org.name, region: state.session.org.region });
      return this.refuse(key, action, problem);
    }
    const mine = failed.find((f) => f.WorkspaceId === undefined || f.WorkspaceId === desktop.workspaceId);
    if (mine !== undefined) {
      this.service.releaseAction(key);
      return this.refuse(key, action, {
        code: awsErrorCode(mine.ErrorCode, mine.ErrorMessage),
        message: plainAwsMessage(mine.ErrorCode, mine.ErrorMessage),
        ...(mine.ErrorMessage === undefined ? {} : { details: `${mine.ErrorCode ?? ''}: ${mine.ErrorMessage}` }),
      });
    }
    this.service.applyActionResult(key, state, step.optimistic, action === 'connect' ? startedAt : undefined);
    return ok(this.service.snapshot());
  }

  /** IAM refused: name the action, the desktop and the IT setting to check (the desktop's tags tell which). */
  private async explainDenied(state: DesktopSource, desktop: Desktop, action: ActionName, error: unknown): Promise<AppError | null> {
    if (!isAccessDenied(error)) return null;
    const tags = await state.desktopTags(desktop.workspaceId).catch(() => null);
    return explainActionDenied(state.session, error, { action: ACTION_WORDS[action], desktopName: desktop.name, workspaceId: desktop.workspaceId, tags });
  }

  private refuse(key: string, action: ActionName, error: AppError): Result<DesktopsSnapshot> {
    this.service.reportProblem(key, action, error);
    return fail(error.code, error.message, error.details);
  }
}

function busy(): Result<never> {
  return fail('desktops.busy', 'Deskbridge is already working on this desktop. Wait until that has finished.');
}

/** The sizes (GiB, or ranges) the changed volume may take with the other as it is. */
function allowedVolumeSizes(d: Desktop, request: VolumeRequest): string[] {
  const volume = request.rootGib === undefined ? 'user' : 'root';
  return volumeTargets(volume, { rootGib: d.rootVolumeGib, userGib: d.userVolumeGib }).map((r) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`));
}

function volumeMessage(problem: VolumeProblem, d: Desktop, request: VolumeRequest): string {
  switch (problem) {
    case 'bothAtOnce':
      return 'AWS grows one volume at a time: change the root volume or the user volume, then the other once that has finished.';
    case 'notLarger':
      return 'A volume’s new size must be larger than it is now.';
    case 'tooLarge':
      return 'A volume can be at most 2,000 GiB.';
    case 'notWhole':
      return 'A volume’s new size must be a whole number of GiB.';
    case 'notCombination': {
      const volume = request.rootGib === undefined ? 'user' : 'root';
      const allowed = allowedVolumeSizes(d, request);
      return `AWS doesn’t offer that size for the ${volume} volume with the ${volume === 'root' ? 'user' : 'root'} volume as it is. Allowed: ${allowed.length === 0 ? 'none right now' : `${allowed.join(', ')} GiB`}.`;
    }
  }
}

function withModification(d: Desktop, resource: string | null): Desktop {
  if (resource === null) return d;
  return { ...d, modifications: [...d.modifications, { resource, state: 'UPDATE_IN_PROGRESS' }] };
}
