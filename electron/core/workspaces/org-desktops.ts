import {
  DescribeTagsCommand,
  ModifyWorkspacePropertiesCommand,
  RebootWorkspacesCommand,
  RebuildWorkspacesCommand,
  StartWorkspacesCommand,
  type WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { POLL_STABLE_MS } from '@shared/lib/polling-policy';
import type { Desktop } from '@shared/models/desktop';
import type { AuthSession } from '../auth/auth-session';
import { type DesktopTag, explainWorkspacesAccessDenied } from '../auth/workspaces-errors';
import type { ScopedLogger } from '../log/logger';
import type { NetworkFetch } from '../network/port';
import type { Clock } from '../ports';
import { classify, describeFailure } from './aws-errors';
import { createWorkspacesClient } from './client';
import { DirectoryNotFound, resolveDirectory, type ResolvedDirectory } from './directory';
import { Limiter } from '@shared/lib/limiter';
import { listDesktops } from './list-desktops';
import { PagingError } from './pages';
import { toConnection, toDesktop } from './map-desktop';
import { type ActionFailure, type DesktopActionRequest, DesktopSource, type OrgRefreshResult } from './source';

export type { OrgRefreshResult } from './source';

export const CONNECT_TAG = 'deskbridge:connect';
/** Tags cost one call per desktop: fetched up front only for lists this small, else on demand. */
export const EAGER_TAG_LIMIT = 50;
/**
 * The directory's self-service permissions are read again on the slow cadence: at the first poll
 * after every 25 stable periods (30 minutes), so an administrator's change shows within half an
 * hour without a new sign-in. Every stable poll would add 50 calls an hour, and every 10 minutes 6:
 * with a sign-in's first load, tags and renewal that breaks the budget of 120 calls in the first
 * hour for 10 stable desktops (test/core/workspaces/renewal-calls.test.ts).
 */
export const DIRECTORY_REREAD_MS = 25 * POLL_STABLE_MS;

export { sameSignIn } from './source';

/** AWS direct: the desktop source on the WorkSpaces API, with the organization's role. */
export class OrgDesktopsState extends DesktopSource {
  readonly kind = 'aws' as const;
  readonly client: WorkSpacesClient;
  private readonly tagLimiter = new Limiter(4);
  /** Connection status is failing (logged once until a batch succeeds again, not on every poll). */
  private statusFailing = false;
  /** When the directory (and its permissions) was last read, in clock time. */
  private directoryReadAt = 0;

  constructor(
    session: AuthSession,
    private readonly log: ScopedLogger,
    clock: Clock,
    /** A client (tests), or the network port's fetch to build one with. */
    client: WorkSpacesClient | NetworkFetch,
  ) {
    super(session, clock);
    // The client asks the current session for credentials, so it outlives a renewal (see sameSignIn).
    this.client = typeof client === 'function' ? createWorkspacesClient({ org: session.org, credentials: () => this.session.credentials() }, client) : client;
  }

  async refresh(onPage: (pageIndex: number) => void, holds: (workspaceId: string, generation: number) => boolean): Promise<OrgRefreshResult> {
    const generation = ++this.started;
    const org = this.session.org;
    if (org.region === null && org.endpoints?.workspaces === undefined) {
      this.fail(
        { code: 'desktops.noRegion', message: `The Region of ${org.name} is unknown. Edit the organization and choose its Region.`, params: { org: org.name } },
        'other',
      );
      return { ok: false, kind: 'other', generation };
    }
    const seen = new Set<string>();
    try {
      // With the directory id in the profile, its permissions load alongside the first page.
      const directoryId = this.directory?.directoryId ?? org.directoryId;
      const lookup = this.lookupDirectory();
      const listing = directoryId === undefined ? undefined : this.list(directoryId, org.id, generation, seen, onPage, holds);
      // Both settle before anything is reported: nothing keeps running behind a failure.
      const [found, listed] = await Promise.allSettled([lookup, listing ?? Promise.resolve([])]);
      if (found.status === 'rejected') throw asError(found.reason);
      this.directory = found.value;
      if (listing === undefined) await this.list(found.value.directoryId, org.id, generation, seen, onPage, holds);
      else if (listed.status === 'rejected') throw asError(listed.reason);
    } catch (error) {
      if (error instanceof DirectoryNotFound) {
        this.fail({ code: 'desktops.directoryNotFound', message: error.message, details: error.message }, 'other');
        return { ok: false, kind: 'other', generation };
      }
      if (error instanceof PagingError) {
        this.log.warn(`Refreshing the desktops of ${org.name} stopped: ${error.message}`);
        this.fail({ code: 'desktops.paging', message: error.message, details: error.message }, 'other');
        return { ok: false, kind: 'other', generation };
      }
      const kind = classify(error);
      this.log.warn(`Refreshing the desktops of ${org.name} failed (${kind})`, error);
      this.fail(explainWorkspacesAccessDenied(this.session, error) ?? describeFailure(error, { orgName: org.name, region: org.region }), kind);
      return { ok: false, kind, generation };
    }
    this.forgetUnseen(seen);
    this.succeed();
    return { ok: true, generation };
  }

  /**
   * The directory and its self-service permissions: read at the first refresh and again on the slow
   * cadence, so an administrator's change shows without a new sign-in. A failed re-read keeps
   * what was known (and tries again next time), unless the directory is gone.
   */
  private lookupDirectory(): Promise<ResolvedDirectory> {
    const known = this.directory;
    const now = this.clock.now();
    if (known !== undefined && now - this.directoryReadAt < DIRECTORY_REREAD_MS) return Promise.resolve(known);
    const read = resolveDirectory(this.client, known === undefined ? this.session.org : { ...this.session.org, directoryId: known.directoryId });
    return read.then(
      (found) => {
        this.directoryReadAt = now;
        return found;
      },
      (error: unknown) => {
        if (known === undefined || error instanceof DirectoryNotFound) throw error;
        this.log.warn(`Reading the self-service permissions of ${this.session.org.name} again failed (${classify(error)})`, error);
        return known;
      },
    );
  }

  /** Fetches the deskbridge:connect tags not yet known, when the list is small (see EAGER_TAG_LIMIT). */
  async loadTags(): Promise<boolean> {
    if (this.desktops.size > EAGER_TAG_LIMIT) return false;
    const missing = [...this.desktops.keys()].filter((id) => !this.tags.has(id));
    await Promise.all(missing.map((id) => this.connectTag(id).catch(() => undefined)));
    return missing.length > 0;
  }

  /** The deskbridge:connect tag of one desktop (cached for the session). */
  async connectTag(workspaceId: string): Promise<string | null> {
    const known = this.tags.get(workspaceId);
    if (known !== undefined) return known;
    const out = await this.tagLimiter.run(() => this.client.send(new DescribeTagsCommand({ ResourceId: workspaceId })));
    const value = out.TagList?.find((t) => t.Key === CONNECT_TAG)?.Value ?? null;
    this.tags.set(workspaceId, value);
    return value;
  }

  /** All tags of one of the user's desktops (to explain a refusal); refreshes the cached deskbridge:connect tag. */
  async desktopTags(workspaceId: string): Promise<readonly DesktopTag[]> {
    const out = await this.tagLimiter.run(() => this.client.send(new DescribeTagsCommand({ ResourceId: workspaceId })));
    const tags = out.TagList ?? [];
    this.tags.set(workspaceId, tags.find((t) => t.Key === CONNECT_TAG)?.Value ?? null);
    return tags;
  }

  /** One self-service action as WorkSpaces API calls (one desktop per call). */
  async act(d: Desktop, request: DesktopActionRequest): Promise<readonly ActionFailure[]> {
    const target = { WorkspaceId: d.workspaceId };
    switch (request.action) {
      case 'start':
        return (await this.client.send(new StartWorkspacesCommand({ StartWorkspaceRequests: [target] }))).FailedRequests ?? [];
      case 'restart':
        return (await this.client.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [target] }))).FailedRequests ?? [];
      case 'rebuild':
        // One desktop per call, always (the API allows exactly one).
        return (await this.client.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [target] }))).FailedRequests ?? [];
      case 'changeComputeType':
        return this.modify(d, { ComputeTypeName: request.computeType as never });
      case 'increaseVolume':
        return this.modify(d, {
          ...(request.rootGib === undefined ? {} : { RootVolumeSizeGib: request.rootGib }),
          ...(request.userGib === undefined ? {} : { UserVolumeSizeGib: request.userGib }),
        });
      case 'switchRunningMode':
        return this.modify(d, { RunningMode: request.mode, ...(request.mode === 'AUTO_STOP' ? { RunningModeAutoStopTimeoutInMinutes: 60 } : {}) });
    }
  }

  private async modify(
    d: Desktop,
    props: NonNullable<ConstructorParameters<typeof ModifyWorkspacePropertiesCommand>[0]['WorkspaceProperties']>,
  ): Promise<readonly ActionFailure[]> {
    await this.client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: d.workspaceId, WorkspaceProperties: props }));
    return [];
  }

  dispose(): void {
    this.client.destroy();
  }

  private list(
    directoryId: string,
    orgId: string,
    generation: number,
    seen: Set<string>,
    onPage: (pageIndex: number) => void,
    holds: (workspaceId: string, generation: number) => boolean,
  ): Promise<readonly string[]> {
    return listDesktops(this.client, directoryId, this.session.userName, {
      onPage: (page, index) => {
        for (const ws of page) {
          const listed = toDesktop(orgId, ws, this.session.userName);
          if (listed === null) continue;
          seen.add(listed.workspaceId);
          if (!holds(listed.workspaceId, generation)) this.desktops.set(listed.workspaceId, this.withStateSince(listed));
        }
        if (this.status === 'loading') this.status = 'partial';
        onPage(index);
      },
      onStatuses: (statuses) => {
        for (const s of statuses) if (s.WorkspaceId !== undefined) this.connections.set(s.WorkspaceId, toConnection(s));
        this.statusFailing = false;
      },
      onStatusesFailed: (workspaceIds, error) => {
        // The desktops themselves arrived: only whether someone is connected is unknown now.
        for (const id of workspaceIds) this.connections.set(id, { connectionState: 'UNKNOWN' });
        if (!this.statusFailing) this.log.warn(`The connection status of desktops of ${this.session.org.name} is unknown (${classify(error)})`, error);
        this.statusFailing = true;
      },
    });
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
