import type { ConnectProgress, DesktopProblem, PendingAction } from '@shared/ipc/domains/desktops';

interface Pending extends PendingAction {
  /** Set once the AWS call succeeded: released by the first refresh that starts after this generation. */
  readonly heldUntilAfter?: number;
}

/** What Deskbridge itself adds to AWS's view of a desktop: locks, problems, connect progress. */
export class Overlay {
  readonly pending = new Map<string, Pending>();
  readonly problems = new Map<string, DesktopProblem>();
  readonly connects = new Map<string, ConnectProgress>();

  /** Takes the per-desktop lock; false when an action already holds it. */
  lock(key: string, action: PendingAction['action'], now: number): boolean {
    if (this.pending.has(key)) return false;
    this.pending.set(key, { action, startedAt: now });
    return true;
  }

  /** The call went through: hold the lock (and the optimistic state) until a fresh refresh confirms. */
  hold(key: string, generation: number): void {
    const current = this.pending.get(key);
    if (current !== undefined) this.pending.set(key, { ...current, heldUntilAfter: generation });
  }

  release(key: string): void {
    this.pending.delete(key);
  }

  /** Does a refresh of this generation have to leave the desktop's optimistic state alone? */
  holds(key: string, generation: number): boolean {
    const p = this.pending.get(key);
    return p?.heldUntilAfter !== undefined && generation <= p.heldUntilAfter;
  }

  /** After an org's refresh of `generation` completed: release the locks it confirms. */
  settle(orgId: string, generation: number): void {
    for (const [key, p] of this.pending) {
      if (key.startsWith(`${orgId}/`) && p.heldUntilAfter !== undefined && generation > p.heldUntilAfter) this.pending.delete(key);
    }
  }

  forgetOrg(orgId: string): void {
    for (const map of [this.pending, this.problems, this.connects]) {
      for (const key of [...map.keys()]) if (key.startsWith(`${orgId}/`)) map.delete(key);
    }
  }

  get busy(): boolean {
    if (this.pending.size > 0) return true;
    for (const c of this.connects.values()) if (c.phase === 'starting') return true;
    return false;
  }
}
