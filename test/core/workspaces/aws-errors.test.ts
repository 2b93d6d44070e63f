/**
 * What the desktop list shows about an AWS failure (and pushes to the renderer) must not carry a
 * credential, even when AWS echoes the canonical request, x-amz-security-token and all, in its
 * InvalidSignatureException message. A real SDK client against a 127.0.0.1 server answering so.
 */
import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '@core/workspaces/aws-errors';

const CREDENTIALS = {
  accessKeyId: 'ASIAQEXAMPLEKEY12345',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENzZXNzaW9uVG9rZW4vYWJjZGVm',
};

let server: Server;
let endpoint: string;
let lastHeaders: IncomingMessage['headers'] = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      lastHeaders = req.headers;
      // As AWS writes it: the signed headers, sorted, then the list of their names.
      const signed = (/SignedHeaders=([^,]+)/.exec(String(req.headers.authorization))?.[1] ?? '').split(';');
      const echoed = `${signed.map((k) => `${k}:${String(req.headers[k])}`).join('\n')}\n\n${signed.join(';')}`;
      const type = String(req.headers['x-amz-target']).endsWith('DescribeWorkspaces') ? 'InvalidSignatureException' : 'SignatureDoesNotMatch';
      res.writeHead(403, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          __type: type,
          message: `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n${echoed}\n'`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function failure(): Promise<unknown> {
  const client = new WorkSpacesClient({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 1 });
  try {
    await client.send(new DescribeWorkspacesCommand({}));
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
  throw new Error('expected the SDK call to fail');
}

function secretsIn(text: string): string[] {
  const signature = /Signature=([0-9a-f]{64})/.exec(String(lastHeaders.authorization ?? ''))?.[1] ?? 'no-signature';
  // A token cut short is still a leak: its first 16 characters count.
  return [CREDENTIALS.sessionToken, CREDENTIALS.secretAccessKey, signature].filter((s) => text.includes(s.slice(0, 16)));
}

describe('describeFailure', () => {
  it('keeps the session token and signature of an echoed canonical request out of the message and details', async () => {
    const error = (await failure()) as Error;
    // The raw error really carries them, so the check below can fail.
    expect(secretsIn(error.message)).toContain(CREDENTIALS.sessionToken);
    const shown = describeFailure(error, { orgName: 'Example Corp', region: 'us-east-1' });
    expect(shown.code).toBe('desktops.signInNeeded');
    expect(secretsIn(`${shown.message}\n${shown.details ?? ''}`)).toEqual([]);
    expect(shown.details).toContain('InvalidSignatureException: The request signature we calculated does not match');
  });

  it('does the same for an error it does not know, whose AWS message becomes part of the message', async () => {
    const error = (await failure()) as Error;
    const unknown = Object.assign(new Error(error.message), { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    const shown = describeFailure(unknown, { orgName: 'Example Corp', region: 'us-east-1' });
    expect(shown.message).toContain('AWS reported a problem');
    expect(secretsIn(`${shown.message}\n${shown.details ?? ''}`)).toEqual([]);
  });
});
