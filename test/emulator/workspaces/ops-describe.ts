import { type Operation, visibleWorkspace } from './context';
import { invalidParameter, notFound } from './errors';
import { BUNDLE_ID, DIRECTORY_ID, decodeToken, optInt, optList, optString, page, stringItems, WORKSPACE_ID } from './input';
import { bundleOut, directoryOut, workspaceOut } from './serialize';
import type { WorkspaceRecord } from './types';

const BUNDLE_CREATED = Date.UTC(2024, 0, 15);

export const describeWorkspaceDirectories: Operation = (input, ctx) => {
  const idList = optList(input, 'DirectoryIds', 1, 25);
  const ids = idList === undefined ? undefined : stringItems(idList, 'DirectoryIds', DIRECTORY_ID);
  const limit = optInt(input, 'Limit', 1, 25) ?? 25;
  const token = optString(input, 'NextToken');
  const query = JSON.stringify(['dirs', ids ?? null]);
  const directories = [...ctx.store.directories.values()].filter(
    (d) => ids === undefined || ids.includes(d.id),
  );
  const result = page(directories, decodeToken(token, query), limit, query);
  return {
    Directories: result.items.map((d) => directoryOut(d, ctx.principal.account)),
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
  if (userName !== undefined && (userName.length < 1 || userName.length > 63)) {
    throw invalidParameter('The UserName must be between 1 and 63 characters.');
  }
  let matches: WorkspaceRecord[];
  if (idList !== undefined) {
    const ids = stringItems(idList, 'WorkspaceIds', WORKSPACE_ID);
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
      : stringItems(idList, 'WorkspaceIds', WORKSPACE_ID)
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
  const bundles = [...ctx.store.bundles.values()].filter(
    (b) => (ids === undefined || ids.includes(b.id)) && (owner === undefined || owner === 'AMAZON'),
  );
  const query = JSON.stringify(['bundles', ids ?? null, owner ?? null]);
  const result = page(bundles, decodeToken(token, query), 25, query);
  return {
    Bundles: result.items.map((b) => bundleOut(b, BUNDLE_CREATED)),
    ...(result.next === undefined ? {} : { NextToken: result.next }),
  };
};
