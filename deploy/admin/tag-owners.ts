import { CreateTagsCommand, DescribeTagsCommand, DescribeWorkspacesCommand, type WorkSpacesClient, type Workspace } from '@aws-sdk/client-workspaces';

export interface TagOwnersOptions {
  readonly directoryId: string;
  readonly tagKey: string;
  readonly dryRun: boolean;
  /** Calls in flight at once (DescribeTags/CreateTags are per desktop). */
  readonly concurrency?: number;
  /** One line per change or failure, as it happens. */
  readonly report?: (line: string) => void;
}

export interface TagOwnersSummary {
  /** Desktops that had no owner tag and got one (or would, in a dry run). */
  readonly added: number;
  /** Desktops whose owner tag named someone else and was corrected (or would be). */
  readonly corrected: number;
  readonly unchanged: number;
  /** Terminated desktops or ones without a user name. */
  readonly skipped: number;
  readonly failed: number;
}

/** No tags on these: AWS is removing them. */
const GONE = new Set(['TERMINATING', 'TERMINATED']);

async function allWorkspaces(client: WorkSpacesClient, directoryId: string): Promise<Workspace[]> {
  const found: Workspace[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new DescribeWorkspacesCommand({ DirectoryId: directoryId, Limit: 25, ...(token === undefined ? {} : { NextToken: token }) }));
    found.push(...(out.Workspaces ?? []));
    token = out.NextToken;
  } while (token !== undefined);
  return found;
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}

/**
 * Sets each WorkSpace's owner tag to its UserName, the value the kit's policy compares with the
 * caller's principal tag. Idempotent: a desktop already tagged right is left alone; a dry run
 * only reports.
 */
export async function tagOwners(client: WorkSpacesClient, options: TagOwnersOptions): Promise<TagOwnersSummary> {
  const report = options.report ?? (() => undefined);
  const counts = { added: 0, corrected: 0, unchanged: 0, skipped: 0, failed: 0 };
  const workspaces = await allWorkspaces(client, options.directoryId);
  const would = options.dryRun ? 'would set' : 'set';
  await inPool(workspaces, options.concurrency ?? 4, async (ws) => {
    const id = ws.WorkspaceId ?? '';
    const owner = ws.UserName ?? '';
    if (id === '' || owner === '' || GONE.has(ws.State ?? '')) {
      counts.skipped += 1;
      return;
    }
    try {
      const tags = (await client.send(new DescribeTagsCommand({ ResourceId: id }))).TagList ?? [];
      const current = tags.find((t) => t.Key === options.tagKey)?.Value;
      if (current === owner) {
        counts.unchanged += 1;
        return;
      }
      if (!options.dryRun) await client.send(new CreateTagsCommand({ ResourceId: id, Tags: [{ Key: options.tagKey, Value: owner }] }));
      if (current === undefined) counts.added += 1;
      else counts.corrected += 1;
      report(`${id}: ${would} ${options.tagKey}=${owner}${current === undefined ? '' : ` (was ${current})`}`);
    } catch (error) {
      counts.failed += 1;
      report(`${id}: failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  });
  return counts;
}

export function describeSummary(summary: TagOwnersSummary, dryRun: boolean): string {
  const verb = dryRun ? 'Dry run, nothing changed: would add' : 'Added';
  return `${verb} ${summary.added}, ${dryRun ? 'would correct' : 'corrected'} ${summary.corrected}, unchanged ${summary.unchanged}, skipped ${summary.skipped}, failed ${summary.failed}.`;
}
