import {
  type FailedWorkspaceChangeRequest,
  ModifyWorkspacePropertiesCommand,
  RebootWorkspacesCommand,
  RebuildWorkspacesCommand,
  StartWorkspacesCommand,
  type WorkSpacesClient,
  type WorkspaceProperties,
} from '@aws-sdk/client-workspaces';
import type { BrokerActionRequest, BrokerDesktop, BrokerDirectory } from '../../shared/broker/api';
import { computeDirection, computeTargets, gate, rebuildConfirmed, runningModeTargets, volumeRequestProblem } from '../../shared/lib/self-service';
import { BrokerFailure, fromAwsError } from './errors';

const GATE_REFUSALS = {
  permission: "The directory's self-service permissions don't allow this.",
  state: "The desktop's current state doesn't allow this.",
  runningMode: "AlwaysOn desktops can't be started or stopped.",
  modification: 'A change to this desktop is still in progress.',
} as const;

/** Checks beyond the self-service gate; a problem is the caller's invalid request. */
function requestProblem(request: BrokerActionRequest, d: BrokerDesktop): string | null {
  switch (request.action) {
    case 'rebuild':
      return rebuildConfirmed(d.name, request.confirmation) ? null : "The confirmation doesn't match the desktop's name.";
    case 'changeComputeType':
      return d.computeType !== undefined && computeDirection(d.computeType, request.computeType) !== 'invalid'
        ? null
        : `This desktop can't change to ${request.computeType}. Allowed: ${computeTargets(d.computeType).join(', ') || 'none'}.`;
    case 'increaseVolume': {
      if (request.rootGib === undefined && request.userGib === undefined) return 'Give a new size for one volume.';
      const problem = volumeRequestProblem({ rootGib: d.rootVolumeGib, userGib: d.userVolumeGib }, request);
      return problem === null ? null : `The volume size is not accepted (${problem}).`;
    }
    case 'switchRunningMode':
      return runningModeTargets(d.runningMode).includes(request.mode) ? null : `The desktop can't switch to ${request.mode}.`;
    default:
      return null;
  }
}

/** The AWS call for one action; returns this desktop's FailedRequests, if any. */
async function callAws(client: WorkSpacesClient, request: BrokerActionRequest, workspaceId: string): Promise<readonly FailedWorkspaceChangeRequest[]> {
  const modify = async (props: WorkspaceProperties): Promise<readonly FailedWorkspaceChangeRequest[]> => {
    await client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: workspaceId, WorkspaceProperties: props }));
    return [];
  };
  switch (request.action) {
    case 'start':
      return (await client.send(new StartWorkspacesCommand({ StartWorkspaceRequests: [{ WorkspaceId: workspaceId }] }))).FailedRequests ?? [];
    case 'restart':
      return (await client.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: workspaceId }] }))).FailedRequests ?? [];
    case 'rebuild':
      return (await client.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: workspaceId }] }))).FailedRequests ?? [];
    case 'changeComputeType':
      return modify({ ComputeTypeName: request.computeType as WorkspaceProperties['ComputeTypeName'] });
    case 'increaseVolume':
      return modify({
        ...(request.rootGib === undefined ? {} : { RootVolumeSizeGib: request.rootGib }),
        ...(request.userGib === undefined ? {} : { UserVolumeSizeGib: request.userGib }),
      });
    case 'switchRunningMode':
      return modify({ RunningMode: request.mode, ...(request.mode === 'AUTO_STOP' ? { RunningModeAutoStopTimeoutInMinutes: 60 } : {}) });
  }
}

/**
 * Runs one self-service action on a desktop already proven to be the caller's: the directory's
 * self-service permissions and the desktop's state first (the broker's role could do more than the
 * user may), then AWS. Throws a BrokerFailure when refused.
 */
export async function runAction(
  client: WorkSpacesClient,
  request: BrokerActionRequest,
  desktop: BrokerDesktop,
  directory: BrokerDirectory,
  now: number,
): Promise<void> {
  const verdict = gate(request.action, desktop, directory.selfService, now);
  if (!verdict.allowed) throw new BrokerFailure('action-refused', GATE_REFUSALS[verdict.reason]);
  const problem = requestProblem(request, desktop);
  if (problem !== null) throw new BrokerFailure('invalid-request', problem);
  let failed: readonly FailedWorkspaceChangeRequest[];
  try {
    failed = await callAws(client, request, desktop.workspaceId);
  } catch (error) {
    throw fromAwsError(error);
  }
  const mine = failed.find((f) => f.WorkspaceId === undefined || f.WorkspaceId === desktop.workspaceId);
  if (mine !== undefined) {
    throw new BrokerFailure('action-refused', `AWS refused the action (${mine.ErrorCode ?? 'unknown'}).`, {
      awsError: (mine.ErrorCode ?? 'Unknown').slice(0, 128),
    });
  }
}
