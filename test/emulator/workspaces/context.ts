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

export function canSeeDirectory(ctx: OpContext, directoryId: string): boolean {
  const allowed = ctx.principal.directoryIds;
  return allowed === 'all' || allowed.includes(directoryId);
}

/** A workspace the caller may see, settled; undefined when missing or out of scope. */
export function visibleWorkspace(ctx: OpContext, id: string): WorkspaceRecord | undefined {
  const ws = ctx.store.get(id);
  return ws !== undefined && canSeeDirectory(ctx, ws.directoryId) ? ws : undefined;
}

/** End-user sessions are held to the directory's self-service settings. */
export function requireSelfService(ctx: OpContext, ws: WorkspaceRecord, permission: keyof SelfservicePermissions): void {
  if (!ctx.principal.endUser) return;
  const directory: DirectoryRecord | undefined = ctx.store.directories.get(ws.directoryId);
  if (directory?.selfservice[permission] !== 'ENABLED') {
    throw accessDenied(`User is not authorized to perform this action: self-service ${permission} is disabled for directory ${ws.directoryId}.`);
  }
}
