/**
 * Real AWS SDK errors, from real SDK clients talking to a 127.0.0.1 server that answers with the
 * errors AWS sends (including AWS's habit of echoing the canonical request, headers and all),
 * logged every way a developer might log them: nothing secret may survive in the ring buffer.
 */
import { SSOOIDCClient, CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Logger } from '@core/log/logger';

const CREDENTIALS = {
  accessKeyId: 'ASIAQEXAMPLEKEY12345',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENzZXNzaW9uVG9rZW4vYWJjZGVm',
};
const WEB_IDENTITY_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSJ9.c2lnbmF0dXJlLW9mLXRoZS1pZHA';
const REFRESH_TOKEN = 'Atzr|IwEBIEXAMPLErefreshTOKENvalue0123456789';
const CLIENT_SECRET = 'eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.eyJzZXJpYWxpemVkIjoiY2xpZW50In0.clientSecretSig';
const COOKIE = 'aws-portal-session=cookieSECRETvalue987654';

const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let server: Server;
let endpoint: string;

function reply(req: IncomingMessage, res: ServerResponse, body: string): void {
  received.push({ headers: req.headers, body });
  const echoed = Object.entries(req.headers)
    .map(([k, v]) => `${k}:${String(v)}`)
    .join('\n');
  const target = String(req.headers['x-amz-target'] ?? '');
  const common = { 'x-amzn-requestid': 'f00dfeed-0000-4000-8000-000000000001', 'set-cookie': `${COOKIE}; Path=/; HttpOnly` };
  if (target.startsWith('WorkspacesService.')) {
    // What AWS answers to a bad signature: the canonical request it expected, headers included.
    res.writeHead(403, { ...common, 'content-type': 'application/x-amz-json-1.1' });
    res.end(
      JSON.stringify({
        __type: 'InvalidSignatureException',
        message: `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n${echoed}\n'`,
      }),
    );
  } else if (req.url?.startsWith('/token')) {
    res.writeHead(400, { ...common, 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'invalid_grant', error_description: `Invalid grant provided for request ${body}` }));
  } else {
    res.writeHead(400, { ...common, 'content-type': 'text/xml' });
    const params = new URLSearchParams(body);
    res.end(
      `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Couldn't verify token ${params.get('WebIdentityToken')} for ${params.get('RoleArn')}</Message></Error><RequestId>f00dfeed-0000-4000-8000-000000000002</RequestId></ErrorResponse>`,
    );
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => reply(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function thrown(work: () => Promise<unknown>): Promise<Error & { $response?: unknown; $metadata?: unknown }> {
  try {
    await work();
  } catch (error) {
    return error as Error & { $response?: unknown };
  }
  throw new Error('expected the SDK call to fail');
}

/** Every way code in Deskbridge could plausibly log a caught SDK error. */
function logEveryWay(logger: Logger, error: Error & { $response?: unknown; $metadata?: unknown }): void {
  logger.log('error', 'aws', 'Call failed', error);
  logger.log('debug', 'aws', inspect(error, { depth: 8 }));
  logger.log('debug', 'aws', inspect(error, { depth: 8, showHidden: true }));
  logger.log('debug', 'aws', `response ${inspect(error.$response, { depth: 8 })}`);
  logger.log('debug', 'aws', `metadata ${JSON.stringify(error.$metadata)}`);
  const response = error.$response as { statusCode?: number; headers?: unknown } | undefined;
  logger.log('debug', 'aws', JSON.stringify({ message: error.message, status: response?.statusCode, headers: response?.headers }));
}

function secretsIn(text: string): string[] {
  const signatures = received.map((r) => /Signature=([0-9a-f]{64})/.exec(String(r.headers.authorization ?? ''))?.[1]).filter((s): s is string => !!s);
  const secrets = [...Object.values(CREDENTIALS), WEB_IDENTITY_TOKEN, REFRESH_TOKEN, CLIENT_SECRET, 'cookieSECRETvalue987654', ...signatures];
  return secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}

describe('logging real AWS SDK errors', () => {
  it('keeps no credential of a signed WorkSpaces call whose error echoes the Authorization and x-amz-security-token headers', async () => {
    const client = new WorkSpacesClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 1 });
    const error = await thrown(() => client.send(new DescribeWorkspacesCommand({})));
    // The raw error really carries the secrets: the test would catch a redaction gap.
    expect(secretsIn(inspect(error, { depth: 8 })).length).toBeGreaterThanOrEqual(3);
    expect(String(received.at(-1)!.headers['x-amz-security-token'])).toBe(CREDENTIALS.sessionToken);

    const logger = new Logger();
    logger.level = 'debug';
    logEveryWay(logger, error);
    const logged = logger
      .list()
      .map((e) => e.message)
      .join('\n');
    expect(secretsIn(logged)).toEqual([]);
    expect(logged).toContain('InvalidSignatureException');
    expect(logged).toContain('HTTP 403, request f00dfeed-0000-4000-8000-000000000001');
  });

  it('keeps no web identity token of a failed STS AssumeRoleWithWebIdentity', async () => {
    const client = new STSClient({ region: 'us-east-1', endpoint, maxAttempts: 1 });
    const error = await thrown(() =>
      client.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'arn:aws:iam::111122223333:role/Deskbridge',
          RoleSessionName: 'alice',
          WebIdentityToken: WEB_IDENTITY_TOKEN,
        }),
      ),
    );
    expect(error.message).toContain(WEB_IDENTITY_TOKEN);

    const logger = new Logger();
    logger.level = 'debug';
    logEveryWay(logger, error);
    const logged = logger
      .list()
      .map((e) => e.message)
      .join('\n');
    expect(secretsIn(logged)).toEqual([]);
    expect(logged).toContain('InvalidIdentityToken');
  });

  it('keeps no refresh token or client secret of a failed IAM Identity Center token refresh', async () => {
    const client = new SSOOIDCClient({ region: 'us-east-1', endpoint, maxAttempts: 1 });
    const error = await thrown(() =>
      client.send(new CreateTokenCommand({ clientId: 'client-123', clientSecret: CLIENT_SECRET, grantType: 'refresh_token', refreshToken: REFRESH_TOKEN })),
    );
    expect(inspect(error, { depth: 8 })).toContain(REFRESH_TOKEN);

    const logger = new Logger();
    logger.level = 'debug';
    logEveryWay(logger, error);
    const logged = logger
      .list()
      .map((e) => e.message)
      .join('\n');
    expect(secretsIn(logged)).toEqual([]);
    expect(logged).toContain('invalid_grant');
  });
});
