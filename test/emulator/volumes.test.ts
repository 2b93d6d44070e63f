import { ModifyWorkspacePropertiesCommand, type WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVolumeCombination, volumeRequestProblem } from '@shared/lib/self-service';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { errorAllowed, loadModel } from './model-validator';

let emu: Emulator;
let client: WorkSpacesClient;
const MODIFY_MS = 90_000;

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, durations: { modifyMs: MODIFY_MS } });
  client = workspacesClient(emu);
});
afterEach(async () => {
  await emu.stop();
});

const idOf = (name: string): string => emu.state.listWorkspaces('alice').find((w) => w.workspaceName === name)?.id ?? '';
const grow = (id: string, sizes: { RootVolumeSizeGib?: number; UserVolumeSizeGib?: number }) =>
  client.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id, WorkspaceProperties: sizes }));
const volumesOf = (id: string) => {
  const ws = emu.state.getWorkspace(id);
  return [ws?.props.rootVolumeSizeGib, ws?.props.userVolumeSizeGib];
};

describe('volume changes follow AWS’s rules (admin guide, "Modify a WorkSpace")', () => {
  it('refuses both volumes in one request, and sizes outside the root/user groups, with InvalidParameterValuesException', async () => {
    const model = await loadModel('workspaces');
    const id = idOf('Daily-AutoStop');
    expect(volumesOf(id)).toEqual([80, 50]);
    const both = await failure(grow(id, { RootVolumeSizeGib: 175, UserVolumeSizeGib: 100 }));
    expect(both.name).toBe('InvalidParameterValuesException');
    expect(both.message).toMatch(/at the same time/);
    for (const sizes of [{ RootVolumeSizeGib: 175 }, { UserVolumeSizeGib: 75 }, { UserVolumeSizeGib: 500 }, { RootVolumeSizeGib: 100 }]) {
      const refused = await failure(grow(id, sizes));
      expect(refused.name, JSON.stringify(sizes)).toBe('InvalidParameterValuesException');
      expect(refused.message).toMatch(/not a supported combination/);
    }
    expect(errorAllowed(model, 'ModifyWorkspaceProperties', 'InvalidParameterValuesException')).toBe(true);
    expect(errorAllowed(model, 'ModifyWorkspaceProperties', 'InvalidResourceStateException')).toBe(true);
    expect(volumesOf(id)).toEqual([80, 50]);
  });

  it('grows 80/50 → 80/100 → 175/100 → 175/300, one volume at a time, each volume once in 6 hours', async () => {
    const id = idOf('Daily-AutoStop');
    await grow(id, { UserVolumeSizeGib: 100 });
    emu.clock.advance(MODIFY_MS);
    expect(volumesOf(id)).toEqual([80, 100]);
    await grow(id, { RootVolumeSizeGib: 175 });
    emu.clock.advance(MODIFY_MS);
    expect(volumesOf(id)).toEqual([175, 100]);
    const again = await failure(grow(id, { UserVolumeSizeGib: 300 }));
    expect(again.name).toBe('InvalidResourceStateException');
    expect(again.message).toMatch(/user volume .* once in a 6-hour period/);
    emu.clock.advance(6 * 3600_000);
    await grow(id, { UserVolumeSizeGib: 300 });
    emu.clock.advance(MODIFY_MS);
    expect(volumesOf(id)).toEqual([175, 300]);
  });

  it('agrees with the client’s rules on every pair of sizes around the group edges', () => {
    const sizes = [10, 50, 75, 80, 99, 100, 101, 174, 175, 176, 1999, 2000];
    for (const root of sizes)
      for (const user of sizes) {
        const inGroup = (root === 80 && [10, 50, 100].includes(user)) || (root >= 175 && root <= 2000 && user >= 100 && user <= 2000);
        expect(isVolumeCombination(root, user), `${root}/${user}`).toBe(inGroup);
      }
    expect(volumeRequestProblem({ rootGib: 80, userGib: 50 }, { rootGib: 175, userGib: 100 })).toBe('bothAtOnce');
  });
});
