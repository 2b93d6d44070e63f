import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopActions } from '@core/workspaces/actions';
import type { SelfServiceAction } from '@shared/lib/self-service';
import { demoKitPolicy, OWNER_TAG_KEY } from '../../emulator';
import { byName, keyOf, startWorld, type World } from './support/setup';

/**
 * The IT kit's policy, enforced by the emulator's real IAM evaluator, seen from core: refusals
 * name the action, the desktop and the IT setting to check (docs/admin-guide.md).
 */
const DURATIONS = { startMs: 600_000, rebootMs: 600_000, rebuildMs: 600_000, modifyMs: 600_000, stopMs: 600_000 };

let w: World | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

async function aliceIn(world: World): Promise<void> {
  await world.sessions.signIn(world.sessions.org(), 'alice', 'alice-demo-pass');
  await world.service.idle();
}

function call(actions: DesktopActions, action: SelfServiceAction, key: string, name: string) {
  switch (action) {
    case 'start':
      return actions.start(key);
    case 'restart':
      return actions.restart(key);
    case 'rebuild':
      return actions.rebuild(key, name);
    case 'changeComputeType':
      return actions.changeComputeType(key, 'PERFORMANCE');
    case 'increaseVolume':
      return actions.increaseVolume(key, { userGib: 100 });
    case 'switchRunningMode':
      return actions.switchRunningMode(key, 'ALWAYS_ON');
  }
}

describe('self-service under the IT kit’s policy', () => {
  it('alice restarts her own desktop', async () => {
    w = await startWorld({ durations: DURATIONS });
    await aliceIn(w);
    const result = await w.actions.restart(keyOf(w.service.snapshot(), 'Linux-VNC'));
    expect(result.ok).toBe(true);
    expect(w.emu.state.getWorkspace(byName(w.service.snapshot(), 'Linux-VNC').workspaceId)?.state).toBe('REBOOTING');
  });

  it('alice is refused on a desktop whose owner tag names bob, and the problem names the owner tag, the action and the desktop', async () => {
    w = await startWorld({ durations: DURATIONS });
    await aliceIn(w);
    const desktop = byName(w.service.snapshot(), 'Linux-VNC');
    w.emu.state.setTag(desktop.workspaceId, OWNER_TAG_KEY, 'bob');
    const result = await w.actions.restart(desktop.key);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('desktops.denied.ownerTag');
    expect(result.error.message).toBe(
      'AWS didn’t let alice restart “Linux-VNC”: the desktop’s owner tag does not name alice. Ask your IT department to set this desktop’s owner tag to your WorkSpaces user name.',
    );
    expect(result.error.details).toContain('workspaces:RebootWorkspaces');
    expect(result.error.details).toContain(desktop.workspaceId);
    // The problem stays on the desktop for the renderer, which words it from the code.
    expect(byName(w.service.snapshot(), 'Linux-VNC').problem).toMatchObject({ code: 'desktops.denied.ownerTag', action: 'restart' });
    expect(w.emu.state.getWorkspace(desktop.workspaceId)?.state).toBe('AVAILABLE');
  });

  it('without the tags claim, every self-service action is refused and the principal tag is named', async () => {
    w = await startWorld({ durations: DURATIONS, emulator: { sessionTags: false } });
    await aliceIn(w);
    const cases: readonly [SelfServiceAction, string][] = [
      ['start', 'Daily-AutoStop'],
      ['restart', 'Linux-VNC'],
      ['rebuild', 'Linux-VNC'],
      ['changeComputeType', 'Linux-VNC'],
      ['increaseVolume', 'Linux-VNC'],
      ['switchRunningMode', 'Linux-VNC'],
    ];
    for (const [action, name] of cases) {
      const result = await call(w.actions, action, keyOf(w.service.snapshot(), name), name);
      expect(result.ok, action).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, action).toBe('desktops.denied.principalTag');
      expect(result.error.message, action).toContain(`“${name}”`);
      expect(result.error.message, action).toContain('session tags your identity provider sends');
    }
  });

  it('an explicit deny in the role’s policy names the policy', async () => {
    const kit = demoKitPolicy();
    const noRebuild = {
      ...kit,
      Statement: [...kit.Statement, { Sid: 'NoRebuild', Effect: 'Deny' as const, Action: 'workspaces:RebuildWorkspaces', Resource: '*' }],
    };
    w = await startWorld({ durations: DURATIONS, emulator: { rolePolicies: [noRebuild] } });
    await aliceIn(w);
    const result = await w.actions.rebuild(keyOf(w.service.snapshot(), 'Linux-VNC'), 'Linux-VNC');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('desktops.denied.policy');
    expect(result.error.message).toContain('workspaces:RebuildWorkspaces');
  });

  it('a role that may not list says so, naming the user and the role', async () => {
    w = await startWorld({ emulator: { rolePolicies: [] } });
    await aliceIn(w);
    const org = w.service.snapshot().orgs[0];
    expect(org?.status).toBe('error');
    expect(org?.error?.code).toBe('desktops.denied.list');
    expect(org?.error?.message).toContain('alice');
    expect(org?.error?.message).toContain('DeskbridgeDemo');
  });
});

describe('only the signed-in user’s desktops', () => {
  it('nothing of another user reaches the list, the connection-status calls or the log, even when the API returns it', async () => {
    w = await startWorld();
    w.emu.state.setIgnoresUserNameFilter(true);
    await aliceIn(w);
    const bobs = w.emu.state.listWorkspaces('bob');
    expect(bobs.length).toBeGreaterThan(0);
    // The API really did return bob's desktops to alice's listing…
    const returned = w.workspaceCalls('DescribeWorkspaces').flatMap((c) => (c.output as { Workspaces?: { WorkspaceId: string }[] }).Workspaces ?? []);
    expect(returned.map((x) => x.WorkspaceId)).toEqual(expect.arrayContaining(bobs.map((b) => b.id)));
    // …and none of it was kept, asked about, shown or logged.
    const snapshot = w.service.snapshot();
    expect(snapshot.desktops.length).toBeGreaterThan(0);
    expect(snapshot.desktops.every((d) => d.userName === 'alice')).toBe(true);
    const asked = w
      .workspaceCalls('DescribeWorkspacesConnectionStatus')
      .flatMap((c) => (c.output as { WorkspacesConnectionStatus: { WorkspaceId: string }[] }).WorkspacesConnectionStatus.map((s) => s.WorkspaceId));
    const seen = JSON.stringify([snapshot, w.pushes, w.log.list()]);
    for (const bob of bobs) {
      expect(asked).not.toContain(bob.id);
      expect(seen).not.toContain(bob.id);
      expect(seen).not.toContain(bob.workspaceName);
    }
  });
});
