import { DescribeWorkspacesCommand } from '@aws-sdk/client-workspaces';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0 });
});
afterAll(async () => {
  await emu.stop();
});

async function rawCall(target: string, body: string, sign: boolean): Promise<{ status: number; type: string | null; json: Record<string, unknown> }> {
  const url = new URL(emu.endpoints.workspaces);
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target, host: url.host };
  let finalHeaders = headers;
  if (sign) {
    const signer = new SignatureV4({ credentials: emu.adminCredentials, region: 'us-east-1', service: 'workspaces', sha256: Sha256 });
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body });
    finalHeaders = signed.headers;
  }
  const { host: _host, ...sendable } = finalHeaders;
  const response = await fetch(emu.endpoints.workspaces, { method: 'POST', headers: sendable, body });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), json: (await response.json()) as Record<string, unknown> };
}

describe('WorkSpaces authentication (SigV4 verified by re-signing)', () => {
  it('refuses a request signed with the wrong secret with InvalidSignatureException', async () => {
    const client = workspacesClient(emu, { accessKeyId: emu.adminCredentials.accessKeyId, secretAccessKey: 'not-the-secret' });
    const error = await failure(client.send(new DescribeWorkspacesCommand({})));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const client = workspacesClient(emu, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' });
    const error = await failure(client.send(new DescribeWorkspacesCommand({})));
    expect(error.name).toBe('UnrecognizedClientException');
  });

  it('refuses a request without authentication with MissingAuthenticationToken and the AWS error shape', async () => {
    const out = await rawCall('WorkspacesService.DescribeWorkspaces', '{}', false);
    expect(out.status).toBe(403);
    expect(out.type).toBe('MissingAuthenticationToken');
    expect(out.json).toEqual({ __type: 'MissingAuthenticationToken', message: 'Missing Authentication Token' });
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const out = await rawCall('WorkspacesService.LaunchRockets', '{}', true);
    expect(out.status).toBe(400);
    expect(out.json['__type']).toBe('UnknownOperationException');
  });

  it('accepts a correctly signed raw request', async () => {
    const out = await rawCall('WorkspacesService.DescribeWorkspaces', JSON.stringify({ Limit: 1 }), true);
    expect(out.status).toBe(200);
    expect(Array.isArray(out.json['Workspaces'])).toBe(true);
  });
});
