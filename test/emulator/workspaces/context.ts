import type { Principal } from '../credentials';
import { accessDenied } from './errors';
import type { Input } from './input';
import type { WorkspacesStore } from './store';
import type { DirectoryRecord, SelfservicePermissions, WorkspaceRecord } from './types';

export interface OpContext {
  readonly store: WorkspacesStore;
  readonly principal: Principal;
  readonly now: number;
}

export type Operation = (input: Input, ctx: OpContext) => Record<string, unknown>;

/**
 * A workspace by id; undefined when missing. Who may see it was decided by IAM before the
 * operation ran (authorize.ts): the Describe actions have no resource type, so a role that may
 * describe sees the whole account and Region.
 */
export function visibleWorkspace(ctx: OpContext, id: string): WorkspaceRecord | undefined {
  return ctx.store.get(id);
}

/** End-user sessions are held to the directory's self-service settings. */
export function requireSelfService(ctx: OpContext, ws: WorkspaceRecord, permission: keyof SelfservicePermissions): void {
  if (!ctx.principal.endUser) return;
  const directory: DirectoryRecord | undefined = ctx.store.directories.get(ws.directoryId);
  if (directory?.selfservice[permission] !== 'ENABLED') {
    throw accessDenied(`User is not authorized to perform this action: self-service ${permission} is disabled for directory ${ws.directoryId}.`);
  }
}
