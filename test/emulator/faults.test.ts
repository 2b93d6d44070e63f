import { ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { RegisterClientCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeWorkspacesCommand, DescribeWorkspaceBundlesCommand } from '@aws-sdk/client-workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaults } from './faults';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { createRandom } from './rng';

let emu: Emulator;
const dummy = { accessKeyId: 'AKIAUNUSED0000000000', secretAccessKey: 'unused' };

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0, faults: [{ service: 'workspaces', operation: 'DescribeWorkspaceBundles', spec: { throttleRate: 1 } }] });
});
afterAll(async () => {
  await emu.stop();
});

const describeOne = (maxAttempts = 1) => workspacesClient(emu, emu.adminCredentials, maxAttempts).send(new DescribeWorkspacesCommand({ Limit: 1 }));

describe('fault injection reaches the SDK as AWS would send it', () => {
  it('applies faults set at start, per operation', async () => {
    const error = await failure(workspacesClient(emu).send(new DescribeWorkspaceBundlesCommand({})));
    expect(error.name).toBe('ThrottlingException');
    await describeOne();
  });

  it('throttles WorkSpaces with ThrottlingException (400)', async () => {
    emu.faults.set('workspaces', { throttleRate: 1 });
    const error = await failure(describeOne());
    emu.faults.clear('workspaces');
    expect(error.name).toBe('ThrottlingException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('answers 500 InternalFailure and 503 ServiceUnavailable as server faults', async () => {
    emu.faults.set('workspaces', { error500Rate: 1 });
    const e500 = await failure(describeOne());
    emu.faults.set('workspaces', { error503Rate: 1 });
    const e503 = await failure(describeOne());
    emu.faults.clear('workspaces');
    expect([e500.name, e500.$metadata?.httpStatusCode, e500.$fault]).toEqual(['InternalFailure', 500, 'server']);
    expect([e503.name, e503.$metadata?.httpStatusCode, e503.$fault]).toEqual(['ServiceUnavailable', 503, 'server']);
  });

  it('lets the SDK retry its way through a partial error rate (deterministic RNG)', async () => {
    emu.faults.set('workspaces', { error503Rate: 0.5 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => describeOne(10)));
    emu.faults.clear('workspaces');
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
  });

  it('drops connections: the SDK sees a network error, not an HTTP response', async () => {
    emu.faults.set('workspaces', { dropConnectionRate: 1 });
    const error = await failure(describeOne());
    emu.faults.clear('workspaces');
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(error.message).toMatch(/socket hang up|ECONNRESET|closed/i);
  });

  it('adds latency without changing the answer', async () => {
    emu.faults.set('workspaces', { latencyMs: 50 }, 'DescribeWorkspaces');
    const out = await describeOne();
    emu.faults.clear('workspaces', 'DescribeWorkspaces');
    expect(out.Workspaces).toHaveLength(1);
  });

  it('rejects requests signed more than 5 minutes off with InvalidSignatureException "Signature expired"', async () => {
    emu.faults.set('workspaces', { clockSkewMs: 10 * 60_000 });
    const error = await failure(describeOne());
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    // Like against AWS, the SDK corrects its clock from the Date header and succeeds on retry.
    const out = await workspacesClient(emu, emu.adminCredentials, 3).send(new DescribeWorkspacesCommand({ Limit: 1 }));
    emu.faults.clear('workspaces');
    expect(out.Workspaces).toHaveLength(1);
  });

  it('tolerates skew within 5 minutes', async () => {
    emu.faults.set('workspaces', { clockSkewMs: 4 * 60_000 });
    const out = await describeOne();
    emu.faults.clear('workspaces');
    expect(out.Workspaces).toHaveLength(1);
  });

  it("uses each protocol's own throttling shape: STS Throttling, portal TooManyRequestsException, OIDC ThrottlingException", async () => {
    emu.faults.set('sts', { throttleRate: 1 });
    emu.faults.set('sso', { throttleRate: 1 });
    emu.faults.set('ssoOidc', { throttleRate: 1 });
    const sts = await failure(
      new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    const sso = await failure(
      new SSOClient({ region: 'us-east-1', endpoint: emu.endpoints.sso, credentials: dummy, maxAttempts: 1 }).send(
        new ListAccountsCommand({ accessToken: 'x' }),
      ),
    );
    const oidc = await failure(
      new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoints.ssoOidc, credentials: dummy, maxAttempts: 1 }).send(
        new RegisterClientCommand({ clientName: 'x', clientType: 'public' }),
      ),
    );
    emu.faults.clear();
    expect(sts.name).toBe('Throttling');
    expect([sso.name, sso.$metadata?.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
    expect(oidc.name).toBe('ThrottlingException');
  });

  it('fails the IdP with OAuth server errors', async () => {
    emu.faults.set('oidc', { error503Rate: 1 }, '/token');
    const response = await fetch(`${emu.endpoints.oidcIssuer}/token`, { method: 'POST' });
    emu.faults.clear('oidc');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });
});

describe('fault decisions', () => {
  it('are reproducible for a given seed and honour the rate', () => {
    const run = (): string[] => {
      const faults = createFaults(createRandom(42));
      faults.set('workspaces', { throttleRate: 0.3 });
      return Array.from({ length: 1000 }, () => faults.decide('workspaces', 'DescribeWorkspaces'));
    };
    const first = run();
    expect(run()).toEqual(first);
    const throttled = first.filter((o) => o === 'throttle').length;
    expect(throttled).toBeGreaterThan(240);
    expect(throttled).toBeLessThan(360);
  });

  it('let an operation override its service', () => {
    const faults = createFaults(createRandom(1));
    faults.set('sts', { latencyMs: 10, throttleRate: 1 });
    faults.set('sts', { throttleRate: 0 }, 'AssumeRoleWithWebIdentity');
    expect(faults.spec('sts', 'AssumeRoleWithWebIdentity')).toEqual({ latencyMs: 10, throttleRate: 0 });
    expect(faults.decide('sts', 'AssumeRoleWithWebIdentity')).toBe('none');
    expect(faults.decide('sts', 'GetCallerIdentity')).toBe('throttle');
  });
});
