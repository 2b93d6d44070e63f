import {
  DescribeWorkspacesCommand,
  ModifyWorkspacePropertiesCommand,
  RebootWorkspacesCommand,
  RebuildWorkspacesCommand,
  StartWorkspacesCommand,
  StopWorkspacesCommand,
  type WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';

let emu: Emulator;
let client: WorkSpacesClient;
const durations = { startMs: 60_000, stopMs: 30_000, rebootMs: 45_000, rebuildMs: 120_000, modifyMs: 90_000 };

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, durations });
  client = workspacesClient(emu);
});
afterEach(async () => {
  await emu.stop();
});

const idOf = (name: string): string => emu.state.listWorkspaces('alice').find((w) => w.workspaceName === name)?.id ?? '';
const stateOf = async (id: string): Promise<string | undefined> =>
  (await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id] }))).Workspaces?.[0]?.State;

describe('WorkSpace lifecycle on a controllable clock', () => {
  it('starts a STOPPED AutoStop desktop: STARTING, then AVAILABLE after the start duration', async () => {
    const id = idOf('Daily-AutoStop');
    const out = await client.send(new StartWorkspacesCommand({ StartWorkspaceRequests: [{ WorkspaceId: id }] }));
    expect(out.FailedRequests).toEqual([]);
    expect(await stateOf(id)).toBe('STARTING');
    emu.clock.advance(59_999);
    expect(await stateOf(id)).toBe('STARTING');
    emu.clock.advance(1);
    expect(await stateOf(id)).toBe('AVAILABLE');
  });

  it('stops an AVAILABLE desktop through STOPPING', async () => {
    const id = idOf('Linux-VNC');
    await client.send(new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: id }] }));
    expect(await stateOf(id)).toBe('STOPPING');
    emu.clock.advance(30_000);
    expect(await stateOf(id)).toBe('STOPPED');
  });

  it('reboots through REBOOTING and rebuilds through REBUILDING', async () => {
    const id = idOf('Linux-VNC');
    await client.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: id }] }));
    expect(await stateOf(id)).toBe('REBOOTING');
    emu.clock.advance(45_000);
    expect(await stateOf(id)).toBe('AVAILABLE');
    await client.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: id }] }));
    expect(await stateOf(id)).toBe('REBUILDING');
    emu.clock.advance(120_000);
    expect(await stateOf(id)).toBe('AVAILABLE');
  });

  it('auto-stops an idle AutoStop desktop after its timeout, but not while a user is connected', async () => {
    const id = idOf('Linux-VNC');
    emu.state.setConnectionState(id, 'CONNECTED');
    emu.clock.advance(3 * 3600_000);
    expect(await stateOf(id)).toBe('AVAILABLE');
    emu.state.setConnectionState(id, 'DISCONNECTED');
    emu.clock.advance(60 * 60_000 - 1);
    expect(await stateOf(id)).toBe('AVAILABLE');
    emu.clock.advance(1);
    expect(await stateOf(id)).toBe('STOPPING');
    emu.clock.advance(30_000);
    expect(await stateOf(id)).toBe('STOPPED');
  });

  it('never auto-stops an AlwaysOn desktop', async () => {
    const id = idOf('Design-PC');
    emu.clock.advance(48 * 3600_000);
    expect(await stateOf(id)).toBe('AVAILABLE');
  });

  it('reports FailedRequests for a wrong state or running mode', async () => {
    const available = idOf('Linux-VNC');
    const alwaysOn = idOf('Design-PC');
    const out = await client.send(
      new StartWorkspacesCommand({ StartWorkspaceRequests: [{ WorkspaceId: available }, { WorkspaceId: alwaysOn }, { WorkspaceId: 'ws-missing000' }] }),
    );
    expect(out.FailedRequests?.map((f) => [f.WorkspaceId, f.ErrorCode])).toEqual([
      [available, 'InvalidResourceState'],
      [alwaysOn, 'UnsupportedOperation'],
      ['ws-missing000', 'ResourceNotFound'],
    ]);
    expect(out.FailedRequests?.[0]?.ErrorMessage).toMatch(/AVAILABLE/);
    const stop = await client.send(new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: alwaysOn }] }));
    expect(stop.FailedRequests?.[0]?.ErrorCode).toBe('UnsupportedOperation');
  });

  it('limits batches to 25 and rebuilds to exactly one', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ WorkspaceId: `ws-alice${i.toString(36).padStart(4, '0')}` }));
    expect((await failure(client.send(new StopWorkspacesCommand({ StopWorkspaceRequests: many })))).name).toBe('ValidationException');
    expect((await failure(client.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: many })))).name).toBe('ValidationException');
    const two = many.slice(0, 2);
    const rebuild = await failure(client.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: two })));
    expect(rebuild.name).toBe('ValidationException');
    expect(rebuild.message).toMatch(/less than or equal to 1/);
  });

  it('shows ModificationStates while a compute change runs, then applies it', async () => {
    const id = idOf('Linux-VNC');
    await client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id, WorkspaceProperties: { ComputeTypeName: 'PERFORMANCE' } }));
    let ws = (await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id] }))).Workspaces?.[0];
    expect(ws?.State).toBe('UPDATING');
    expect(ws?.ModificationStates).toEqual([{ Resource: 'COMPUTE_TYPE', State: 'UPDATE_IN_PROGRESS' }]);
    const busy = await failure(client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id, WorkspaceProperties: { UserVolumeSizeGib: 100 } })));
    expect(busy.name).toBe('OperationInProgressException');
    emu.clock.advance(90_000);
    ws = (await client.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id] }))).Workspaces?.[0];
    expect(ws?.State).toBe('AVAILABLE');
    expect(ws?.ModificationStates).toEqual([]);
    expect(ws?.WorkspaceProperties?.ComputeTypeName).toBe('PERFORMANCE');
  });

  it('allows a compute increase once per 6 hours and a decrease once per 30 days', async () => {
    const id = idOf('Daily-AutoStop');
    const modify = (compute: 'VALUE' | 'STANDARD' | 'PERFORMANCE' | 'POWER') =>
      client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id, WorkspaceProperties: { ComputeTypeName: compute } }));
    await modify('PERFORMANCE');
    emu.clock.advance(90_000);
    expect((await failure(modify('POWER'))).name).toBe('InvalidResourceStateException');
    emu.clock.advance(6 * 3600_000);
    await modify('POWER');
    emu.clock.advance(90_000);
    await modify('STANDARD');
    emu.clock.advance(90_000);
    expect((await failure(modify('VALUE'))).name).toBe('InvalidResourceStateException');
    emu.clock.advance(30 * 86_400_000);
    await modify('VALUE');
  });

  it('only increases volumes and switches running mode at once', async () => {
    const id = idOf('Daily-AutoStop');
    const shrink = await failure(client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id, WorkspaceProperties: { RootVolumeSizeGib: 10 } })));
    expect(shrink.name).toBe('InvalidParameterValuesException');
    await client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id, WorkspaceProperties: { RunningMode: 'ALWAYS_ON' } }));
    expect(emu.state.getWorkspace(id)?.props.runningMode).toBe('ALWAYS_ON');
    const suspended = await failure(
      client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: idOf('Suspended-PC'), WorkspaceProperties: { RunningMode: 'MANUAL' } })),
    );
    expect(suspended.name).toBe('InvalidResourceStateException');
    const missing = await failure(
      client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: 'ws-missing000', WorkspaceProperties: { RunningMode: 'MANUAL' } })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('disconnects the user when the desktop reboots and records the last connection', async () => {
    const id = idOf('Linux-VNC');
    emu.state.setConnectionState(id, 'CONNECTED');
    const connectedAt = emu.clock.now();
    emu.clock.advance(1000);
    await client.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: id }] }));
    const ws = emu.state.getWorkspace(id);
    expect(ws?.connection).toBe('DISCONNECTED');
    expect(ws?.lastUserConnectionAt).toBe(connectedAt + 1000);
  });
});
