import {
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  type WorkSpacesClient,
  type Workspace,
  type WorkspaceConnectionStatus,
} from '@aws-sdk/client-workspaces';
import { Limiter } from '@shared/lib/limiter';
import { MAX_DESKTOP_PAGES, PageChain } from './pages';

export const PAGE_LIMIT = 25;
export const STATUS_BATCH = 25;
export const STATUS_CONCURRENCY = 4;

export interface ListSinks {
  /** Each page of DescribeWorkspaces, as soon as it arrives. */
  onPage(workspaces: readonly Workspace[], pageIndex: number): void;
  /** Each batch of connection statuses, as soon as it arrives. */
  onStatuses(statuses: readonly WorkspaceConnectionStatus[]): void;
  /** A batch of connection statuses failed: those desktops are listed all the same, connection unknown. */
  onStatusesFailed(workspaceIds: readonly string[], error: unknown): void;
}

/**
 * Only the user's own desktops: IAM cannot scope DescribeWorkspaces, so the UserName filter is the
 * client's courtesy and anything else the API returns is dropped here, before it is kept, logged,
 * asked about (connection status) or shown.
 */
export function ownDesktops(page: readonly Workspace[], userName: string): Workspace[] {
  const wanted = userName.toLowerCase();
  return page.filter((w) => w.UserName?.toLowerCase() === wanted);
}

/**
 * All of a user's WorkSpaces in a directory: the pages follow each other (NextToken is
 * sequential), and each page's connection-status batch starts the moment the page arrives, with
 * bounded concurrency — so the whole list takes about as long as the page chain alone.
 * Connection status is a detail: a failed batch (throttled, or a role without
 * DescribeWorkspacesConnectionStatus) goes to `onStatusesFailed` and never fails the list.
 * The chain of pages is bounded (see PageChain). Rejects with a page's error after every started call has settled (nothing dangles).
 */
export async function listDesktops(
  client: WorkSpacesClient,
  directoryId: string,
  userName: string,
  sinks: ListSinks,
  limiter: Limiter = new Limiter(STATUS_CONCURRENCY),
): Promise<readonly string[]> {
  const ids: string[] = [];
  const statusCalls: Promise<void>[] = [];
  let token: string | undefined;
  let pageIndex = 0;
  let pageError: Error | undefined;
  const chain = new PageChain('your desktops', MAX_DESKTOP_PAGES);
  try {
    do {
      const out = await client.send(
        new DescribeWorkspacesCommand({
          DirectoryId: directoryId,
          UserName: userName,
          Limit: PAGE_LIMIT,
          ...(token === undefined ? {} : { NextToken: token }),
        }),
      );
      const page = ownDesktops(out.Workspaces ?? [], userName);
      sinks.onPage(page, pageIndex);
      pageIndex += 1;
      const pageIds = page.map((w) => w.WorkspaceId).filter((id): id is string => id !== undefined);
      ids.push(...pageIds);
      for (let i = 0; i < pageIds.length; i += STATUS_BATCH) statusCalls.push(statusBatch(client, pageIds.slice(i, i + STATUS_BATCH), sinks, limiter));
      token = chain.next(out.NextToken);
    } while (token !== undefined);
  } catch (error) {
    pageError = error instanceof Error ? error : new Error(String(error));
  }
  await Promise.all(statusCalls);
  if (pageError !== undefined) throw pageError;
  return ids;
}

/** One DescribeWorkspacesConnectionStatus call; never rejects (a failure goes to the sink). */
function statusBatch(client: WorkSpacesClient, batch: readonly string[], sinks: ListSinks, limiter: Limiter): Promise<void> {
  return limiter
    .run(() => client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: [...batch] })))
    .then(
      (status) => sinks.onStatuses(status.WorkspacesConnectionStatus ?? []),
      (error: unknown) => sinks.onStatusesFailed(batch, error),
    );
}
