import {
  DescribeClientPropertiesCommand,
  DescribeTagsCommand,
  DescribeWorkspaceBundlesCommand,
  DescribeWorkspaceDirectoriesCommand,
  type DescribeWorkspaceDirectoriesCommandInput,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  paginateDescribeWorkspaces,
  type WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { DIRECTORY_FULL, DIRECTORY_RESTRICTED } from './seed';

let emu: Emulator;
let client: WorkSpacesClient;

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 60 });
  client = workspacesClient(emu);
});
afterAll(async () => {
  await emu.stop();
});

describe('WorkSpaces describe operations', () => {
  it('describes both directories with registration codes and self-service permissions', async () => {
    const out = await client.send(new DescribeWorkspaceDirectoriesCommand({}));
    const byId = new Map(out.Directories?.map((d) => [d.DirectoryId, d]));
    expect(byId.get(DIRECTORY_FULL)?.RegistrationCode).toBe('SLiad+DEMO01');
    expect(byId.get(DIRECTORY_FULL)?.SelfservicePermissions?.RebuildWorkspace).toBe('ENABLED');
    expect(byId.get(DIRECTORY_RESTRICTED)?.SelfservicePermissions?.RebuildWorkspace).toBe('DISABLED');
    expect(byId.get(DIRECTORY_RESTRICTED)?.SamlProperties?.Status).toBe('ENABLED');
    expect(byId.get(DIRECTORY_FULL)?.WorkspaceAccessProperties?.DeviceTypeLinux).toBe('ALLOW');
  });

  it('pages directories with Limit and NextToken', async () => {
    const first = await client.send(new DescribeWorkspaceDirectoriesCommand({ Limit: 1 }));
    expect(first.Directories).toHaveLength(1);
    expect(first.NextToken).toBeTruthy();
    const second = await client.send(new DescribeWorkspaceDirectoriesCommand({ Limit: 1, NextToken: first.NextToken }));
    expect(second.Directories?.[0]?.DirectoryId).not.toBe(first.Directories?.[0]?.DirectoryId);
    expect(second.NextToken).toBeUndefined();
  });

  it("lists alice's desktops in every one of the 17 states", async () => {
    const states = new Set<string>();
    for await (const page of paginateDescribeWorkspaces({ client, pageSize: 25 }, { DirectoryId: DIRECTORY_FULL, UserName: 'alice' })) {
      for (const ws of page.Workspaces ?? []) states.add(ws.State ?? '');
    }
    expect(states.size).toBe(17);
  });

  it('pages 60 bulk desktops 25 at a time', async () => {
    const sizes: number[] = [];
    for await (const page of paginateDescribeWorkspaces({ client, pageSize: 25 }, { DirectoryId: DIRECTORY_FULL, UserName: 'bulk' })) {
      sizes.push(page.Workspaces?.length ?? 0);
    }
    expect(sizes).toEqual([25, 25, 10]);
  });

  it('returns nothing for a user without desktops', async () => {
    const out = await client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'nobody' }));
    expect(out.Workspaces).toEqual([]);
  });

  it('shows an UNHEALTHY desktop with its error code and message', async () => {
    const ws = emu.state.listWorkspaces('alice').find((w) => w.state === 'UNHEALTHY');
    const out = await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [ws?.id ?? ''] }));
    expect(out.Workspaces?.[0]?.ErrorCode).toBe('WorkspaceUnhealthy');
    expect(out.Workspaces?.[0]?.ErrorMessage).toMatch(/health/);
  });

  it('filters by BundleId', async () => {
    const out = await client.send(new DescribeWorkspacesCommand({ BundleId: 'wsb-ubuntu0001' }));
    expect(out.Workspaces?.map((w) => w.WorkspaceName)).toEqual(['Linux-VNC']);
  });

  it('rejects two filters at once with InvalidParameterValuesException', async () => {
    const error = await failure(client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, BundleId: 'wsb-standard01' })));
    expect(error.name).toBe('InvalidParameterValuesException');
  });

  it('rejects UserName without DirectoryId', async () => {
    const error = await failure(client.send(new DescribeWorkspacesCommand({ UserName: 'alice' })));
    expect(error.name).toBe('InvalidParameterValuesException');
  });

  it.each([0, 26])('rejects Limit %i with ValidationException', async (limit) => {
    const error = await failure(client.send(new DescribeWorkspacesCommand({ Limit: limit })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/at 'limit' failed to satisfy constraint/);
  });

  it('rejects more than 25 workspace ids', async () => {
    const ids = Array.from({ length: 26 }, (_, i) => `ws-bulk${i.toString(36).padStart(5, '0')}`);
    const error = await failure(client.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids })));
    expect(error.name).toBe('ValidationException');
    const conn = await failure(client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids })));
    expect(conn.name).toBe('ValidationException');
  });

  it('rejects a foreign paging token', async () => {
    const error = await failure(client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, NextToken: 'bm9wZQ==' })));
    expect(error.name).toBe('InvalidParameterValuesException');
  });

  it('reports connection status for up to 25 ids', async () => {
    const ids = emu.state
      .listWorkspaces('alice')
      .slice(0, 3)
      .map((w) => w.id);
    emu.state.setConnectionState(ids[0] ?? '', 'CONNECTED');
    const out = await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }));
    expect(out.WorkspacesConnectionStatus).toHaveLength(3);
    const first = out.WorkspacesConnectionStatus?.[0];
    expect(first?.ConnectionState).toBe('CONNECTED');
    expect(first?.ConnectionStateCheckTimestamp).toBeInstanceOf(Date);
    expect(first?.LastKnownUserConnectionTimestamp).toBeInstanceOf(Date);
  });

  it('describes the deskbridge:connect tag of the VNC desktop', async () => {
    const vnc = emu.state.listWorkspaces('alice').find((w) => w.workspaceName === 'Linux-VNC');
    const out = await client.send(new DescribeTagsCommand({ ResourceId: vnc?.id ?? '' }));
    expect(out.TagList).toContainEqual({ Key: 'deskbridge:connect', Value: 'vnc://127.0.0.1:5901' });
    const missing = await failure(client.send(new DescribeTagsCommand({ ResourceId: 'ws-doesnotexist' })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('describes client properties of a directory', async () => {
    const out = await client.send(new DescribeClientPropertiesCommand({ ResourceIds: [DIRECTORY_FULL] }));
    expect(out.ClientPropertiesList?.[0]?.ClientProperties?.ReconnectEnabled).toBe('ENABLED');
    const missing = await failure(client.send(new DescribeClientPropertiesCommand({ ResourceIds: ['d-0000000000'] })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('describes bundles, by id and by owner', async () => {
    const all = await client.send(new DescribeWorkspaceBundlesCommand({ Owner: 'AMAZON' }));
    expect(all.Bundles?.length).toBe(3);
    const one = await client.send(new DescribeWorkspaceBundlesCommand({ BundleIds: ['wsb-perform001'] }));
    expect(one.Bundles?.[0]?.ComputeType?.Name).toBe('PERFORMANCE');
    expect(one.Bundles?.[0]?.CreationTime).toBeInstanceOf(Date);
    const both = await failure(client.send(new DescribeWorkspaceBundlesCommand({ BundleIds: ['wsb-perform001'], Owner: 'AMAZON' })));
    expect(both.name).toBe('InvalidParameterValuesException');
  });

  it('refuses a paging token that was forged or edited, and honours a genuine one', async () => {
    const first = await client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'bulk', Limit: 5 }));
    const token = first.NextToken ?? '';
    const second = await client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'bulk', Limit: 5, NextToken: token }));
    expect(second.Workspaces?.[0]?.WorkspaceId).not.toBe(first.Workspaces?.[0]?.WorkspaceId);
    // A plain base64 JSON offset for the same query, as the old tokens were: now refused.
    const forged = Buffer.from(JSON.stringify({ o: 50, q: JSON.stringify([null, DIRECTORY_FULL, 'bulk', null, null]) })).toString('base64');
    const edited = `${token.slice(0, 3)}${token[3] === 'A' ? 'B' : 'A'}${token.slice(4)}`;
    for (const NextToken of [forged, edited]) {
      const error = await failure(client.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'bulk', Limit: 5, NextToken })));
      expect(error.name).toBe('InvalidParameterValuesException');
      expect(error.message).toBe('The pagination token is invalid.');
    }
    const otherQuery = await failure(client.send(new DescribeWorkspaceDirectoriesCommand({ NextToken: token })));
    expect(otherQuery.name).toBe('InvalidParameterValuesException');
  });

  it('describes a WorkspaceId given twice once', async () => {
    const id = emu.state.listWorkspaces('alice')[0]?.id ?? '';
    const out = await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id, id] }));
    expect(out.Workspaces?.map((w) => w.WorkspaceId)).toEqual([id]);
    const conn = await client.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: [id, id] }));
    expect(conn.WorkspacesConnectionStatus?.map((w) => w.WorkspaceId)).toEqual([id]);
  });

  it('filters directories by id, name and the Filters list, and pages them', async () => {
    const ids = async (input: DescribeWorkspaceDirectoriesCommandInput): Promise<(string | undefined)[]> =>
      (await client.send(new DescribeWorkspaceDirectoriesCommand(input))).Directories?.map((d) => d.DirectoryId) ?? [];
    expect(await ids({ DirectoryIds: [DIRECTORY_RESTRICTED] })).toEqual([DIRECTORY_RESTRICTED]);
    expect(await ids({ WorkspaceDirectoryNames: ['restricted.example.com'] })).toEqual([DIRECTORY_RESTRICTED]);
    expect(await ids({ WorkspaceDirectoryNames: ['corp.example.com'], DirectoryIds: [DIRECTORY_RESTRICTED] })).toEqual([]);
    expect(await ids({ Filters: [{ Name: 'WORKSPACE_TYPE', Values: ['POOLS'] }] })).toEqual([]);
    expect(
      await ids({
        Filters: [
          { Name: 'WORKSPACE_TYPE', Values: ['PERSONAL'] },
          { Name: 'USER_IDENTITY_TYPE', Values: ['AWS_DIRECTORY_SERVICE'] },
        ],
      }),
    ).toEqual([DIRECTORY_FULL, DIRECTORY_RESTRICTED]);
    const page1 = await client.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [DIRECTORY_FULL, DIRECTORY_RESTRICTED], Limit: 1 }));
    const page2 = await client.send(
      new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [DIRECTORY_FULL, DIRECTORY_RESTRICTED], Limit: 1, NextToken: page1.NextToken }),
    );
    expect([...(page1.Directories ?? []), ...(page2.Directories ?? [])].map((d) => d.DirectoryId)).toEqual([DIRECTORY_FULL, DIRECTORY_RESTRICTED]);
    expect(page2.NextToken).toBeUndefined();
  });

  it("describes the account's own bundles without Owner, and Amazon's only with Owner AMAZON", async () => {
    const own = await client.send(new DescribeWorkspaceBundlesCommand({}));
    expect(own.Bundles?.map((b) => [b.BundleId, b.Owner])).toEqual([['wsb-custom0001', '123456789012']]);
    const amazon = await client.send(new DescribeWorkspaceBundlesCommand({ Owner: 'AMAZON' }));
    expect(amazon.Bundles?.every((b) => b.Owner === 'AMAZON')).toBe(true);
    expect(amazon.Bundles?.map((b) => b.BundleId)).not.toContain('wsb-custom0001');
    const byId = await client.send(new DescribeWorkspaceBundlesCommand({ BundleIds: ['wsb-custom0001', 'wsb-standard01'] }));
    expect(byId.Bundles?.map((b) => b.BundleId).sort()).toEqual(['wsb-custom0001', 'wsb-standard01']);
  });
});
