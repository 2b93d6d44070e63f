/** Bodies from the identity provider are read up to about 1 MB, and no further (issue 15, item 7). */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createRemoteJWKSet, customFetch } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '@core/auth/auth-error';
import { boundedFetch, MAX_IDP_RESPONSE_BYTES } from '@core/auth/bounded-fetch';
import { testFetch } from '../support/network';

const HUGE = 200 * 1024 * 1024;
let server: Server;
let base: string;
/** Bytes each path has written so far. */
const sent = new Map<string, number>();

function stream(res: ServerResponse, path: string, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let written = 0;
  const pump = (): void => {
    while (written < total && !res.destroyed) {
      written += chunk.length;
      sent.set(path, written);
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/announced') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE) });
      stream(res, path, HUGE);
    } else if (path === '/chunked') {
      res.writeHead(200, { 'content-type': 'application/json' });
      stream(res, path, HUGE);
    } else if (path === '/gzip-bomb') {
      const body = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(body.length) });
      res.end(body);
    } else if (path === '/small') {
      res.writeHead(201, { 'content-type': 'application/json', 'x-kept': 'yes' });
      res.end(JSON.stringify({ keys: [] }));
    } else {
      res.writeHead(204);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('boundedFetch', () => {
  it('refuses a body that announces 200 MB before reading it', async () => {
    const error = await refusal(boundedFetch(MAX_IDP_RESPONSE_BYTES, testFetch)(`${base}/announced`));
    expect(error.code).toBe('idp-response-too-large');
    expect(error.message).toMatch(/far larger than a sign-in needs/);
    expect(error.details).toBe(`${base}/announced announced ${HUGE} bytes, more than the ${MAX_IDP_RESPONSE_BYTES} allowed.`);
    expect(sent.get('/announced') ?? 0).toBeLessThan(HUGE / 4);
  });

  it('stops reading a streamed body without a length once it passes 1 MB', async () => {
    const error = await refusal(boundedFetch(MAX_IDP_RESPONSE_BYTES, testFetch)(`${base}/chunked`));
    expect(error.code).toBe('idp-response-too-large');
    expect(error.details).toBe(`${base}/chunked sent more than the ${MAX_IDP_RESPONSE_BYTES} bytes allowed.`);
    expect(sent.get('/chunked') ?? 0).toBeLessThan(HUGE / 4);
  });

  it('counts the bytes after decompression (a small gzip that unpacks to 8 MB)', async () => {
    expect((await refusal(boundedFetch(MAX_IDP_RESPONSE_BYTES, testFetch)(`${base}/gzip-bomb`))).code).toBe('idp-response-too-large');
  });

  it('passes a small body through with its status and headers, and a body-less status', async () => {
    const response = await boundedFetch(MAX_IDP_RESPONSE_BYTES, testFetch)(`${base}/small`);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(await response.json()).toEqual({ keys: [] });
    expect((await boundedFetch(MAX_IDP_RESPONSE_BYTES, testFetch)(`${base}/empty`)).status).toBe(204);
  });

  it('bounds jose’s key set download too', async () => {
    const jwks = createRemoteJWKSet(new URL(`${base}/chunked`), { [customFetch]: boundedFetch(MAX_IDP_RESPONSE_BYTES, testFetch) });
    const error = await jwks({ alg: 'RS256' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'idp-response-too-large' });
  });
});
