import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeWorkspacesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, type Keys, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { signInWithOidc } from './oidc-helpers';
import { DEMO_ROLE_ARN } from './seed';

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

interface SignOptions {
  readonly region?: string;
  readonly service?: string;
  readonly signingDate?: Date;
  /** The JS SDK adds and signs x-amz-content-sha256; other SDKs (botocore) do not. */
  readonly applyChecksum?: boolean;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly path?: string;
  readonly query?: Record<string, string>;
  /** Changes the signed headers before sending (after signing). */
  readonly tamper?: (headers: Record<string, string>) => void;
  readonly unsignable?: readonly string[];
}

async function signedCall(body: string, options: SignOptions = {}): Promise<{ status: number; type: string | null; json: Record<string, unknown> }> {
  const url = new URL(emu.endpoints.workspaces);
  const signer = new SignatureV4({
    credentials: options.credentials ?? emu.adminCredentials,
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'workspaces',
    sha256: Sha256,
    applyChecksum: options.applyChecksum ?? true,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'WorkspacesService.DescribeWorkspaces',
    host: url.host,
  };
  const signed = await signer.sign(
    { method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: options.path ?? '/', query: options.query, headers, body },
    { signingDate: options.signingDate, unsignableHeaders: new Set(options.unsignable ?? []) },
  );
  const { host: _host, ...sendable } = signed.headers;
  options.tamper?.(sendable);
  const query = options.query === undefined ? '' : `?${new URLSearchParams(options.query).toString()}`;
  const response = await fetch(`${emu.endpoints.workspaces}${options.path ?? '/'}${query}`, { method: 'POST', headers: sendable, body });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), json: (await response.json()) as Record<string, unknown> };
}

const BODY = JSON.stringify({ Limit: 1 });

describe('SigV4: exactly what AWS verifies', () => {
  it('accepts a signature without x-amz-content-sha256, as other SDKs sign outside S3', async () => {
    expect((await signedCall(BODY, { applyChecksum: false })).status).toBe(200);
    expect((await signedCall(BODY, { applyChecksum: true })).status).toBe(200);
  });

  it('verifies the query string and ignores headers the client did not sign', async () => {
    expect((await signedCall(BODY, { query: { b: '2', a: 'x y' } })).status).toBe(200);
    expect((await signedCall(BODY, { tamper: (h) => void (h['x-unsigned-extra'] = 'anything') })).status).toBe(200);
    const changed = await signedCall(BODY, { tamper: (h) => void (h['x-amz-target'] = 'WorkspacesService.DescribeTags') });
    expect(changed).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    expect(changed.json['message']).toMatch(/^The request signature we calculated does not match/);
  });

  it('refuses a credential scope for another region or service', async () => {
    const region = await signedCall(BODY, { region: 'eu-west-1' });
    expect(region).toMatchObject({
      status: 403,
      type: 'InvalidSignatureException',
      json: { message: "Credential should be scoped to a valid region, not 'eu-west-1'." },
    });
    const service = await signedCall(BODY, { service: 'sts' });
    expect(service).toMatchObject({
      status: 403,
      type: 'InvalidSignatureException',
      json: { message: "Credential should be scoped to correct service: 'workspaces'." },
    });
  });

  it('serves the region it is started for, and only that one', async () => {
    const eu = await startEmulator({ bulkCount: 0, region: 'eu-central-1' });
    try {
      expect((await workspacesClient(eu).send(new DescribeWorkspacesCommand({ Limit: 1 }))).Workspaces).toHaveLength(1);
      const east = new WorkSpacesClient({ region: 'us-east-1', endpoint: eu.endpoints.workspaces, credentials: eu.adminCredentials, maxAttempts: 1 });
      const error = await failure(east.send(new DescribeWorkspacesCommand({})));
      expect(error).toMatchObject({ name: 'InvalidSignatureException', message: "Credential should be scoped to a valid region, not 'us-east-1'." });
    } finally {
      await eu.stop();
    }
  });

  it('refuses a signature more than 5 minutes in the past or the future, in AWS words', async () => {
    const past = await signedCall(BODY, { signingDate: new Date(Date.now() - 6 * 60_000) });
    expect(past).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    expect(past.json['message']).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    const future = await signedCall(BODY, { signingDate: new Date(Date.now() + 6 * 60_000) });
    expect(future).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    expect(future.json['message']).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/);
  });

  it('refuses a scope date that is not the signing date, and a signature that leaves out host', async () => {
    const otherDay = await signedCall(BODY, { tamper: (h) => void (h['authorization'] = (h['authorization'] ?? '').replace(/\/(\d{8})\//, '/20200101/')) });
    expect(otherDay).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
    expect(otherDay.json['message']).toMatch(
      /^Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20200101' != '\d{8}'/,
    );
    const noHost = await signedCall(BODY, { unsignable: ['host'] });
    expect(noHost).toMatchObject({
      status: 403,
      type: 'InvalidSignatureException',
      json: { message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." },
    });
  });

  it('refuses an Authorization header without its parts with IncompleteSignature', async () => {
    const out = await signedCall(BODY, { tamper: (h) => void (h['authorization'] = (h['authorization'] ?? '').replace(/, ?Signature=[0-9a-f]+/, '')) });
    expect(out).toMatchObject({ status: 400, type: 'IncompleteSignature' });
    expect(out.json['message']).toMatch(/^Authorization header requires 'Signature' parameter\./);
  });
});

describe('SigV4 with temporary credentials', () => {
  let timed: Emulator;
  let session: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  const sts = (credentials: Keys): STSClient => new STSClient({ region: 'us-east-1', endpoint: timed.endpoints.sts, credentials, maxAttempts: 1 });

  beforeAll(async () => {
    timed = await startEmulator({ bulkCount: 0, clock: { manual: true } });
    const tokens = await signInWithOidc(timed.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    const out = await sts(timed.adminCredentials).send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'alice', WebIdentityToken: tokens.id_token }),
    );
    session = {
      accessKeyId: out.Credentials?.AccessKeyId ?? '',
      secretAccessKey: out.Credentials?.SecretAccessKey ?? '',
      sessionToken: out.Credentials?.SessionToken ?? '',
    };
  });
  afterAll(async () => {
    await timed.stop();
  });

  it("refuses a temporary key without its session token, in each protocol's words", async () => {
    const { sessionToken: _token, ...bare } = session;
    const ws = await failure(workspacesClient(timed, bare).send(new DescribeWorkspacesCommand({})));
    expect(ws).toMatchObject({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
    const query = await failure(sts(bare).send(new GetCallerIdentityCommand({})));
    expect(query).toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
  });

  it('names a signature outside the 5-minute window SignatureDoesNotMatch on STS, in AWS words', async () => {
    timed.faults.set('sts', { clockSkewMs: 10 * 60_000 });
    const error = await failure(sts(timed.adminCredentials).send(new GetCallerIdentityCommand({})));
    timed.faults.clear('sts');
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
  });

  it('answers an expired session with ExpiredTokenException (JSON) and ExpiredToken (STS)', async () => {
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toMatch(/assumed-role/);
    timed.clock.advance(3600_000);
    const ws = await failure(workspacesClient(timed, session).send(new DescribeWorkspacesCommand({})));
    expect(ws).toMatchObject({
      name: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
      $metadata: { httpStatusCode: 400 },
    });
    const query = await failure(sts(session).send(new GetCallerIdentityCommand({})));
    expect(query).toMatchObject({ name: 'ExpiredToken', message: 'The security token included in the request is expired', $metadata: { httpStatusCode: 403 } });
  });
});
