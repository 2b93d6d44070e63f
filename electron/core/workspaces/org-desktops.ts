import { DescribeTagsCommand, type WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { OrgDesktops, OrgListStatus } from '../../../shared/ipc/domains/desktops';
import type { AppError } from '../../../shared/ipc/result';
import type { FailureKind } from '../../../shared/lib/polling-policy';
import type { Desktop } from '../../../shared/models/desktop';
import type { AuthSession } from '../auth/auth-session';
import { type DesktopTag, explainWorkspacesAccessDenied } from '../auth/workspaces-errors';
import type { ScopedLogger } from '../log/logger';
import { classify, describeFailure } from './aws-errors';
import { createWorkspacesClient } from './client';
import { DirectoryNotFound, resolveDirectory, type ResolvedDirectory } from './directory';
import { Limiter } from './limiter';
import { listDesktops } from './list-desktops';
import { type ConnectionInfo, toConnection, toDesktop } from './map-desktop';

export const CONNECT_TAG = 'deskbridge:connect';
/** Tags cost one call per desktop: fetched up front only for lists this small, else on demand. */
export const EAGER_TAG_LIMIT = 50;

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

  constructor(
    readonly session: AuthSession,
    private readonly log: ScopedLogger,
    client?: WorkSpacesClient,
  ) {
    this.client = client ?? createWorkspacesClient(session);
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
      this.fail({ code: 'desktops.noRegion', message: `The Region of ${org.name} is unknown. Edit the organization and choose its Region.` }, 'other');
      return { ok: false, kind: 'other', generation };
    }
    const seen = new Set<string>();
    try {
      // With the directory id in the profile, its permissions load alongside the first page.
      const directoryId = this.directory?.directoryId ?? org.directoryId;
      const lookup = this.directory === undefined ? resolveDirectory(this.client, org) : Promise.resolve(this.directory);
      const listing = directoryId === undefined ? undefined : this.list(directoryId, org.id, generation, seen, onPage, holds);
      // Both settle before anything is reported: nothing keeps running behind a failure.
      const [found, listed] = await Promise.allSettled([lookup, listing ?? Promise.resolve([])]);
      if (found.status === 'rejected') throw asError(found.reason);
      this.directory = found.value;
      if (listing === undefined) await this.list(found.value.directoryId, org.id, generation, seen, onPage, holds);
      else if (listed.status === 'rejected') throw asError(listed.reason);
    } catch (error) {
      if (error instanceof DirectoryNotFound) {
        this.fail({ code: 'desktops.directoryNotFound', message: error.message }, 'other');
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
          const desktop = toDesktop(orgId, ws, this.session.userName);
          if (desktop === null) continue;
          seen.add(desktop.workspaceId);
          if (!holds(desktop.workspaceId, generation)) this.desktops.set(desktop.workspaceId, desktop);
        }
        if (this.status === 'loading') this.status = 'partial';
        onPage(index);
      },
      onStatuses: (statuses) => {
        for (const s of statuses) if (s.WorkspaceId !== undefined) this.connections.set(s.WorkspaceId, toConnection(s));
      },
    });
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
