/**
 * The desktop source port (issue 14): where one signed-in organization's desktops come from and
 * where its self-service actions go. AWS direct (org-desktops.ts: the WorkSpaces API with the
 * organization's role) or the organization's broker (broker-source.ts: the device holds no AWS
 * credentials). The list, live updates, actions and launch work the same through either; the
 * DesktopService owns the polling and the only timer.
 */
import type { OrgDesktops, OrgListStatus } from '@shared/ipc/domains/desktops';
import type { AppError } from '@shared/ipc/result';
import type { BrokerActionRequest } from '@shared/broker/api';
import type { FailureKind } from '@shared/lib/polling-policy';
import type { Desktop } from '@shared/models/desktop';
import type { AuthSession } from '../auth/auth-session';
import type { DesktopTag } from '../auth/workspaces-errors';
import type { Clock } from '../ports';
import type { ResolvedDirectory } from './directory';
import type { ConnectionInfo } from './map-desktop';

/** A self-service action as either source carries it out (the broker's wire vocabulary). */
export type DesktopActionRequest = BrokerActionRequest;

/** The source refused the action for this desktop (AWS's FailedRequests entry). */
export interface ActionFailure {
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
  readonly WorkspaceId?: string;
}

export interface OrgRefreshResult {
  readonly ok: boolean;
  readonly kind?: FailureKind;
  /** The source asked to wait this long before trying again (a broker's Retry-After). */
  readonly retryAfterMs?: number;
  /** The refresh's generation (see DesktopSource.started). */
  readonly generation: number;
}

/**
 * Whether a new session of an organization is the same sign-in as before, as far as its desktops
 * go: the same user and role, in the same Region, directory and endpoints. A credential renewal
 * gives such a session; then the list, the directory (with its permissions) and the desktops'
 * tags are kept, because new credentials change none of them. They are read again only when they
 * can have changed: the permissions on the slow cadence (DIRECTORY_REREAD_MS), a desktop's tags
 * when an action on it is refused, and everything on a new sign-in (another user, role, Region,
 * directory or endpoint) or after signing out.
 */
export function sameSignIn(a: AuthSession, b: AuthSession): boolean {
  return (
    a.org.id === b.org.id &&
    a.userName === b.userName &&
    a.roleArn === b.roleArn &&
    a.org.region === b.org.region &&
    a.org.directoryId === b.org.directoryId &&
    JSON.stringify(a.org.endpoints ?? {}) === JSON.stringify(b.org.endpoints ?? {})
  );
}

/** One signed-in organization's desktops, kept across refreshes: a failed refresh loses nothing. */
export abstract class DesktopSource {
  abstract readonly kind: 'aws' | 'broker';
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

  private current: AuthSession;

  constructor(
    session: AuthSession,
    protected readonly clock: Clock,
  ) {
    this.current = session;
  }

  get session(): AuthSession {
    return this.current;
  }

  /** The same sign-in with renewed credentials or tokens (sameSignIn): everything known is kept. */
  renewed(session: AuthSession): void {
    if (!sameSignIn(this.current, session)) throw new Error('Not the same sign-in: the organization’s desktops must be listed afresh.');
    this.current = session;
  }

  get orgId(): string {
    return this.session.org.id;
  }

  /**
   * Lists everything again. `onPage` fires after each page is merged (first page → shown at once).
   * `holds(workspaceId, generation)` keeps a desktop's optimistic state from an action that
   * finished after this refresh began.
   */
  abstract refresh(onPage: (pageIndex: number) => void, holds: (workspaceId: string, generation: number) => boolean): Promise<OrgRefreshResult>;
  /** Fetches the deskbridge:connect tags not yet known, where that is cheap; true when some were. */
  abstract loadTags(): Promise<boolean>;
  /** The deskbridge:connect tag of one desktop (null when it has none). */
  abstract connectTag(workspaceId: string): Promise<string | null>;
  /** All tags of one of the user's desktops (to explain a refusal). */
  abstract desktopTags(workspaceId: string): Promise<readonly DesktopTag[]>;
  /** Carries out one self-service action; resolves with the refusals for this desktop, if any. */
  abstract act(desktop: Desktop, request: DesktopActionRequest): Promise<readonly ActionFailure[]>;
  abstract dispose(): void;

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

  /** Keeps when the desktop entered its state; a state seen for the first time counts from now. */
  protected withStateSince(listed: Desktop): Desktop {
    const previous = this.desktops.get(listed.workspaceId);
    const since = previous?.state === listed.state && previous.stateSince !== undefined ? previous.stateSince : this.clock.now();
    return { ...listed, stateSince: since };
  }

  /** Forgets the desktops a complete listing no longer has. */
  protected forgetUnseen(seen: ReadonlySet<string>): void {
    for (const id of [...this.desktops.keys()]) {
      if (!seen.has(id)) {
        this.desktops.delete(id);
        this.connections.delete(id);
        this.tags.delete(id);
      }
    }
  }

  protected succeed(): void {
    this.status = 'ready';
    this.error = undefined;
    this.failureKind = undefined;
  }

  protected fail(error: AppError, kind: FailureKind): void {
    this.error = error;
    this.failureKind = kind;
    this.status = 'error';
  }
}
