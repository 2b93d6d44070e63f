import type { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { DesktopEntry, DesktopProblem, DesktopsSnapshot, PendingAction } from '@shared/ipc/domains/desktops';
import type { AppError } from '@shared/ipc/result';
import type { Desktop } from '@shared/models/desktop';
import { isTransitional } from '@shared/lib/desktop-state';
import { isRetryable } from '@shared/lib/polling-policy';
import type { AuthSession, AuthSessions } from '../auth/auth-session';
import type { EventBus } from '../events';
import type { ScopedLogger } from '../log/logger';
import type { NetworkFetch } from '../network/port';
import type { Clock } from '../ports';
import { classify, describeFailure } from './aws-errors';
import { desktopKey, splitKey } from './map-desktop';
import { BrokerClient } from './broker-client';
import { BrokerDesktopSource } from './broker-source';
import { OrgDesktopsState } from './org-desktops';
import { type DesktopSource, sameSignIn } from './source';
import { Overlay } from './overlay';
import { PollScheduler, type RefreshOutcome } from './scheduler';

export interface DesktopServiceDeps {
  readonly auth: AuthSessions;
  readonly clock: Clock;
  readonly events?: EventBus;
  readonly log: ScopedLogger;
  /** Jitter source for the back-off (tests pin it). */
  readonly random?: () => number;
  /** Tests and benchmarks may count or wrap calls; production builds its own client per session. */
  readonly clientFor?: (session: AuthSession) => WorkSpacesClient;
  /** The network port's fetch: the WorkSpaces clients built here (when no clientFor is given) and the broker's. */
  readonly fetch: NetworkFetch;
}

const BAD_WHILE_CONNECTING = new Set(['ERROR', 'UNHEALTHY', 'IMPAIRED', 'TERMINATING', 'TERMINATED', 'SUSPENDED']);
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Every desktop of every signed-in organization, kept live by one scheduler and pushed as
 * `desktops:changed`. Self-service actions live in actions.ts on top of this.
 */
export class DesktopService {
  private readonly orgs = new Map<string, DesktopSource>();
  private readonly overlay = new Overlay();
  private readonly scheduler: PollScheduler;
  private offline = false;
  private refreshedAt: number | undefined;
  private readonly readyListeners = new Set<(desktop: DesktopEntry) => void>();
  private readonly changeListeners = new Set<(snapshot: DesktopsSnapshot) => void>();
  private readonly offAuth: () => void;

  constructor(private readonly deps: DesktopServiceDeps) {
    this.scheduler = new PollScheduler(
      deps.clock,
      () => this.activity(),
      () => this.refreshAll(),
      deps.random,
    );
    for (const session of deps.auth.sessions()) this.adopt(session);
    this.offAuth = deps.auth.onChange((orgId) => this.sync(orgId));
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  snapshot(): DesktopsSnapshot {
    const desktops: DesktopEntry[] = [];
    const orgs = [];
    for (const state of this.orgs.values()) {
      const entries: DesktopEntry[] = [];
      for (const desktop of state.desktops.values()) {
        const key = desktop.key;
        const conn = state.connections.get(desktop.workspaceId);
        const tag = state.tags.get(desktop.workspaceId);
        const pending = this.overlay.pending.get(key);
        const problem = this.overlay.problems.get(key);
        const connect = this.overlay.connects.get(key);
        entries.push({
          ...desktop,
          ...conn,
          ...(tag === undefined || tag === null ? {} : { connectTag: tag }),
          ...(pending === undefined ? {} : { pending: { action: pending.action, startedAt: pending.startedAt } }),
          ...(problem === undefined ? {} : { problem }),
          ...(connect === undefined ? {} : { connect }),
        });
      }
      entries.sort((a, b) => collator.compare(a.name, b.name) || a.workspaceId.localeCompare(b.workspaceId));
      desktops.push(...entries);
      orgs.push(state.describe(entries.length));
    }
    return { orgs, desktops, offline: this.offline, ...(this.refreshedAt === undefined ? {} : { refreshedAt: this.refreshedAt }) };
  }

  /** For the launch step: one desktop as the list shows it, by its key. */
  find(key: string): DesktopEntry | undefined {
    return this.locate(key) === undefined ? undefined : this.snapshot().desktops.find((d) => d.key === key);
  }

  /** The deskbridge:connect tag of a desktop, fetched on demand (null when it has none). */
  async connectTag(orgId: string, workspaceId: string): Promise<string | null> {
    const state = this.orgs.get(orgId);
    if (state === undefined) return null;
    return state.connectTag(workspaceId);
  }

  /** Called when a desktop the user asked to connect to is AVAILABLE (at once, or after starting it). */
  onReady(listener: (desktop: DesktopEntry) => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  /** Every pushed snapshot (benchmarks and tests; hosts use the EventBus). */
  onChange(listener: (snapshot: DesktopsSnapshot) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  setVisible(visible: boolean): void {
    this.scheduler.setVisible(visible);
  }

  /** Refresh now, with the back-off reset (the user asked, or an action finished). */
  refreshNow(): Promise<void> {
    return this.scheduler.trigger({ resetBackoff: true });
  }

  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  /** Clock time of the next scheduled refresh, or null while paused or refreshing. */
  get nextRefreshAt(): number | null {
    return this.scheduler.nextDueAt;
  }

  /** Refreshes in a row that failed in a way worth retrying (the back-off's exponent). */
  get failedRefreshesInARow(): number {
    return this.scheduler.consecutiveFailures;
  }

  /** A desktop in the list, with its organization's state; undefined when it isn't (any more). */
  locate(key: string): { readonly state: DesktopSource; readonly desktop: Desktop } | undefined {
    const parts = splitKey(key);
    const state = parts === null ? undefined : this.orgs.get(parts.orgId);
    const desktop = parts === null ? undefined : state?.desktops.get(parts.workspaceId);
    return state === undefined || desktop === undefined ? undefined : { state, desktop };
  }

  /**
   * Takes the desktop's lock for an action and clears its old problem; false when another action
   * holds the lock. The poll speeds up while the action runs.
   */
  markActionPending(key: string, action: PendingAction['action']): boolean {
    if (!this.overlay.lock(key, action, this.deps.clock.now())) return false;
    this.overlay.problems.delete(key);
    this.emit();
    this.scheduler.reschedule();
    return true;
  }

  /** Is an action running on this desktop (its lock taken)? */
  isActionPending(key: string): boolean {
    return this.overlay.pending.has(key);
  }

  /** AWS refused the action, or it never reached AWS: the lock goes. */
  releaseAction(key: string): void {
    this.overlay.release(key);
  }

  /**
   * AWS accepted the action: show its effect (`optimistic`) at once and hold it until a refresh that
   * started afterwards confirms; then refresh now. With `connectStartedAt`, the desktop was started
   * for the user to connect: it is followed until AVAILABLE (or broken). False when the organization
   * was signed out meanwhile (nothing is shown).
   */
  applyActionResult(key: string, state: DesktopSource, optimistic: (desktop: Desktop) => Desktop, connectStartedAt?: number): boolean {
    const parts = splitKey(key);
    const listed = parts !== null && this.orgs.get(state.orgId) === state;
    if (listed) {
      const current = state.desktops.get(parts.workspaceId);
      if (current !== undefined) {
        const next = optimistic(current);
        state.desktops.set(parts.workspaceId, next.state === current.state ? next : { ...next, stateSince: this.deps.clock.now() });
      }
      this.overlay.hold(key, state.started);
      if (connectStartedAt !== undefined) this.overlay.connects.set(key, { phase: 'starting', startedAt: connectStartedAt });
    } else {
      this.overlay.release(key);
    }
    this.emit();
    void this.refreshNow();
    return listed;
  }

  /** Shows a problem on the desktop it concerns (until dismissed or the next try). */
  reportProblem(key: string, action: DesktopProblem['action'], error: AppError): void {
    this.overlay.problems.set(key, { ...error, action, at: this.deps.clock.now() });
    this.emit();
  }

  /** The user closed the desktop's problem: it goes, and so does a finished or failed connect. */
  dismissProblem(key: string): void {
    this.overlay.problems.delete(key);
    const connect = this.overlay.connects.get(key);
    if (connect !== undefined && connect.phase !== 'starting') this.overlay.connects.delete(key);
    this.emit();
  }

  /**
   * The launch step could not open the desktop (no client, a bad setting, …): the connect ends as
   * failed and the reason shows on the desktop, in place of "opening your session".
   */
  reportLaunchFailure(key: string, error: AppError): void {
    const now = this.deps.clock.now();
    const progress = this.overlay.connects.get(key);
    this.overlay.connects.set(key, { startedAt: progress?.startedAt ?? now, phase: 'failed' });
    this.reportProblem(key, 'connect', error);
  }

  /** The launch step opened the desktop: its session shows from now on, not "opening your session". */
  markLaunched(key: string): void {
    if (this.overlay.connects.get(key)?.phase !== 'ready') return;
    this.overlay.connects.delete(key);
    this.emit();
  }

  /** The desktop is AVAILABLE: hand it to the launch step now. */
  markReadyToLaunch(key: string): void {
    const now = this.deps.clock.now();
    this.overlay.connects.set(key, { phase: 'ready', startedAt: now, readyAt: now });
    this.overlay.problems.delete(key);
    this.emit();
    queueMicrotask(() => void this.notifyReady(key));
  }

  private emit(): void {
    const snapshot = this.snapshot();
    this.deps.events?.emit('desktops:changed', snapshot);
    for (const listener of this.changeListeners) listener(snapshot);
  }

  /**
   * Hands a desktop that is ready to the launch step, with its deskbridge:connect tag: read now
   * when it isn't known yet (lists over EAGER_TAG_LIMIT aren't tagged up front). When the tag
   * can't be read, the launch waits rather than silently connecting another way; a role that
   * may not read tags at all launches as if there were none.
   */
  async notifyReady(key: string): Promise<void> {
    if (!(await this.ensureConnectTag(key))) return;
    const entry = this.snapshot().desktops.find((d) => d.key === key);
    if (entry === undefined) return;
    for (const listener of this.readyListeners) {
      try {
        listener(entry);
      } catch (error) {
        this.deps.log.error('A ready listener failed', error);
      }
    }
  }

  private async ensureConnectTag(key: string): Promise<boolean> {
    const parts = splitKey(key);
    const state = parts === null ? undefined : this.orgs.get(parts.orgId);
    if (parts === null || state === undefined || state.tags.has(parts.workspaceId)) return true;
    try {
      await state.connectTag(parts.workspaceId);
      return true;
    } catch (error) {
      if (classify(error) === 'denied') {
        this.deps.log.warn(`The connection tag of a desktop of ${state.session.org.name} can’t be read with this role; connecting without it`, error);
        state.tags.set(parts.workspaceId, null);
        return true;
      }
      this.reportLaunchFailure(key, {
        ...describeFailure(error, { orgName: state.session.org.name, region: state.session.org.region }),
        code: 'desktops.connectTagUnknown',
        message: 'Deskbridge couldn’t read how this desktop is to be connected to. Try again in a moment.',
      });
      return false;
    }
  }

  dispose(): void {
    this.offAuth();
    this.scheduler.dispose();
    for (const state of this.orgs.values()) state.dispose();
    this.orgs.clear();
  }

  private activity(): { anyTransitional: boolean; anyPending: boolean } {
    let anyTransitional = false;
    for (const state of this.orgs.values()) {
      for (const d of state.desktops.values()) {
        if (isTransitional(d.state) || d.modifications.length > 0) {
          anyTransitional = true;
          break;
        }
      }
      if (anyTransitional) break;
    }
    return { anyTransitional, anyPending: this.overlay.busy };
  }

  private adopt(session: AuthSession): void {
    this.orgs.set(session.org.id, this.sourceFor(session));
  }

  /** The organization's desktop source: its broker (broker mode), else the WorkSpaces API directly. */
  private sourceFor(session: AuthSession): DesktopSource {
    const signIn = session.org.signIn;
    if (signIn.method === 'broker' && session.brokerToken !== undefined) {
      return new BrokerDesktopSource(
        session,
        this.deps.log,
        this.deps.clock,
        new BrokerClient({ baseUrl: signIn.brokerUrl, token: session.brokerToken, fetch: this.deps.fetch }),
      );
    }
    return new OrgDesktopsState(session, this.deps.log, this.deps.clock, this.deps.clientFor?.(session) ?? this.deps.fetch);
  }

  private sync(orgId: string): void {
    const session = this.deps.auth.session(orgId);
    const current = this.orgs.get(orgId);
    if (current !== undefined && current.session === session) return;
    if (current !== undefined && session !== null && sameSignIn(current.session, session)) {
      // A credential renewal: the list, directory and tags stay (the rule is at sameSignIn).
      current.renewed(session);
      this.emit();
      return;
    }
    current?.dispose();
    this.orgs.delete(orgId);
    this.overlay.forgetOrg(orgId);
    if (session !== null) {
      // Keep the auth service's order of organizations.
      const order = this.deps.auth.sessions().map((s) => s.org.id);
      this.adopt(session);
      const sorted = [...this.orgs.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      this.orgs.clear();
      for (const [id, state] of sorted) this.orgs.set(id, state);
    }
    this.emit();
    if (session !== null) void this.scheduler.trigger({ resetBackoff: true });
  }

  private async refreshAll(): Promise<RefreshOutcome> {
    const states = [...this.orgs.values()];
    const results = await Promise.all(
      states.map(async (state) => {
        const result = await state.refresh(
          (page) => {
            // First page at once; then at 2, 4, 8, … pages so a long list streams in without flooding IPC.
            if (page === 0 || ((page + 1) & page) === 0) this.emit();
          },
          (workspaceId, generation) => this.overlay.holds(desktopKey(state.orgId, workspaceId), generation),
        );
        if (result.ok) {
          this.overlay.settle(state.orgId, result.generation);
          this.followConnects(state);
        }
        return { state, result };
      }),
    );
    // A stale org (signed out meanwhile) must not flip the banner.
    const live = results.filter(({ state }) => this.orgs.get(state.orgId) === state);
    this.offline = live.some(({ result }) => result.kind === 'network');
    if (live.some(({ result }) => result.ok)) this.refreshedAt = this.deps.clock.now();
    this.emit();
    const tagged = await Promise.all(live.filter(({ result }) => result.ok).map(({ state }) => state.loadTags().catch(() => false)));
    if (tagged.some(Boolean)) this.emit();
    const retryable = live.filter(({ result }) => !result.ok && result.kind !== undefined && isRetryable(result.kind));
    const waits = retryable.map(({ result }) => result.retryAfterMs ?? 0);
    return { retryableFailure: retryable.length > 0, ...(waits.some((ms) => ms > 0) ? { retryAfterMs: Math.max(...waits) } : {}) };
  }

  /** Connect-in-progress desktops: AVAILABLE → ready (hand over to the launch step); broken → failed. */
  private followConnects(state: DesktopSource): void {
    const now = this.deps.clock.now();
    for (const [key, progress] of this.overlay.connects) {
      if (!key.startsWith(`${state.orgId}/`)) continue;
      const desktop = state.desktops.get(key.slice(state.orgId.length + 1));
      if (desktop === undefined) {
        this.overlay.connects.delete(key);
        continue;
      }
      if (progress.phase === 'starting' && desktop.state === 'AVAILABLE' && !this.overlay.pending.has(key)) {
        this.overlay.connects.set(key, { ...progress, phase: 'ready', readyAt: now });
        queueMicrotask(() => void this.notifyReady(key));
      } else if (progress.phase === 'starting' && BAD_WHILE_CONNECTING.has(desktop.state)) {
        this.overlay.connects.set(key, { ...progress, phase: 'failed' });
        this.overlay.problems.set(key, {
          action: 'connect',
          at: now,
          code: 'desktops.connectFailed',
          message: `The desktop did not start: it is now ${desktop.state}.`,
          params: { state: desktop.state },
          ...(desktop.errorMessage === undefined ? {} : { details: desktop.errorMessage }),
        });
      } else if (progress.phase === 'ready' && desktop.state !== 'AVAILABLE') {
        this.overlay.connects.delete(key);
      }
    }
  }
}
