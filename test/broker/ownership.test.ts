import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerConfigSchema, brokerDesktopResponseSchema, brokerDesktopsResponseSchema, brokerErrorSchema } from '@shared/broker/api';
import { DIRECTORY_FULL, DIRECTORY_RESTRICTED, OIDC_CLIENT_ID } from '../emulator/seed';
import { operations, startBrokerWorld, type BrokerWorld } from './support';

describe('broker: each caller sees and acts on their own desktops only', () => {
  let world: BrokerWorld;
  beforeAll(async () => {
    world = await startBrokerWorld();
  });
  afterAll(async () => {
    await world.stop();
  });

  it('serves its public configuration without a token', async () => {
    const { status, json } = await world.request('/v1/config');
    expect(status).toBe(200);
    const config = brokerConfigSchema.parse(json);
    expect(config).toMatchObject({
      version: 'v1',
      issuer: world.emu.endpoints.oidcIssuer,
      clientId: OIDC_CLIENT_ID,
      userNameClaim: 'preferred_username',
      region: 'us-east-1',
    });
  });

  it("lists only alice's desktops for alice's token, with status, connect tag and directories", async () => {
    const { status, json } = await world.request('/v1/desktops', { token: await world.idToken('alice') });
    expect(status).toBe(200);
    const body = brokerDesktopsResponseSchema.parse(json);
    expect(body.userName).toBe('alice');
    // 19 in the full directory (every state) and 2 in the restricted one; none of bob's or bulk's.
    expect(body.desktops).toHaveLength(21);
    expect(body.desktops.every((d) => d.userName === 'alice')).toBe(true);
    expect(body.desktops.some((d) => d.workspaceId.startsWith('ws-bob'))).toBe(false);
    expect(body.directories.map((d) => d.directoryId).sort()).toEqual([DIRECTORY_FULL, DIRECTORY_RESTRICTED].sort());
    const vnc = body.desktops.find((d) => d.name === 'Linux-VNC');
    expect(vnc?.connectTag).toBe('vnc://127.0.0.1:5901');
    expect(vnc?.connectionState).toBe('DISCONNECTED');
  });

  it("lists only bob's desktops for bob's token", async () => {
    const body = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: await world.idToken('bob') })).json);
    expect(body.desktops.map((d) => d.name).sort()).toEqual(['Bob-AutoStop', 'Bob-PC']);
  });

  it('shows one of her desktops by id, with its connect tag', async () => {
    const alice = await world.idToken('alice');
    const mine = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: alice })).json).desktops;
    const vnc = mine.find((d) => d.name === 'Linux-VNC')!;
    const { status, json } = await world.request(`/v1/desktops/${vnc.workspaceId}`, { token: alice });
    expect(status).toBe(200);
    expect(brokerDesktopResponseSchema.parse(json).desktop).toMatchObject({
      workspaceId: vnc.workspaceId,
      userName: 'alice',
      connectTag: 'vnc://127.0.0.1:5901',
    });
  });

  it('answers not-found for routes the contract does not have', async () => {
    const alice = await world.idToken('alice');
    for (const [path, method] of [
      ['/v1/desktops', 'DELETE'],
      ['/v2/desktops', 'GET'],
      ['/v1/desktops/ws-alice0000/actions', 'GET'],
      ['/', 'GET'],
    ] as const) {
      const { status, json } = await world.request(path, { token: alice, method });
      expect(status, `${method} ${path}`).toBe(404);
      expect(brokerErrorSchema.parse(json).error.code).toBe('not-found');
    }
  });

  it("answers 404 not-found, never forbidden, for bob's desktop asked with alice's token", async () => {
    const alice = await world.idToken('alice');
    const bobs = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: await world.idToken('bob') })).json).desktops;
    const bobStopped = bobs.find((d) => d.state === 'STOPPED');
    expect(bobStopped).toBeDefined();
    const id = bobStopped!.workspaceId;

    const show = await world.request(`/v1/desktops/${id}`, { token: alice });
    expect(show.status).toBe(404);
    expect(brokerErrorSchema.parse(show.json).error.code).toBe('not-found');

    const before = world.calls.length;
    const act = await world.request(`/v1/desktops/${id}/actions`, { token: alice, body: { action: 'start' } });
    expect(act.status).toBe(404);
    expect(brokerErrorSchema.parse(act.json).error.code).toBe('not-found');
    expect(operations(world.calls, before)).not.toContain('StartWorkspaces');
    expect(world.emu.state.getWorkspace(id)?.state).toBe('STOPPED');

    // An unknown id reads exactly the same: nothing tells the two apart.
    const unknown = await world.request('/v1/desktops/ws-zzzz9999/actions', { token: alice, body: { action: 'start' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(act.json);
  });

  it('acts on her own desktop and re-reads only that desktop afterwards', async () => {
    const alice = await world.idToken('alice');
    const mine = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: alice })).json).desktops;
    const stopped = mine.find((d) => d.name === 'Daily-AutoStop');
    expect(stopped?.state).toBe('STOPPED');
    const before = world.calls.length;
    const { status, json } = await world.request(`/v1/desktops/${stopped!.workspaceId}/actions`, { token: alice, body: { action: 'start' } });
    expect(status).toBe(200);
    const { desktop } = brokerDesktopResponseSchema.parse(json);
    expect(desktop.workspaceId).toBe(stopped!.workspaceId);
    expect(['STARTING', 'AVAILABLE']).toContain(desktop.state);
    // The action, then one DescribeWorkspaces by id and its connection status: no sweep.
    const after = world.calls.slice(before).filter((c) => c.service === 'workspaces');
    expect(after.map((c) => c.operation).sort()).toEqual(['DescribeWorkspaces', 'DescribeWorkspacesConnectionStatus', 'StartWorkspaces']);
    // The list shows the re-read desktop at once, without another sweep.
    const again = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: alice })).json).desktops;
    expect(again.find((d) => d.workspaceId === stopped!.workspaceId)?.state).toBe(desktop.state);
  });

  it("refuses what the directory's self-service permissions don't allow, before AWS is asked", async () => {
    const alice = await world.idToken('alice');
    const mine = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: alice })).json).desktops;
    const restricted = mine.find((d) => d.name === 'Restricted-PC');
    const before = world.calls.length;
    const { status, json } = await world.request(`/v1/desktops/${restricted!.workspaceId}/actions`, {
      token: alice,
      body: { action: 'switchRunningMode', mode: 'ALWAYS_ON' },
    });
    expect(status).toBe(409);
    expect(brokerErrorSchema.parse(json).error.code).toBe('action-refused');
    expect(operations(world.calls, before)).not.toContain('ModifyWorkspaceProperties');
  });

  it('refuses a malformed action with invalid-request', async () => {
    const alice = await world.idToken('alice');
    const mine = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: alice })).json).desktops;
    const id = mine[0]!.workspaceId;
    for (const body of [{ action: 'stop' }, { action: 'rebuild' }, '{not json']) {
      const { status, json } = await world.request(`/v1/desktops/${id}/actions`, { token: alice, body });
      expect(status).toBe(400);
      expect(brokerErrorSchema.parse(json).error.code).toBe('invalid-request');
    }
  });

  it('writes one audit line per action (who, desktop, action, result) and never a token', async () => {
    const alice = await world.idToken('alice');
    const bob = await world.idToken('bob');
    const audits = world.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l['type'] === 'deskbridge-broker-audit');
    expect(audits.some((a) => a['user'] === 'alice' && a['action'] === 'start' && a['result'] === 'ok')).toBe(true);
    expect(audits.some((a) => a['user'] === 'alice' && a['action'] === 'start' && a['result'] === 'not-found')).toBe(true);
    for (const line of world.logs) {
      expect(line).not.toContain(alice);
      expect(line).not.toContain(bob);
      for (const part of [...alice.split('.'), ...bob.split('.')]) expect(line).not.toContain(part);
      expect(line).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    }
  });
});
