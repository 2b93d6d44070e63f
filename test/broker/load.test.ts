import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerDesktopsResponseSchema, brokerErrorSchema } from '@shared/broker/api';
import { BROKER_ROLE_ARN, demoBrokerPolicy } from '../emulator';
import type { PolicyDocument } from '@shared/iam/kit-policy';
import { operations, startBrokerWorld, type BrokerWorld } from './support';

const count = (ops: readonly string[], name: string): number => ops.filter((o) => o === name).length;

describe('broker: AWS load does not grow with callers', () => {
  let world: BrokerWorld;
  let skewMs = 0;
  beforeAll(async () => {
    // 30 bulk + 19 alice + 2 bob desktops in the full directory (3 pages), 2 in the restricted one (1 page).
    world = await startBrokerWorld({ broker: { now: () => Date.now() + skewMs, cacheTtlMs: 60_000, userThrottle: { burst: 1000, perSecond: 100 } } });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('answers 100 concurrent list requests of two users with one sweep per directory', async () => {
    const [alice, bob] = [await world.idToken('alice'), await world.idToken('bob')];
    const before = world.calls.length;
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => world.request('/v1/desktops', { token: i % 2 === 0 ? alice : bob })));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => brokerDesktopsResponseSchema.parse(r.json).desktops.length))).toEqual(new Set([21, 2]));
    const ops = operations(world.calls, before);
    expect(count(ops, 'DescribeWorkspaceDirectories')).toBe(1);
    expect(count(ops, 'DescribeWorkspaces')).toBe(4);
    expect(count(ops, 'DescribeWorkspacesConnectionStatus')).toBe(4);
    // Connect tags: one look-up per listed desktop, once (21 of alice's, 2 of bob's).
    expect(count(ops, 'DescribeTags')).toBe(23);
  });

  it('serves later requests from the cache until the TTL runs out, then sweeps once more', async () => {
    const alice = await world.idToken('alice');
    const before = world.calls.length;
    await Promise.all(Array.from({ length: 20 }, () => world.request('/v1/desktops', { token: alice })));
    expect(operations(world.calls, before)).toEqual([]);
    skewMs = 61_000;
    await Promise.all(Array.from({ length: 20 }, () => world.request('/v1/desktops', { token: alice })));
    const ops = operations(world.calls, before);
    expect(count(ops, 'DescribeWorkspaces')).toBe(4);
    expect(count(ops, 'DescribeWorkspaceDirectories')).toBe(1);
    expect(count(ops, 'DescribeTags')).toBe(0);
  });
});

describe("broker: its role's policy is the kit's, evaluated by the emulator's IAM", () => {
  let world: BrokerWorld;
  beforeAll(async () => {
    world = await startBrokerWorld();
  });
  afterAll(async () => {
    await world.stop();
  });

  const without = (action: string): PolicyDocument => {
    const policy = demoBrokerPolicy();
    return {
      ...policy,
      Statement: policy.Statement.map((s) => ({ ...s, Action: (Array.isArray(s.Action) ? s.Action : [s.Action]).filter((a: string) => a !== action) })),
    };
  };

  it('works with the kit policy and fails when a permission it needs is missing', async () => {
    const alice = await world.idToken('alice');
    const list = brokerDesktopsResponseSchema.parse((await world.request('/v1/desktops', { token: alice })).json);
    const stopped = list.desktops.find((d) => d.name === 'Manual-Stopped')!;

    world.emu.iam.setPolicies(BROKER_ROLE_ARN, [without('workspaces:StartWorkspaces')]);
    const refused = await world.request(`/v1/desktops/${stopped.workspaceId}/actions`, { token: alice, body: { action: 'start' } });
    expect(refused.status).toBe(502);
    expect(brokerErrorSchema.parse(refused.json).error).toMatchObject({ code: 'aws-unavailable', awsError: 'AccessDeniedException' });

    world.emu.iam.setPolicies(BROKER_ROLE_ARN, [demoBrokerPolicy()]);
    const started = await world.request(`/v1/desktops/${stopped.workspaceId}/actions`, { token: alice, body: { action: 'start' } });
    expect(started.status).toBe(200);
  });

  it('cannot sweep without DescribeWorkspaces', async () => {
    const world2 = await startBrokerWorld({ emulator: { brokerPolicies: [without('workspaces:DescribeWorkspaces')] } });
    try {
      const response = await world2.request('/v1/desktops', { token: await world2.idToken('alice') });
      expect(response.status).toBe(502);
      expect(brokerErrorSchema.parse(response.json).error.code).toBe('aws-unavailable');
    } finally {
      await world2.stop();
    }
  });
});

describe('broker: per-user throttling', () => {
  let world: BrokerWorld;
  beforeAll(async () => {
    world = await startBrokerWorld({ broker: { userThrottle: { burst: 3, perSecond: 0.01 } } });
  });
  afterAll(async () => {
    await world.stop();
  });

  it("answers 429 throttled once a user's budget is spent, without slowing anyone else", async () => {
    const alice = await world.idToken('alice');
    for (let i = 0; i < 3; i += 1) expect((await world.request('/v1/desktops', { token: alice })).status).toBe(200);
    const throttled = await world.request('/v1/desktops', { token: alice });
    expect(throttled.status).toBe(429);
    const error = brokerErrorSchema.parse(throttled.json).error;
    expect(error.code).toBe('throttled');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.headers.get('retry-after')).toBe(String(error.retryAfterSeconds));
    expect((await world.request('/v1/desktops', { token: await world.idToken('bob') })).status).toBe(200);
  });
});
