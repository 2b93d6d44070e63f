import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_REREAD_MS, EAGER_TAG_LIMIT } from '@core/workspaces/org-desktops';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import { POLL_FAST_MS } from '@shared/lib/polling-policy';
import { byName, startWorld, type World } from './support/setup';

describe('listing every desktop of a signed-in organization', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ bulkCount: 2500 });
  }, 60_000);
  afterAll(async () => {
    await w.stop();
  });

  it('pages through 2,500 desktops, 25 at a time, and shows the first page before the rest', async () => {
    // Signing in starts the first refresh by itself.
    await w.sessions.signIn(w.sessions.org(), 'bulk', 'bulk-demo-pass');
    await w.service.idle();
    const snapshot = w.service.snapshot();
    expect(snapshot.desktops).toHaveLength(2500);
    expect(new Set(snapshot.desktops.map((d) => d.workspaceId)).size).toBe(2500);
    expect(snapshot.orgs[0]).toMatchObject({ status: 'ready', userName: 'bulk', count: 2500, directoryId: 'd-906700a001' });
    const pages = w.workspaceCalls('DescribeWorkspaces');
    expect(pages).toHaveLength(100);
    for (const page of pages) expect((page.output as { Workspaces: unknown[] }).Workspaces.length).toBeLessThanOrEqual(25);
    // Streamed: the first push already had desktops (one page), long before all 2,500.
    const firstWithDesktops = w.pushes.find((p) => p.desktops.length > 0);
    expect(firstWithDesktops?.desktops.length).toBe(25);
    expect(firstWithDesktops?.orgs[0]?.status).toBe('partial');
    // …but not one push per page.
    expect(w.pushes.length).toBeLessThan(20);
  });

  it('asks for connection status in batches of 25 ids covering every desktop once', async () => {
    const batches = w.workspaceCalls('DescribeWorkspacesConnectionStatus');
    expect(batches).toHaveLength(100);
    const ids = batches.flatMap((b) =>
      (b.output as { WorkspacesConnectionStatus: { WorkspaceId: string }[] }).WorkspacesConnectionStatus.map((s) => s.WorkspaceId),
    );
    expect(ids).toHaveLength(2500);
    expect(new Set(ids).size).toBe(2500);
    const stopped = byName(w.service.snapshot(), 'Bulk-0010');
    expect(stopped).toMatchObject({ state: 'STOPPED', connectionState: 'DISCONNECTED' });
    expect(stopped.lastConnectedAt).toBe(w.emu.clock.now() - 86_400_000);
  });

  it('does not fetch 2,500 tags up front (one call per desktop): tags come on demand', async () => {
    expect(w.workspaceCalls('DescribeTags')).toHaveLength(0);
    const first = w.service.snapshot().desktops[0];
    expect(await w.service.connectTag(first?.orgId ?? '', first?.workspaceId ?? '')).toBeNull();
    expect(w.workspaceCalls('DescribeTags')).toHaveLength(1);
  });
});

describe('directory and details', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => {
    await w.stop();
  });

  it('resolves the directory by matching the registration code when the profile has none', async () => {
    const org = w.sessions.org({ directoryId: undefined, code: 'sliad+demo01' });
    await w.sessions.signIn(org, 'alice', 'alice-demo-pass');
    await w.service.idle();
    const snapshot = w.service.snapshot();
    expect(snapshot.orgs[0]).toMatchObject({ status: 'ready', directoryId: 'd-906700a001' });
    expect(snapshot.orgs[0]?.permissions).toEqual({
      restartWorkspace: true,
      increaseVolumeSize: true,
      changeComputeType: true,
      switchRunningMode: true,
      rebuildWorkspace: true,
    });
    expect(snapshot.desktops).toHaveLength(19);
    const dirCalls = w.workspaceCalls('DescribeWorkspaceDirectories');
    expect(dirCalls.length).toBeGreaterThan(0);
  });

  it('shows every field the list needs, and the deskbridge:connect tag of a small list', async () => {
    const s = w.service.snapshot();
    const design = byName(s, 'Design-PC');
    expect(design).toMatchObject({
      state: 'AVAILABLE',
      runningMode: 'ALWAYS_ON',
      computeType: 'PERFORMANCE',
      rootVolumeGib: 175,
      userVolumeGib: 100,
      os: 'WINDOWS_11',
      protocols: ['WSP'],
      userName: 'alice',
      modifications: [],
    });
    expect(byName(s, 'Error-PC')).toMatchObject({ state: 'ERROR', errorCode: 'ResourceLimitExceeded.CoresLimit' });
    expect(byName(s, 'Unhealthy-PC').errorMessage).toMatch(/health checks/);
    expect(byName(s, 'Linux-VNC').connectTag).toBe('vnc://127.0.0.1:5901');
    expect(byName(s, 'Design-PC').connectTag).toBeUndefined();
    expect(new Set(s.desktops.map((d) => d.state)).size).toBe(17);
  });

  it('says which registration code matched nothing', async () => {
    const org = w.sessions.org({ id: 'org-wrong', directoryId: undefined, code: 'SLiad+NOPE99', name: 'Wrong Code Inc' });
    await w.sessions.signIn(org, 'alice', 'alice-demo-pass');
    await w.service.idle();
    const part = w.service.snapshot().orgs.find((o) => o.orgId === 'org-wrong');
    expect(part).toMatchObject({ status: 'error', error: { code: 'desktops.directoryNotFound' } });
    expect(part?.error?.message).toContain('SLiad+NOPE99');
    w.sessions.signOut('org-wrong');
    expect(w.service.snapshot().orgs.map((o) => o.orgId)).toEqual(['org-oidc']);
  });

  it('reports a user with no desktops with the user name it asked for', async () => {
    const org = w.sessions.org({ id: 'org-nobody' });
    await w.sessions.signIn(org, 'nobody', 'nobody-demo-pass');
    await w.service.idle();
    const part = w.service.snapshot().orgs.find((o) => o.orgId === 'org-nobody');
    expect(part).toMatchObject({ status: 'ready', count: 0, userName: 'nobody' });
    w.sessions.signOut('org-nobody');
  });

  it('drops an organization’s desktops when it signs out', async () => {
    w.sessions.signOut('org-oidc');
    expect(w.service.snapshot()).toMatchObject({ orgs: [], desktops: [] });
  });
});

