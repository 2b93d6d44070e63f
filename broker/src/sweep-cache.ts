import type { BrokerDesktop, BrokerDirectory } from '../../shared/broker/api';

/** One directory as a sweep found it: every desktop (all users), with connection status. */
export interface DirectorySnapshot {
  readonly directory: BrokerDirectory;
  /** Desktops without connect tags (those are looked up only for callers who list them). */
  readonly desktops: readonly BrokerDesktop[];
  /** Epoch ms the sweep started. */
  readonly asOf: number;
}

/**
 * Where sweeps are kept between requests. In memory each Lambda instance sweeps on its own; the
 * DynamoDB adapter (dynamo-cache.ts) shares one sweep among every instance.
 */
export interface SweepCache {
  /** The snapshot if it is younger than `maxAgeMs` at `now`, else undefined. */
  get(directoryId: string, now: number, maxAgeMs: number): Promise<DirectorySnapshot | undefined>;
  put(snapshot: DirectorySnapshot, ttlMs: number): Promise<void>;
}

export function createMemorySweepCache(): SweepCache {
  const snapshots = new Map<string, DirectorySnapshot>();
  return {
    async get(directoryId, now, maxAgeMs) {
      const found = snapshots.get(directoryId);
      return found !== undefined && now - found.asOf < maxAgeMs ? found : undefined;
    },
    async put(snapshot) {
      snapshots.set(snapshot.directory.directoryId, snapshot);
    },
  };
}
