import type { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { BrokerDesktop, BrokerDirectory } from '../../shared/broker/api';
import { Limiter } from '../../shared/lib/limiter';
import { describeDirectories, readConnectTag, readDesktop, sweepDirectory } from './sweep';
import type { DirectorySnapshot, SweepCache } from './sweep-cache';

export interface DesktopIndexOptions {
  readonly client: WorkSpacesClient;
  readonly cache: SweepCache;
  readonly now: () => number;
  /** How long a sweep (and the directory list) serves every caller. */
  readonly ttlMs: number;
  /** How long a desktop's connect tag is kept (tags change rarely; each costs one call). */
  readonly tagTtlMs: number;
  /** IT's directories; every directory of the Region when absent. */
  readonly directoryIds?: readonly string[];
}

export interface CallerDesktops {
  readonly desktops: readonly BrokerDesktop[];
  readonly directories: readonly BrokerDirectory[];
  readonly asOf: number;
}

const TAG_CONCURRENCY = 4;

const sameUser = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The broker's view of WorkSpaces, shared by every caller: one sweep per directory at most every
 * `ttlMs` (concurrent callers share the sweep in flight), filtered per caller; a desktop re-read
 * after an action overrides the sweep until a newer sweep arrives.
 */
export class DesktopIndex {
  private directoryList: { readonly at: number; readonly list: Promise<readonly BrokerDirectory[]> } | undefined;
  private readonly inFlight = new Map<string, Promise<DirectorySnapshot>>();
  private readonly reread = new Map<string, { readonly desktop: BrokerDesktop; readonly at: number }>();
  private readonly tags = new Map<string, { readonly value: Promise<string | null>; readonly at: number }>();
  private readonly tagLimiter = new Limiter(TAG_CONCURRENCY);
  private readonly userIndex = new WeakMap<DirectorySnapshot, ReadonlyMap<string, readonly BrokerDesktop[]>>();

  constructor(private readonly options: DesktopIndexOptions) {}

  /** The caller's desktops in every served directory, with connect tags. */
  async list(userName: string): Promise<CallerDesktops> {
    const directories = await this.directories();
    const snapshots = await Promise.all(directories.map((d) => this.snapshot(d)));
    const desktops = snapshots.flatMap((s) => this.current(s, this.byUser(s).get(userName.toLowerCase()) ?? []));
    const withTags = await Promise.all(desktops.map((d) => this.withTag(d)));
    const asOf = snapshots.length === 0 ? this.options.now() : Math.min(...snapshots.map((s) => s.asOf));
    const used = new Set(desktops.map((d) => d.directoryId));
    return { desktops: withTags, directories: directories.filter((d) => used.has(d.directoryId)), asOf };
  }

  /** One of the caller's desktops, or undefined when it is not the caller's (or not in a served directory). */
  async find(userName: string, workspaceId: string): Promise<{ desktop: BrokerDesktop; directory: BrokerDirectory } | undefined> {
    for (const directory of await this.directories()) {
      const snapshot = await this.snapshot(directory);
      const desktop = this.current(
        snapshot,
        snapshot.desktops.filter((d) => d.workspaceId === workspaceId),
      )[0];
      if (desktop !== undefined) return sameUser(desktop.userName, userName) ? { desktop: await this.withTag(desktop), directory } : undefined;
    }
    return undefined;
  }

  /** After an action: re-reads that one desktop and serves it until the next sweep. */
  async refresh(workspaceId: string): Promise<BrokerDesktop | undefined> {
    const at = this.options.now();
    const desktop = await readDesktop(this.options.client, workspaceId);
    if (desktop === undefined) return undefined;
    this.reread.set(workspaceId, { desktop, at });
    return this.withTag(desktop);
  }

  /** The snapshot's desktops by lower-case user name, built once per snapshot. */
  private byUser(snapshot: DirectorySnapshot): ReadonlyMap<string, readonly BrokerDesktop[]> {
    let index = this.userIndex.get(snapshot);
    if (index === undefined) {
      const built = new Map<string, BrokerDesktop[]>();
      for (const d of snapshot.desktops) {
        const key = d.userName.toLowerCase();
        const list = built.get(key);
        if (list === undefined) built.set(key, [d]);
        else list.push(d);
      }
      index = built;
      this.userIndex.set(snapshot, index);
    }
    return index;
  }

  /** Desktops of a snapshot, each replaced by its re-read after an action when that is newer. */
  private current(snapshot: DirectorySnapshot, desktops: readonly BrokerDesktop[]): BrokerDesktop[] {
    return desktops.map((d) => {
      const newer = this.reread.get(d.workspaceId);
      if (newer === undefined) return d;
      if (newer.at > snapshot.asOf) return newer.desktop;
      this.reread.delete(d.workspaceId);
      return d;
    });
  }

  private directories(): Promise<readonly BrokerDirectory[]> {
    const now = this.options.now();
    if (this.directoryList === undefined || now - this.directoryList.at >= this.options.ttlMs) {
      const list = describeDirectories(this.options.client, this.options.directoryIds);
      const entry = { at: now, list };
      this.directoryList = entry;
      list.catch(() => {
        if (this.directoryList === entry) this.directoryList = undefined;
      });
    }
    return this.directoryList.list;
  }

  /** The directory's snapshot: from the cache when fresh, else one sweep shared by every caller waiting. */
  private snapshot(directory: BrokerDirectory): Promise<DirectorySnapshot> {
    const id = directory.directoryId;
    const pending = this.inFlight.get(id);
    if (pending !== undefined) return pending;
    const run = (async () => {
      const { cache, ttlMs, now, client } = this.options;
      const cached = await cache.get(id, now(), ttlMs);
      if (cached !== undefined) return cached;
      const swept = await sweepDirectory(client, directory, now());
      await cache.put(swept, ttlMs);
      return swept;
    })().finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  /** The desktop with its connect tag: one look-up per desktop per tagTtlMs, shared by concurrent callers. */
  private async withTag(desktop: BrokerDesktop): Promise<BrokerDesktop> {
    const now = this.options.now();
    const id = desktop.workspaceId;
    let known = this.tags.get(id);
    if (known === undefined || now - known.at >= this.options.tagTtlMs) {
      const entry = { value: this.tagLimiter.run(() => readConnectTag(this.options.client, id)), at: now };
      this.tags.set(id, entry);
      entry.value.catch(() => {
        if (this.tags.get(id) === entry) this.tags.delete(id);
      });
      known = entry;
    }
    let value: string | null;
    try {
      value = await known.value;
    } catch {
      // The tag is a detail: without it the client uses the organization's default connection.
      return desktop;
    }
    return value === null || value.length > 256 ? desktop : { ...desktop, connectTag: value };
  }
}