describe('self-service permissions follow the administrator', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
    w.service.setVisible(true);
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });
  const permissions = () => w.service.snapshot().orgs[0]?.permissions;

  it('reads them again on the slow cadence, not on every fast poll and not only at sign-in', async () => {
    expect(permissions()?.rebuildWorkspace).toBe(true);
    const directoryId = w.service.snapshot().orgs[0]?.directoryId ?? '';
    w.emu.state.setSelfservicePermissions(directoryId, { RebuildWorkspace: 'DISABLED', IncreaseVolumeSize: 'DISABLED' });
    const reads = w.workspaceCalls('DescribeWorkspaceDirectories').length;
    // Alice has desktops in transitional states: polls every 5 s, the directory only once a slow period.
    await w.advance(POLL_FAST_MS);
    expect(w.workspaceCalls('DescribeWorkspaces').length).toBeGreaterThan(1);
    expect(w.workspaceCalls('DescribeWorkspaceDirectories')).toHaveLength(reads);
    expect(permissions()?.rebuildWorkspace).toBe(true);
    await w.advance(DIRECTORY_REREAD_MS);
    expect(w.workspaceCalls('DescribeWorkspaceDirectories')).toHaveLength(reads + 1);
    expect(permissions()).toMatchObject({ rebuildWorkspace: false, increaseVolumeSize: false, restartWorkspace: true });
  }, 120_000); // half an hour of fast polls on the manual clock

  it('keeps the permissions it knew when a re-read fails, and the list stays ready', async () => {
    w.emu.faults.set('workspaces', { throttleRate: 1 }, 'DescribeWorkspaceDirectories');
    await w.advance(DIRECTORY_REREAD_MS);
    expect(w.service.snapshot().orgs[0]).toMatchObject({ status: 'ready', permissions: { rebuildWorkspace: false } });
    w.emu.faults.clear();
  }, 120_000);
});

describe('the deskbridge:connect tag of a large organization', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ bulkCount: EAGER_TAG_LIMIT + 10 });
    await w.sessions.signIn(w.sessions.org(), 'bulk', 'bulk-demo-pass');
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });
  /** The next desktop handed to the launch step. */
  const nextReady = () =>
    new Promise<DesktopEntry>((resolve) => {
      const off = w.service.onReady((desktop) => {
        off();
        resolve(desktop);
      });
    });
  /** The next pushed snapshot that shows a problem on `name`. */
  const nextProblem = (name: string) =>
    new Promise<DesktopEntry>((resolve) => {
      const off = w.service.onChange((snapshot) => {
        const desktop = snapshot.desktops.find((d) => d.name === name);
        if (desktop?.problem === undefined) return;
        off();
        resolve(desktop);
      });
    });

  it('is not read up front, but read when the user connects, and the launch gets it', async () => {
    expect(w.workspaceCalls('DescribeTags')).toHaveLength(0);
    const target = byName(w.service.snapshot(), 'Bulk-0001');
    w.emu.state.setTag(target.workspaceId, 'deskbridge:connect', 'vnc://127.0.0.1:5999');
    const first = nextReady();
    expect((await w.actions.connect(target.key)).ok).toBe(true);
    expect(await first).toMatchObject({ key: target.key, connectTag: 'vnc://127.0.0.1:5999' });
    expect(w.workspaceCalls('DescribeTags')).toHaveLength(1);
    // Known from now on: a second connect doesn't ask again.
    const second = nextReady();
    expect((await w.actions.connect(target.key)).ok).toBe(true);
    expect((await second).connectTag).toBe('vnc://127.0.0.1:5999');
    expect(w.workspaceCalls('DescribeTags')).toHaveLength(1);
  });

  it('does not launch another way when the tag can’t be read: it says so on the desktop', async () => {
    const target = byName(w.service.snapshot(), 'Bulk-0002');
    const launched: string[] = [];
    const off = w.service.onReady((desktop) => launched.push(desktop.key));
    w.emu.faults.set('workspaces', { throttleRate: 1 }, 'DescribeTags');
    const problem = nextProblem('Bulk-0002');
    expect((await w.actions.connect(target.key)).ok).toBe(true);
    expect(await problem).toMatchObject({ problem: { code: 'desktops.connectTagUnknown', action: 'connect' }, connect: { phase: 'failed' } });
    expect(launched).toEqual([]);
    off();
    w.emu.faults.clear();
  });
});
