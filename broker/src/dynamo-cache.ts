import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { brokerDesktopSchema, brokerDirectorySchema } from '../../shared/broker/api';
import type { AwsCredentials } from './aws-client';
import type { DirectorySnapshot, SweepCache } from './sweep-cache';

/** DynamoDB items hold at most 400 KB: a directory's desktops are split into chunks well below that. */
export const CHUNK_CHARS = 300_000;
/** The table's TTL attribute (epoch seconds), as deploy/stacks/broker-stack.ts declares it. */
export const TTL_ATTRIBUTE = 'expiresAt';
export const KEY_ATTRIBUTE = 'pk';

const headSchema = z.object({ asOf: z.number().int().nonnegative(), chunks: z.number().int().nonnegative().max(1000), directory: brokerDirectorySchema });
const chunkSchema = z.array(brokerDesktopSchema);

export interface DynamoSweepCacheOptions {
  readonly tableName: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  /** Tests point it at the emulator. */
  readonly endpoint?: string;
}

/**
 * Sweeps shared by every Lambda instance: a head item per directory (time, chunk count, the
 * directory's permissions) and the desktops in chunks, each item with a TTL so DynamoDB removes old
 * sweeps by itself. Chunks are written before the head, under keys that carry the sweep's time, so
 * a reader never sees a head whose chunks are missing or from another sweep. Anything unreadable
 * counts as a miss: the broker sweeps again.
 */
export function createDynamoSweepCache(options: DynamoSweepCacheOptions): SweepCache {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    credentials: { ...options.credentials },
    maxAttempts: 2,
  });
  const table = options.tableName;
  const headKey = (directoryId: string): string => `sweep#${directoryId}`;
  const chunkKey = (directoryId: string, asOf: number, i: number): string => `sweep#${directoryId}#${asOf}#${i}`;
  const getString = async (key: string): Promise<string | undefined> => {
    const out = await client.send(new GetItemCommand({ TableName: table, Key: { [KEY_ATTRIBUTE]: { S: key } }, ConsistentRead: true }));
    return out.Item?.['data']?.S;
  };
  const putString = async (key: string, data: string, expiresAt: number): Promise<void> => {
    await client.send(
      new PutItemCommand({ TableName: table, Item: { [KEY_ATTRIBUTE]: { S: key }, data: { S: data }, [TTL_ATTRIBUTE]: { N: String(expiresAt) } } }),
    );
  };
  return {
    async get(directoryId, now, maxAgeMs) {
      try {
        const raw = await getString(headKey(directoryId));
        if (raw === undefined) return undefined;
        const head = headSchema.parse(JSON.parse(raw));
        if (now - head.asOf >= maxAgeMs) return undefined;
        const chunks = await Promise.all(Array.from({ length: head.chunks }, (_, i) => getString(chunkKey(directoryId, head.asOf, i))));
        const desktops = chunks.flatMap((chunk) => {
          if (chunk === undefined) throw new Error('a chunk of the sweep is missing');
          return chunkSchema.parse(JSON.parse(chunk));
        });
        return { directory: head.directory, desktops, asOf: head.asOf };
      } catch {
        return undefined;
      }
    },
    async put(snapshot, ttlMs) {
      // Kept a little longer than it serves, so a reader near the edge still finds its chunks.
      const expiresAt = Math.ceil((snapshot.asOf + ttlMs * 2) / 1000) + 60;
      const id = snapshot.directory.directoryId;
      const chunks = chunkDesktops(snapshot.desktops);
      try {
        await Promise.all(chunks.map((chunk, i) => putString(chunkKey(id, snapshot.asOf, i), chunk, expiresAt)));
        await putString(headKey(id), JSON.stringify({ asOf: snapshot.asOf, chunks: chunks.length, directory: snapshot.directory }), expiresAt);
      } catch {
        // The cache is an optimization: a failed write only means another sweep later.
      }
    },
  };
}

/** JSON arrays of desktops, each at most about CHUNK_CHARS long. */
export function chunkDesktops(desktops: DirectorySnapshot['desktops']): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const desktop of desktops) {
    const text = JSON.stringify(desktop);
    if (current.length > 0 && size + text.length + 1 > CHUNK_CHARS) {
      chunks.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(',')}]`);
  return chunks;
}
