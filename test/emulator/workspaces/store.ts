import type { Clock } from '../clock';
import { setConnection, settle } from './lifecycle';
import type { BundleRecord, ConnectionState, DirectoryRecord, Durations, SelfservicePermissions, WorkspaceRecord, WorkspaceState } from './types';

/** All WorkSpaces-side state; reads settle the lifecycle against the emulator clock. */
export interface WorkspacesStore {
  readonly clock: Clock;
  durations: Durations;
  /**
   * Test switch: DescribeWorkspaces ignores its UserName filter and returns every user's desktops
   * (IAM does not limit the listing; the filter is a courtesy the client must not rely on).
   */
  ignoresUserNameFilter: boolean;
  readonly directories: ReadonlyMap<string, DirectoryRecord>;
  readonly bundles: ReadonlyMap<string, BundleRecord>;
  /** A settled workspace, or undefined. */
  get(id: string): WorkspaceRecord | undefined;
  /** Unsettled records matching a predicate (settle the ones you return). */
  filter(predicate: (ws: WorkspaceRecord) => boolean): WorkspaceRecord[];
  settle(ws: WorkspaceRecord): WorkspaceRecord;
  /** Forgets a workspace (AWS stops listing a terminated one after a while). */
  remove(id: string): boolean;
}

export interface StoreSeed {
  readonly directories: readonly DirectoryRecord[];
  readonly bundles: readonly BundleRecord[];
  readonly workspaces: readonly WorkspaceRecord[];
}

export function createStore(seed: StoreSeed, clock: Clock, durations: Durations): WorkspacesStore {
  const workspaces = new Map(seed.workspaces.map((ws) => [ws.id, ws]));
  const store: WorkspacesStore = {
    clock,
    durations,
    ignoresUserNameFilter: false,
    directories: new Map(seed.directories.map((d) => [d.id, d])),
    bundles: new Map(seed.bundles.map((b) => [b.id, b])),
    get(id) {
      const ws = workspaces.get(id);
      return ws === undefined ? undefined : store.settle(ws);
    },
    filter(predicate) {
      const out: WorkspaceRecord[] = [];
      for (const ws of workspaces.values()) if (predicate(ws)) out.push(ws);
      return out;
    },
    settle(ws) {
      settle(ws, clock.now(), store.durations);
      return ws;
    },
    remove: (id) => workspaces.delete(id),
  };
  return store;
}

/** Test-facing helpers over the store (see Emulator.state). */
export interface StateHelpers {
  getWorkspace(id: string): Readonly<WorkspaceRecord> | undefined;
  listWorkspaces(userName?: string): readonly Readonly<WorkspaceRecord>[];
  /** Simulates a user connecting or disconnecting (a streaming session the emulator can't see). */
  setConnectionState(id: string, state: ConnectionState): void;
  /** Forces a state, e.g. to stage UNHEALTHY or ERROR in a test; clears any transition. */
  setWorkspaceState(id: string, state: WorkspaceState, error?: { code: string; message: string }): void;
  setTag(id: string, key: string, value: string): void;
  /** A terminated workspace drops out of every listing, as AWS's do after a while. */
  removeWorkspace(id: string): void;
  /** An administrator changes a directory's self-service permissions (ModifySelfservicePermissions). */
  setSelfservicePermissions(directoryId: string, changes: Partial<SelfservicePermissions>): void;
  /** DescribeWorkspaces then returns every user's desktops despite a UserName filter. */
  setIgnoresUserNameFilter(on: boolean): void;
}

export function createStateHelpers(store: WorkspacesStore): StateHelpers {
  const must = (id: string): WorkspaceRecord => {
    const ws = store.get(id);
    if (ws === undefined) throw new Error(`no workspace ${id}`);
    return ws;
  };
  return {
    getWorkspace: (id) => store.get(id),
    listWorkspaces: (userName) => store.filter((ws) => userName === undefined || ws.userName === userName).map((ws) => store.settle(ws)),
    setConnectionState(id, state) {
      setConnection(must(id), state, store.clock.now());
    },
    setWorkspaceState(id, state, error) {
      const ws = must(id);
      ws.transition = undefined;
      ws.state = state;
      ws.stateSince = store.clock.now();
      ws.errorCode = error?.code;
      ws.errorMessage = error?.message;
      if (state === 'AVAILABLE') ws.idleSince = store.clock.now();
    },
    setIgnoresUserNameFilter(on) {
      store.ignoresUserNameFilter = on;
    },
    setTag(id, key, value) {
      const ws = must(id);
      ws.tags = [...ws.tags.filter((t) => t.Key !== key), { Key: key, Value: value }];
    },
    removeWorkspace(id) {
      if (!store.remove(id)) throw new Error(`no workspace ${id}`);
    },
    setSelfservicePermissions(directoryId, changes) {
      const directory = store.directories.get(directoryId);
      if (directory === undefined) throw new Error(`no directory ${directoryId}`);
      (store.directories as Map<string, DirectoryRecord>).set(directoryId, { ...directory, selfservice: { ...directory.selfservice, ...changes } });
    },
  };
}
