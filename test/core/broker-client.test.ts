/**
 * Broker mode's HTTP client against broken or hostile answers the real broker never gives (a
 * gateway's bare status, a body off the contract, a flood): each becomes one closed client code.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { testFetch } from './support/network';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BrokerClient, BrokerRequestError } from '@core/workspaces/broker-client';
import { classify, describeFailure } from '@core/workspaces/aws-errors';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

let server: Server | null = null;
const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

async function brokerAnswering(reply: Reply): Promise<string> {
  seen.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod/`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const client = (baseUrl: string) => new BrokerClient({ baseUrl, token: () => Promise.resolve('id.token.value'), fetch: testFetch });
const context = { orgName: 'Example', region: 'us-east-1' };

async function failure(promise: Promise<unknown>): Promise<BrokerRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BrokerRequestError);
  return error as BrokerRequestError;
}

const contractError = (code: string, extra: Record<string, unknown> = {}) => JSON.stringify({ error: { code, message: 'refused', ...extra } });

describe('the broker client', () => {
  it('sends the ID token as a bearer token to the route under the base URL, and posts the action as JSON', async () => {
    const url = await brokerAnswering({ status: 404, body: contractError('not-found') });
    const error = await failure(client(url).act('ws-abcdefgh1', { action: 'restart' }));
    expect(seen).toEqual([expect.objectContaining({ method: 'POST', url: '/prod/v1/desktops/ws-abcdefgh1/actions', body: '{"action":"restart"}' })]);
    expect(seen[0]?.headers.authorization).toBe('Bearer id.token.value');
    expect(describeFailure(error, context)).toMatchObject({ code: 'desktops.broker.notFound' });
  });

  it('refuses an answer off the contract', async () => {
    const url = await brokerAnswering({
      status: 200,
      body: JSON.stringify({ userName: 'alice', desktops: [{ workspaceId: 'not-an-id' }], directories: [], asOf: 1 }),
    });
    const error = await failure(client(url).desktops());
    expect(describeFailure(error, context)).toMatchObject({ code: 'desktops.broker.invalidAnswer', details: expect.stringContaining('desktops.0') as string });
    expect(classify(error)).toBe('other');
  });

  it('maps the contract’s error codes to the client’s', async () => {
    const cases: [Reply, string, string][] = [
      [{ status: 401, body: contractError('unauthorized') }, 'desktops.signInNeeded', 'auth'],
      [{ status: 429, body: contractError('throttled', { retryAfterSeconds: 3 }) }, 'desktops.throttled', 'throttled'],
      [{ status: 503, body: contractError('aws-unavailable') }, 'desktops.serverError', 'server'],
      [{ status: 409, body: contractError('action-refused', { awsError: 'OperationNotSupportedException' }) }, 'aws.UnsupportedOperation', 'other'],
      [{ status: 400, body: contractError('invalid-request') }, 'desktops.broker.invalidRequest', 'other'],
      // A gateway in front of the broker answers with a bare status.
      [{ status: 502, body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } }, 'desktops.serverError', 'server'],
      [{ status: 403, body: '{"message":"Forbidden"}' }, 'desktops.signInNeeded', 'auth'],
      [{ status: 418, body: 'teapot' }, 'desktops.broker.invalidAnswer', 'other'],
    ];
    for (const [reply, code, kind] of cases) {
      const error = await failure(client(await brokerAnswering(reply)).desktops());
      expect([describeFailure(error, context).code, classify(error)]).toEqual([code, kind]);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    }
  });

  it('stops reading a flood and never puts the token in an error', async () => {
    const url = await brokerAnswering({ status: 200, body: `{"pad":"${'x'.repeat(5 * 1024 * 1024)}"}` });
    const error = await failure(client(url).desktops());
    const described = describeFailure(error, context);
    expect(described.code).toBe('desktops.broker.invalidAnswer');
    expect(JSON.stringify(described)).not.toContain('id.token.value');
  });

  it('reports a broker nobody answers for as unreachable (the scheduler retries it as offline)', async () => {
    const url = await brokerAnswering({ status: 200, body: '{}' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    const error = await failure(client(url).desktops());
    expect([describeFailure(error, context).code, classify(error)]).toEqual(['desktops.broker.unreachable', 'network']);
  });
});
