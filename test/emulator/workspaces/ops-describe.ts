import { type Operation, visibleWorkspace } from './context';
import { invalidParameter, notFound } from './errors';
import { BUNDLE_ID, DIRECTORY_ID, decodeToken, optInt, optList, optString, page, stringItems, WORKSPACE_ID } from './input';
import { bundleOut, directoryOut, workspaceOut } from './serialize';
import type { WorkspaceRecord } from './types';

const BUNDLE_CREATED = Date.UTC(2024, 0, 15);

/** A directory's values for the DescribeWorkspaceDirectories Filters names. */
const DIRECTORY_FILTER_FIELDS: Readonly<Record<string, string>> = { USER_IDENTITY_TYPE: 'UserIdentityType', WORKSPACE_TYPE: 'WorkspaceType' };

interface DirectoryFilter {
  readonly Name: string;
  readonly Values: readonly string[];
}

export const describeWorkspaceDirectories: Operation = (input, ctx) => {
  // The model has checked types and sizes; every filter given must match (AND).
  const ids = input['DirectoryIds'] as readonly string[] | undefined;
  const names = input['WorkspaceDirectoryNames'] as readonly string[] | undefined;
  const filters = (input['Filters'] as readonly DirectoryFilter[] | undefined) ?? [];
  const limit = optInt(input, 'Limit', 1, 25) ?? 25;
  const token = optString(input, 'NextToken');
  const query = JSON.stringify(['dirs', ids ?? null, names ?? null, filters]);
  const directories = [...ctx.store.directories.values()]
    .filter((d) => (ids === undefined || ids.includes(d.id)) && (names === undefined || names.includes(d.name)))
    .map((d) => directoryOut(d, ctx.principal.account))
    .filter((out) => filters.every((f) => f.Values.includes(String(out[DIRECTORY_FILTER_FIELDS[f.Name] ?? '']))));
  const result = page(directories, decodeToken(token, query), limit, query);
  return {
    Directories: result.items,
    ...(result.next === undefined ? {} : { NextToken: result.next }),
  };
};

export const describeWorkspaces: Operation = (input, ctx) => {
  const idList = optList(input, 'WorkspaceIds', 1, 25);
  const directoryId = optString(input, 'DirectoryId', DIRECTORY_ID);
  const userName = optString(input, 'UserName');
  const bundleId = optString(input, 'BundleId', BUNDLE_ID);
  const workspaceName = optString(input, 'WorkspaceName');
  const limit = optInt(input, 'Limit', 1, 25) ?? 25;
  const token = optString(input, 'NextToken');
  const filters = [idList, directoryId, bundleId].filter((f) => f !== undefined).length;
  if (filters > 1) {
    throw invalidParameter('You can specify only one of the following filters: WorkspaceIds, DirectoryId, BundleId.');
  }
  if (userName !== undefined && directoryId === undefined) {
    throw invalidParameter('The UserName filter can only be used together with the DirectoryId filter.');
  }
  let matches: WorkspaceRecord[];
  if (idList !== undefined) {
    // An id asked for twice is described once, as AWS does.
    const ids = [...new Set(stringItems(idList, 'WorkspaceIds', WORKSPACE_ID))];
    matches = ids.map((id) => visibleWorkspace(ctx, id)).filter((ws): ws is WorkspaceRecord => ws !== undefined);
  } else {
    matches = ctx.store.filter(
      (ws) =>
        (directoryId === undefined || ws.directoryId === directoryId) &&
        (userName === undefined || ctx.store.ignoresUserNameFilter || ws.userName.toLowerCase() === userName.toLowerCase()) &&
        (bundleId === undefined || ws.bundleId === bundleId) &&
        (workspaceName === undefined || ws.workspaceName === workspaceName),
    );
  }
  const query = JSON.stringify([idList ?? null, directoryId ?? null, userName ?? null, bundleId ?? null, workspaceName ?? null]);
  const result = page(matches, decodeToken(token, query), limit, query);
  return {
    Workspaces: result.items.map((ws) => workspaceOut(ctx.store.settle(ws))),
    ...(result.next === undefined ? {} : { NextToken: result.next }),
  };
};

export const describeWorkspacesConnectionStatus: Operation = (input, ctx) => {
  const idList = optList(input, 'WorkspaceIds', 1, 25);
  const token = optString(input, 'NextToken');
  const query = JSON.stringify(['conn', idList ?? null]);
  const matches =
    idList === undefined
      ? ctx.store.filter(() => true)
      : [...new Set(stringItems(idList, 'WorkspaceIds', WORKSPACE_ID))]
          .map((id) => visibleWorkspace(ctx, id))
          .filter((ws): ws is WorkspaceRecord => ws !== undefined);
  const result = page(matches, decodeToken(token, query), 25, query);
  return {
    WorkspacesConnectionStatus: result.items.map((record) => {
      const ws = ctx.store.settle(record);
      return {
        WorkspaceId: ws.id,
        ConnectionState: ws.connection,
        // AWS checks connection health every few minutes; the emulator checks on every read.
        ConnectionStateCheckTimestamp: ctx.now / 1000,
        ...(ws.lastUserConnectionAt === undefined ? {} : { LastKnownUserConnectionTimestamp: ws.lastUserConnectionAt / 1000 }),
      };
    }),
    ...(result.next === undefined ? {} : { NextToken: result.next }),
  };
};

export const describeTags: Operation = (input, ctx) => {
  const resourceId = optString(input, 'ResourceId');
  if (resourceId === undefined || resourceId.length === 0) throw invalidParameter('ResourceId is required.');
  const ws = visibleWorkspace(ctx, resourceId);
  if (ws !== undefined) return { TagList: ws.tags };
  const directory = ctx.store.directories.get(resourceId);
  if (directory !== undefined) return { TagList: [] };
  throw notFound(resourceId);
};

export const describeClientProperties: Operation = (input, ctx) => {
  const list = optList(input, 'ResourceIds', 1, 25);
  if (list === undefined) throw invalidParameter('ResourceIds is required.');
  const ids = list.map((id) => (typeof id === 'string' ? id : ''));
  for (const id of ids) {
    if (!ctx.store.directories.has(id)) throw notFound(id);
  }
  return {
    ClientPropertiesList: ids.map((ResourceId) => ({
      ResourceId,
      ClientProperties: { ReconnectEnabled: 'ENABLED', LogUploadEnabled: 'DISABLED' },
    })),
  };
};

export const describeWorkspaceBundles: Operation = (input, ctx) => {
  const idList = optList(input, 'BundleIds', 1, 25);
  const owner = optString(input, 'Owner');
  const token = optString(input, 'NextToken');
  if (idList !== undefined && owner !== undefined) throw invalidParameter('You can specify either BundleIds or Owner, but not both.');
  const ids = idList === undefined ? undefined : stringItems(idList, 'BundleIds', BUNDLE_ID);
  // The model: Owner AMAZON describes Amazon's public bundles, no Owner the account's own.
  const bundleOwner = owner ?? ctx.principal.account;
  const bundles = [...ctx.store.bundles.values()].filter((b) => (ids === undefined ? (b.owner ?? 'AMAZON') === bundleOwner : ids.includes(b.id)));
  const query = JSON.stringify(['bundles', ids ?? null, owner ?? null]);
  const result = page(bundles, decodeToken(token, query), 25, query);
  return {
    Bundles: result.items.map((b) => bundleOut(b, BUNDLE_CREATED)),
    ...(result.next === undefined ? {} : { NextToken: result.next }),
  };
};
