import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleBroker } from '../../deploy/broker-bundle';
import type { Broker } from '../../broker/src/handler';
import { brokerConfigSchema, brokerErrorSchema } from '@shared/broker/api';

const ENV = {
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEEXAMPLE01',
  AWS_SECRET_ACCESS_KEY: 'example-secret',
  AWS_SESSION_TOKEN: 'example-session',
  BROKER_NAME: 'Example Corp',
  BROKER_ISSUER: 'https://login.example.com',
  BROKER_AUDIENCE: 'deskbridge',
  BROKER_USER_NAME_CLAIM: 'preferred_username',
  BROKER_DIRECTORY_IDS: '',
  BROKER_DEFAULT_CONNECT: '',
  BROKER_CACHE_TTL_SECONDS: '30',
  BROKER_CACHE_TABLE: '',
  BROKER_USER_BURST: '20',
  BROKER_USER_RATE: '2',
};

const event = (path: string, method = 'GET') => ({
  version: '2.0' as const,
  routeKey: `${method} ${path}`,
  rawPath: path,
  headers: {},
  isBase64Encoded: false,
  requestContext: { http: { method, path }, requestId: 'r-1', stage: '$default' },
});

describe('the broker bundle (npm run broker:bundle)', () => {
  it('is one module whose handler serves the contract from the environment the stack sets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskbridge-broker-'));
    try {
      const file = await bundleBroker(dir);
      const bundled = (await import(pathToFileURL(file).href)) as { brokerFromEnvironment(env: Record<string, string>): Broker; handler: unknown };
      expect(typeof bundled.handler).toBe('function');
      const broker = bundled.brokerFromEnvironment(ENV);
      const config = await broker.handle(event('/v1/config'));
      expect(config.statusCode).toBe(200);
      expect(brokerConfigSchema.parse(JSON.parse(config.body))).toEqual({
        version: 'v1',
        name: 'Example Corp',
        region: 'eu-central-1',
        issuer: 'https://login.example.com',
        clientId: 'deskbridge',
        userNameClaim: 'preferred_username',
      });
      const noToken = await broker.handle(event('/v1/desktops'));
      expect(noToken.statusCode).toBe(401);
      expect(brokerErrorSchema.parse(JSON.parse(noToken.body)).error.code).toBe('unauthorized');
      expect(() => bundled.brokerFromEnvironment({ ...ENV, BROKER_ISSUER: 'not a url' })).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
