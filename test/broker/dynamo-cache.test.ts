import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDesktops, createDynamoSweepCache } from '../../broker/src/dynamo-cache';
import { type LocalBroker } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import { brokerDesktopsResponseSchema } from '@shared/broker/api';
import { brokerPermissionPolicy } from '@shared/iam/kit-policy';
import { BROKER_CACHE_TABLE } from '../emulator';
import { loadModel, validateOutput } from '../emulator/model-validator';
import { operations, startBrokerWorld, type BrokerWorld } from './support';

const BULK = 1200;

function dynamoCache(world: BrokerWorld) {
  return createDynamoSweepCache({
    tableName: BROKER_CACHE_TABLE,
    region: world.emu.region,
    credentials: world.emu.brokerCredentials,
    endpoint: world.emu.endpoints.dynamodb!,
  });
}

async function secondInstance(world: BrokerWorld): Promise<LocalBroker> {
  return startDemoBroker(world.emu, { name: 'Second instance', cache: dynamoCache(world) });
}

const list = async (url: string, token: string) => {
  const response = await fetch(`${url}/v1/desktops`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return brokerDesktopsResponseSchema.parse(await response.json());
};

describe('broker: the DynamoDB sweep cache shares one sweep among Lambda instances', () => {
  let world: BrokerWorld;
  let second: LocalBroker;
  beforeAll(async () => {
    world = await startBrokerWorld({ emulator: { bulkCount: BULK } });
    // The first instance is the world's broker, restarted with the DynamoDB cache.
    await world.broker.close();
    Object.assign(world, { broker: await secondInstance(world) });
    second = await secondInstance(world);
  });
  afterAll(async () => {
    await second.close();
    await world.stop();
  });

  it("lets a second instance serve from the first one's sweep, split into items under DynamoDB's size limit", async () => {
    const alice = await world.idToken('alice');
    const start = world.calls.length;
    const first = await list(world.broker.url, alice);
    const swept = operations(world.calls, start).filter((o) => o === 'DescribeWorkspaces').length;
    // 1,221 desktops in the full directory (49 pages) and 2 in the restricted one.
    expect(swept).toBe(50);
    const puts = world.calls.slice(start).filter((c) => c.service === 'dynamodb' && c.operation === 'PutItem');
    // Two directories, each a head item; the full one needs more than one chunk.
    expect(puts.length).toBeGreaterThanOrEqual(5);
    expect(puts.every((p) => p.status === 200)).toBe(true);

    const middle = world.calls.length;
    const fromCache = await list(second.url, alice);
    expect(operations(world.calls, middle).filter((o) => o === 'DescribeWorkspaces')).toEqual([]);
    expect(fromCache.desktops.map((d) => [d.workspaceId, d.state])).toEqual(first.desktops.map((d) => [d.workspaceId, d.state]));
    expect(fromCache.asOf).toBe(first.asOf);
  });

  it("answers as DynamoDB's model says (GetItem/PutItem output shapes)", async () => {
    const model = await loadModel('dynamodb');
    const answered = world.calls.filter((c) => c.service === 'dynamodb' && c.status === 200);
    expect(answered.length).toBeGreaterThan(5);
    expect(answered.flatMap((c) => validateOutput(model, c.operation ?? '', c.output))).toEqual([]);
  });

  it('chunks a directory so every item stays below 400 KB', () => {
    const desktop = {
      workspaceId: 'ws-abcdefgh',
      directoryId: 'd-1234567890',
      userName: 'u',
      name: 'x'.repeat(200),
      state: 'AVAILABLE' as const,
      protocols: [],
      modifications: [],
    };
    const chunks = chunkDesktops(Array.from({ length: 5000 }, () => desktop));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(Buffer.byteLength(chunk)).toBeLessThan(350 * 1024);
    expect(chunks.flatMap((c) => JSON.parse(c) as unknown[])).toHaveLength(5000);
  });
});

describe('broker: without the table permission the cache misses and the broker still works', () => {
  let world: BrokerWorld;
  beforeAll(async () => {
    const noCache = brokerPermissionPolicy({ partition: 'aws', region: 'us-east-1', account: '123456789012' });
    world = await startBrokerWorld({ emulator: { brokerPolicies: [noCache] } });
    await world.broker.close();
    Object.assign(world, { broker: await secondInstance(world) });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('sweeps on its own when DynamoDB refuses', async () => {
    const start = world.calls.length;
    const body = await list(world.broker.url, await world.idToken('alice'));
    expect(body.desktops).toHaveLength(21);
    const refused = world.calls.slice(start).filter((c) => c.service === 'dynamodb');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((c) => c.errorType === 'AccessDeniedException')).toBe(true);
  });
});
