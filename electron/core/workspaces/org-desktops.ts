import { DescribeTagsCommand, type WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { OrgDesktops, OrgListStatus } from '../../../shared/ipc/domains/desktops';
import type { AppError } from '../../../shared/ipc/result';
import { type FailureKind, POLL_STABLE_MS } from '../../../shared/lib/polling-policy';
import type { Desktop } from '../../../shared/models/desktop';
import type { AuthSession } from '../auth/auth-session';
import { type DesktopTag, explainWorkspacesAccessDenied } from '../auth/workspaces-errors';
import type { ScopedLogger } from '../log/logger';
import type { Clock } from '../ports';
import { classify, describeFailure } from './aws-errors';
import { DirectoryNotFound, resolveDirectory, type ResolvedDirectory } from './directory';
import { Limiter } from './limiter';
import { listDesktops } from './list-desktops';
import { PagingError } from './pages';
import { type ConnectionInfo, toConnection, toDesktop } from './map-desktop';

export const CONNECT_TAG = 'deskbridge:connect';
/** Tags cost one call per desktop: fetched up front only for lists this small, else on demand. */
export const EAGER_TAG_LIMIT = 50;
/**
 * The directory's self-service permissions are read again on the slow cadence: at the first poll
 * after every 8 stable periods (about 10 minutes). Every stable poll would add 50 calls an hour
 * and break the budget of 120 calls an hour for a stable list (test/core/workspaces/scheduler.test.ts).
 */
export const DIRECTORY_REREAD_MS = 8 * POLL_STABLE_MS;

export interface OrgRefreshResult {
  readonly ok: boolean;
  readonly kind?: FailureKind;
  /** The refresh's generation (see OrgDesktopsState.started). */
  readonly generation: number;
}

/** One signed-in organization's desktops, kept across refreshes: a failed refresh loses nothing. */
export class OrgDesktopsState {
  readonly client: WorkSpacesClient;
  status: OrgListStatus = 'loading';
  error: AppError | undefined;
  failureKind: FailureKind | undefined;
  directory: ResolvedDirectory | undefined;
  readonly desktops = new Map<string, Desktop>();
  readonly connections = new Map<string, ConnectionInfo>();
  /** workspaceId → the deskbridge:connect tag, or null when the desktop has none. */
  readonly tags = new Map<string, string | null>();
  /** Refreshes started so far; each refresh's number is its generation. */
  started = 0;
  private readonly tagLimiter = new Limiter(4);
  /** Connection status is failing (logged once until a batch succeeds again, not on every poll). */
  private statusFailing = false;
  /** When the directory (and its permissions) was last read, in clock time. */
  private directoryReadAt = 0;

  constructor(
    readonly session: AuthSession,
    private readonly log: ScopedLogger,
    private readonly clock: Clock,
    client: WorkSpacesClient,
  ) {
    this.client = client;
  }

  get orgId(): string {
    return this.session.org.id;
  }

  /**
   * Lists everything again. `onPage` fires after each page is merged (first page → shown at once).
   * `holds(workspaceId, generation)` keeps a desktop's optimistic state from an action that
   * finished after this refresh began.
   */
  async refresh(onPage: (pageIndex: number) => void, holds: (workspaceId: string, generation: number) => boolean): Promise<OrgRefreshResult> {
    const generation = ++this.started;
    const org = this.session.org;
    if (org.region === null && org.endpoints?.workspaces === undefined) {
      this.fail({ code: 'desktops.noRegion', message: `The Region of ${org.name} is unknown. Edit the organization and choose its Region.`, params: { org: org.name } }, 'other');
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
    for (const id of [...this.desktops.keys()]) {
      if (!seen.has(id)) {
        this.desktops.delete(id);
        this.connections.delete(id);
        this.tags.delete(id);
      }
    }
    this.status = 'ready';
    this.error = undefined;
    this.failureKind = undefined;
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

  describe(count: number): OrgDesktops {
    return {
      orgId: this.orgId,
      orgName: this.session.org.name,
      userName: this.session.userName,
      status: this.status,
      count,
      ...(this.directory === undefined ? {} : { directoryId: this.directory.directoryId, permissions: this.directory.permissions }),
      ...(this.error === undefined ? {} : { error: this.error }),
    };
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

  /** Keeps when the desktop entered its state; a state seen for the first time counts from now. */
  private withStateSince(listed: Desktop): Desktop {
    const previous = this.desktops.get(listed.workspaceId);
    const since = previous?.state === listed.state && previous.stateSince !== undefined ? previous.stateSince : this.clock.now();
    return { ...listed, stateSince: since };
  }

  private fail(error: AppError, kind: FailureKind): void {
    this.error = error;
    this.failureKind = kind;
    this.status = 'error';
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
