import {
  DescribeTagsCommand,
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  type WorkSpacesClient,
  type Workspace,
  type WorkspaceConnectionStatus,
  type WorkspaceDirectory,
} from '@aws-sdk/client-workspaces';
import { type BrokerDesktop, type BrokerDirectory, brokerDesktopSchema, brokerDirectorySchema } from '../../shared/broker/api';
import { CONNECT_TAG, toConnection, toDesktopFields, toPermissions } from '../../shared/lib/map-desktop';
import { Limiter } from '../../shared/lib/limiter';
import type { DirectorySnapshot } from './sweep-cache';

/** DescribeWorkspaces, DescribeWorkspacesConnectionStatus and DescribeWorkspaceDirectories take at most 25. */
export const PAGE_LIMIT = 25;
/** At most this many pages per directory (25 × 800 = 20,000 desktops) before a sweep gives up. */
export const MAX_PAGES = 800;
/** Connection-status batches in flight at once during a sweep. */
export const STATUS_CONCURRENCY = 4;

/** Thrown when a NextToken chain repeats or runs past MAX_PAGES (a misbehaving endpoint). */
export class SweepError extends Error {
  override readonly name = 'SweepError';
}

/** The directories the broker serves: IT's list, or every directory of the Region. */
export async function describeDirectories(client: WorkSpacesClient, directoryIds: readonly string[] | undefined): Promise<BrokerDirectory[]> {
  const found: WorkspaceDirectory[] = [];
  if (directoryIds !== undefined) {
    for (let i = 0; i < directoryIds.length; i += PAGE_LIMIT) {
      const out = await client.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: directoryIds.slice(i, i + PAGE_LIMIT) }));
      found.push(...(out.Directories ?? []));
    }
  } else {
    await followPages(async (token) => {
      const out = await client.send(new DescribeWorkspaceDirectoriesCommand({ Limit: PAGE_LIMIT, ...(token === undefined ? {} : { NextToken: token }) }));
      found.push(...(out.Directories ?? []));
      return out.NextToken;
    });
  }
  return found.flatMap((d) => {
    const parsed = brokerDirectorySchema.safeParse({ directoryId: d.DirectoryId, selfService: toPermissions(d.SelfservicePermissions) });
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Every desktop of one directory, whoever owns it: DescribeWorkspaces by DirectoryId page after
 * page, each page's connection statuses fetched as soon as the page arrives (bounded concurrency).
 * A failed status batch leaves those desktops without connection status; a failed page fails the sweep.
 */
export async function sweepDirectory(client: WorkSpacesClient, directory: BrokerDirectory, now: number): Promise<DirectorySnapshot> {
  const workspaces: Workspace[] = [];
  const statuses = new Map<string, WorkspaceConnectionStatus>();
  const limiter = new Limiter(STATUS_CONCURRENCY);
  const statusCalls: Promise<void>[] = [];
  let pageError: Error | undefined;
  try {
    await followPages(async (token) => {
      const out = await client.send(
        new DescribeWorkspacesCommand({ DirectoryId: directory.directoryId, Limit: PAGE_LIMIT, ...(token === undefined ? {} : { NextToken: token }) }),
      );
      const page = out.Workspaces ?? [];
      workspaces.push(...page);
      const ids = page.map((w) => w.WorkspaceId).filter((id): id is string => id !== undefined);
      if (ids.length > 0) statusCalls.push(statusBatch(client, ids, limiter, statuses));
      return out.NextToken;
    });
  } catch (error) {
    pageError = error instanceof Error ? error : new Error(String(error));
  }
  await Promise.all(statusCalls);
  if (pageError !== undefined) throw pageError;
  return { directory, desktops: toBrokerDesktops(workspaces, statuses, directory.directoryId), asOf: now };
}

/** One desktop re-read (after an action): its description and connection status, nothing else. */
export async function readDesktop(client: WorkSpacesClient, workspaceId: string): Promise<BrokerDesktop | undefined> {
  const [described, status] = await Promise.all([
    client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [workspaceId] })),
    client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: [workspaceId] })).catch(() => undefined),
  ]);
  const statuses = new Map((status?.WorkspacesConnectionStatus ?? []).map((s) => [s.WorkspaceId ?? '', s]));
  const ws = (described.Workspaces ?? []).filter((w) => w.WorkspaceId === workspaceId);
  return toBrokerDesktops(ws, statuses, undefined)[0];
}

/** The deskbridge:connect tag of one desktop, or null when it has none. */
export async function readConnectTag(client: WorkSpacesClient, workspaceId: string): Promise<string | null> {
  const out = await client.send(new DescribeTagsCommand({ ResourceId: workspaceId }));
  return out.TagList?.find((t) => t.Key === CONNECT_TAG)?.Value ?? null;
}

async function statusBatch(client: WorkSpacesClient, ids: readonly string[], limiter: Limiter, into: Map<string, WorkspaceConnectionStatus>): Promise<void> {
  try {
    const out = await limiter.run(() => client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: [...ids] })));
    for (const status of out.WorkspacesConnectionStatus ?? []) if (status.WorkspaceId !== undefined) into.set(status.WorkspaceId, status);
  } catch {
    // Connection status is a detail: the desktops are listed without it.
  }
}

/** Maps and schema-checks; a desktop AWS describes in a way the contract can't carry is left out. */
function toBrokerDesktops(
  workspaces: readonly Workspace[],
  statuses: ReadonlyMap<string, WorkspaceConnectionStatus>,
  directoryId: string | undefined,
): BrokerDesktop[] {
  const desktops: BrokerDesktop[] = [];
  for (const ws of workspaces) {
    if (ws.UserName === undefined || (directoryId !== undefined && ws.DirectoryId !== directoryId)) continue;
    const fields = toDesktopFields(ws, ws.UserName);
    if (fields === null) continue;
    const status = statuses.get(fields.workspaceId);
    const parsed = brokerDesktopSchema.safeParse({ ...fields, ...(status === undefined ? {} : toConnection(status)) });
    if (parsed.success) desktops.push(parsed.data);
  }
  return desktops;
}

async function followPages(page: (token: string | undefined) => Promise<string | undefined>): Promise<void> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (let pages = 1; ; pages += 1) {
    token = await page(token);
    if (token === undefined || token === '') return;
    if (seen.has(token)) throw new SweepError(`AWS sent the same page token twice after ${pages} pages.`);
    if (pages >= MAX_PAGES) throw new SweepError(`A sweep took more than ${MAX_PAGES} pages.`);
    seen.add(token);
  }
}
