import {
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  type WorkSpacesClient,
  type Workspace,
  type WorkspaceConnectionStatus,
} from '@aws-sdk/client-workspaces';
import { Limiter } from './limiter';

export const PAGE_LIMIT = 25;
export const STATUS_BATCH = 25;
export const STATUS_CONCURRENCY = 4;

export interface ListSinks {
  /** Each page of DescribeWorkspaces, as soon as it arrives. */
  onPage(workspaces: readonly Workspace[], pageIndex: number): void;
  /** Each batch of connection statuses, as soon as it arrives. */
  onStatuses(statuses: readonly WorkspaceConnectionStatus[]): void;
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
 * Rejects with the first error after every started call has settled (nothing dangles).
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
  try {
    do {
      const out = await client.send(
        new DescribeWorkspacesCommand({ DirectoryId: directoryId, UserName: userName, Limit: PAGE_LIMIT, ...(token === undefined ? {} : { NextToken: token }) }),
      );
      const page = ownDesktops(out.Workspaces ?? [], userName);
      sinks.onPage(page, pageIndex);
      pageIndex += 1;
      const pageIds = page.map((w) => w.WorkspaceId).filter((id): id is string => id !== undefined);
      ids.push(...pageIds);
      for (let i = 0; i < pageIds.length; i += STATUS_BATCH) {
        const batch = pageIds.slice(i, i + STATUS_BATCH);
        const call = limiter.run(async () => {
          const status = await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: batch }));
          sinks.onStatuses(status.WorkspacesConnectionStatus ?? []);
        });
        // Observed below with allSettled; until then a rejection must not count as unhandled.
        call.catch(() => undefined);
        statusCalls.push(call);
      }
      token = out.NextToken;
    } while (token !== undefined);
  } catch (error) {
    pageError = error instanceof Error ? error : new Error(String(error));
  }
  const settled = await Promise.allSettled(statusCalls);
  if (pageError !== undefined) throw pageError;
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  return ids;
}
