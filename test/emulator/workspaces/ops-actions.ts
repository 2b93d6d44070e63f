import { type OpContext, type Operation, requireSelfService, visibleWorkspace } from './context';
import { ApiError } from './errors';
import { reqList, workspaceIdItems } from './input';
import { begin } from './lifecycle';
import type { WorkspaceRecord, WorkspaceState } from './types';

interface Failure {
  WorkspaceId: string;
  ErrorCode: string;
  ErrorMessage: string;
}

type Check = (ws: WorkspaceRecord) => Failure | undefined;

/**
 * The states each call accepts, as the API reference (the operations' documentation in the
 * WorkSpaces service model) words them; test/emulator/self-service-rules.test.ts compares them.
 */
export const ACCEPTED_STATES = {
  StartWorkspaces: ['STOPPED'],
  StopWorkspaces: ['AVAILABLE', 'IMPAIRED', 'UNHEALTHY', 'ERROR'],
  RebootWorkspaces: ['AVAILABLE', 'UNHEALTHY'],
  RebuildWorkspaces: ['AVAILABLE', 'ERROR', 'UNHEALTHY', 'STOPPED', 'REBOOTING'],
} as const satisfies Readonly<Record<string, readonly WorkspaceState[]>>;

/** RebootWorkspaces also takes a WorkSpace that has been stuck in REBOOTING for over 20 minutes. */
export const REBOOT_STUCK_MS = 20 * 60_000;

const invalidState = (ws: WorkspaceRecord): Failure => ({
  WorkspaceId: ws.id,
  ErrorCode: 'InvalidResourceState',
  ErrorMessage: `The WorkSpace ${ws.id} is in state ${ws.state}, which is not valid for this operation.`,
});

const requireStates =
  (states: readonly WorkspaceState[]): Check =>
  (ws) =>
    states.includes(ws.state) ? undefined : invalidState(ws);

const requireRebootable =
  (now: number): Check =>
  (ws) => {
    const stuck = ws.state === 'REBOOTING' && ws.stateSince !== undefined && now - ws.stateSince > REBOOT_STUCK_MS;
    return stuck ? undefined : requireStates(ACCEPTED_STATES.RebootWorkspaces)(ws);
  };

const requireStoppableMode: Check = (ws) =>
  ws.props.runningMode === 'ALWAYS_ON'
    ? {
        WorkspaceId: ws.id,
        ErrorCode: 'UnsupportedOperation',
        ErrorMessage: 'Only WorkSpaces with the AUTO_STOP or MANUAL running mode can be started or stopped.',
      }
    : undefined;

function batch(ctx: OpContext, ids: readonly string[], checks: readonly Check[], act: (ws: WorkspaceRecord) => void): Record<string, unknown> {
  const failed: Failure[] = [];
  for (const id of ids) {
    const ws = visibleWorkspace(ctx, id);
    if (ws === undefined) {
      failed.push({ WorkspaceId: id, ErrorCode: 'ResourceNotFound', ErrorMessage: `The WorkSpace ${id} could not be found.` });
      continue;
    }
    const failure = checks.map((check) => check(ws)).find((f) => f !== undefined);
    if (failure !== undefined) {
      failed.push(failure);
      continue;
    }
    act(ws);
  }
  return { FailedRequests: failed };
}

export const startWorkspaces: Operation = (input, ctx) => {
  const ids = workspaceIdItems(reqList(input, 'StartWorkspaceRequests', 1, 25), 'StartWorkspaceRequests');
  return batch(ctx, ids, [requireStoppableMode, requireStates(ACCEPTED_STATES.StartWorkspaces)], (ws) =>
    begin(ws, 'STARTING', 'AVAILABLE', ctx.now, ctx.store.durations.startMs),
  );
};

export const stopWorkspaces: Operation = (input, ctx) => {
  const ids = workspaceIdItems(reqList(input, 'StopWorkspaceRequests', 1, 25), 'StopWorkspaceRequests');
  return batch(ctx, ids, [requireStoppableMode, requireStates(ACCEPTED_STATES.StopWorkspaces)], (ws) =>
    begin(ws, 'STOPPING', 'STOPPED', ctx.now, ctx.store.durations.stopMs),
  );
};

export const rebootWorkspaces: Operation = (input, ctx) => {
  const ids = workspaceIdItems(reqList(input, 'RebootWorkspaceRequests', 1, 25), 'RebootWorkspaceRequests');
  for (const id of ids) {
    const ws = visibleWorkspace(ctx, id);
    if (ws !== undefined) requireSelfService(ctx, ws, 'RestartWorkspace');
  }
  return batch(ctx, ids, [requireRebootable(ctx.now)], (ws) => begin(ws, 'REBOOTING', 'AVAILABLE', ctx.now, ctx.store.durations.rebootMs));
};

export const rebuildWorkspaces: Operation = (input, ctx) => {
  const ids = workspaceIdItems(reqList(input, 'RebuildWorkspaceRequests', 1, 1), 'RebuildWorkspaceRequests');
  const target = ids[0] === undefined ? undefined : visibleWorkspace(ctx, ids[0]);
  if (target !== undefined) {
    requireSelfService(ctx, target, 'RebuildWorkspace');
    if (target.modification !== undefined) {
      throw new ApiError('OperationNotSupportedException', 'The WorkSpace cannot be rebuilt while a modification is in progress.');
    }
  }
  return batch(ctx, ids, [requireStates(ACCEPTED_STATES.RebuildWorkspaces)], (ws) =>
    begin(ws, 'REBUILDING', 'AVAILABLE', ctx.now, ctx.store.durations.rebuildMs),
  );
};
