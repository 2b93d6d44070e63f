/**
 * The Lambda entry point (deploy/stacks/broker-stack.ts): settings from the function's
 * environment, AWS credentials from its execution role (the variables Lambda sets), the sweep
 * cache in DynamoDB when the stack made a table, else in this instance's memory.
 */
import { z } from 'zod';
import { createBrokerAwsClient } from './aws-client';
import { createDynamoSweepCache } from './dynamo-cache';
import { type Broker, createBroker } from './handler';
import type { HttpApiEvent, HttpApiResult } from './lambda-event';

const environmentSchema = z.object({
  AWS_REGION: z.string().min(1),
  AWS_ACCESS_KEY_ID: z.string().min(1),
  AWS_SECRET_ACCESS_KEY: z.string().min(1),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  BROKER_NAME: z.string().min(1),
  BROKER_ISSUER: z.string().url(),
  BROKER_AUDIENCE: z.string().min(1),
  BROKER_USER_NAME_CLAIM: z.string().min(1),
  BROKER_DIRECTORY_IDS: z.string().optional(),
  BROKER_DEFAULT_CONNECT: z.string().optional(),
  BROKER_CACHE_TTL_SECONDS: z.coerce.number().int().min(5).max(3600).optional(),
  BROKER_CACHE_TABLE: z.string().optional(),
  BROKER_USER_BURST: z.coerce.number().int().min(1).optional(),
  BROKER_USER_RATE: z.coerce.number().positive().optional(),
});

/** The broker built from an environment (exported for tests). */
export function brokerFromEnvironment(env: Readonly<Record<string, string | undefined>>): Broker {
  const e = environmentSchema.parse(env);
  const credentials = {
    accessKeyId: e.AWS_ACCESS_KEY_ID,
    secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
    ...(e.AWS_SESSION_TOKEN === undefined ? {} : { sessionToken: e.AWS_SESSION_TOKEN }),
  };
  const aws = createBrokerAwsClient({ region: e.AWS_REGION, credentials, maxAttempts: 3 });
  const directoryIds = e.BROKER_DIRECTORY_IDS?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const table = e.BROKER_CACHE_TABLE?.trim();
  return createBroker(
    {
      name: e.BROKER_NAME,
      region: e.AWS_REGION,
      issuer: e.BROKER_ISSUER,
      audience: e.BROKER_AUDIENCE,
      userNameClaim: e.BROKER_USER_NAME_CLAIM,
      ...(e.BROKER_DEFAULT_CONNECT === undefined || e.BROKER_DEFAULT_CONNECT === '' ? {} : { defaultConnect: e.BROKER_DEFAULT_CONNECT }),
      ...(directoryIds === undefined || directoryIds.length === 0 ? {} : { directoryIds }),
      ...(e.BROKER_CACHE_TTL_SECONDS === undefined ? {} : { cacheTtlMs: e.BROKER_CACHE_TTL_SECONDS * 1000 }),
      ...(e.BROKER_USER_BURST === undefined || e.BROKER_USER_RATE === undefined
        ? {}
        : { userThrottle: { burst: e.BROKER_USER_BURST, perSecond: e.BROKER_USER_RATE } }),
    },
    {
      client: aws.client,
      ...(table === undefined || table === '' ? {} : { cache: createDynamoSweepCache({ region: e.AWS_REGION, credentials, tableName: table }) }),
    },
  );
}

let broker: Broker | undefined;

export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  broker ??= brokerFromEnvironment(process.env);
  return broker.handle(event);
}
