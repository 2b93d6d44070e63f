import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  DescribeClientPropertiesCommand,
  DescribeTagsCommand,
  DescribeWorkspaceBundlesCommand,
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  ModifyWorkspacePropertiesCommand,
  RebootWorkspacesCommand,
  RebuildWorkspacesCommand,
  StartWorkspacesCommand,
  StopWorkspacesCommand,
  CreateTagsCommand,
  DeleteTagsCommand,
} from '@aws-sdk/client-workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspacesClient } from './helpers';
import { type Emulator, type ServiceName, startEmulator, type TapEvent } from './index';
import { loginWithPassword } from './login';
import { errorAllowed, loadModel, MODEL_FILES, type ServiceModel, validateOutput } from './model-validator';
import { pkcePair, signInWithOidc } from './oidc-helpers';
import { ACCOUNT_ID, DEMO_ROLE_ARN, DIRECTORY_FULL, IDC_ROLE_NAME } from './seed';
import { WORKSPACES_OPERATIONS } from './workspaces/server';

const events: TapEvent[] = [];
const models = new Map<string, ServiceModel>();
let emu: Emulator;
const dummy = { accessKeyId: 'AKIAUNUSED0000000000', secretAccessKey: 'unused' };

/** Each invalid call and the error it must get; a call that succeeds or fails otherwise is a finding. */
const refusals: { readonly call: string; readonly expected: string; readonly got: string }[] = [];

async function refused(call: string, expected: string, promise: Promise<unknown>): Promise<void> {
  const got = await promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof Error ? error.name : String(error)),
  );
  refusals.push({ call, expected, got });
}

async function exerciseWorkspaces(): Promise<void> {
  const ws = workspacesClient(emu);
  const alice = emu.state.listWorkspaces('alice');
  const id = (name: string): string => alice.find((w) => w.workspaceName === name)?.id ?? '';
  const ids = alice.map((w) => w.id).slice(0, 25);
  await ws.send(new DescribeWorkspaceDirectoriesCommand({ Limit: 1 }));
  await ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'alice', Limit: 25 }));
  await ws.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids }));
  await refused(
    'DescribeWorkspaces with two filters',
    'InvalidParameterValuesException',
    ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, BundleId: 'wsb-standard01' })),
  );
  await refused('DescribeWorkspaces Limit 99', 'ValidationException', ws.send(new DescribeWorkspacesCommand({ Limit: 99 })));
  await refused(
    'DescribeWorkspaces UserName empty',
    'ValidationException',
    ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: '' })),
  );
  emu.state.setConnectionState(id('Linux-VNC'), 'CONNECTED');
  await ws.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }));
  await ws.send(new DescribeWorkspacesConnectionStatusCommand({}));
  await ws.send(
    new StartWorkspacesCommand({
      StartWorkspaceRequests: [{ WorkspaceId: id('Daily-AutoStop') }, { WorkspaceId: id('Design-PC') }, { WorkspaceId: 'ws-missing000' }],
    }),
  );
  await ws.send(new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: id('Impaired-PC') }, { WorkspaceId: id('Suspended-PC') }] }));
  await ws.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: id('Unhealthy-PC') }, { WorkspaceId: id('Pending-PC') }] }));
  await ws.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: id('Error-PC') }] }));
  await ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Linux-VNC'), WorkspaceProperties: { UserVolumeSizeGib: 100 } }));
  // With zero durations the volume change above has already completed, so this one is valid.
  await ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Linux-VNC'), WorkspaceProperties: { RunningMode: 'MANUAL' } }));
  await refused(
    'Modify a SUSPENDED desktop',
    'InvalidResourceStateException',
    ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Suspended-PC'), WorkspaceProperties: { RunningMode: 'MANUAL' } })),
  );
  await refused(
    'Modify to NOT_A_COMPUTE',
    'ValidationException',
    ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Daily-AutoStop'), WorkspaceProperties: { ComputeTypeName: 'NOT_A_COMPUTE' as 'VALUE' } })),
  );
  await refused(
    'Modify to shrink the root volume',
    'InvalidParameterValuesException',
    ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Manual-Stopped'), WorkspaceProperties: { RootVolumeSizeGib: 1 } })),
  );
  await ws.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id('Linux-VNC'), id('Unhealthy-PC'), id('Error-PC')] }));
  await ws.send(new DescribeTagsCommand({ ResourceId: id('Linux-VNC') }));
  await ws.send(new CreateTagsCommand({ ResourceId: id('Design-PC'), Tags: [{ Key: 'fidelity', Value: 'yes' }] }));
  await ws.send(new DeleteTagsCommand({ ResourceId: id('Design-PC'), TagKeys: ['fidelity'] }));
  await refused(
    'CreateTags of a missing desktop',
    'ResourceNotFoundException',
    ws.send(new CreateTagsCommand({ ResourceId: 'ws-missing000', Tags: [{ Key: 'fidelity', Value: 'yes' }] })),
  );
  await refused('DescribeTags of a missing desktop', 'ResourceNotFoundException', ws.send(new DescribeTagsCommand({ ResourceId: 'ws-missing000' })));
  await ws.send(new DescribeClientPropertiesCommand({ ResourceIds: [DIRECTORY_FULL] }));
  await ws.send(new DescribeWorkspaceBundlesCommand({ Owner: 'AMAZON' }));
  await refused(
    'wrong secret',
    'InvalidSignatureException',
    workspacesClient(emu, { accessKeyId: emu.adminCredentials.accessKeyId, secretAccessKey: 'wrong' }).send(new DescribeWorkspacesCommand({})),
  );
  await refused(
    'unknown access key',
    'UnrecognizedClientException',
    workspacesClient(emu, { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' }).send(new DescribeWorkspacesCommand({})),
  );
}

async function exerciseStsAndIdentityCenter(): Promise<void> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 });
  const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
  await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'alice', WebIdentityToken: tokens.id_token }));
  await refused(
    'AssumeRoleWithWebIdentity of an unknown role',
    'AccessDenied',
    sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Other', RoleSessionName: 'alice', WebIdentityToken: tokens.id_token }),
    ),
  );
  await refused(
    'AssumeRoleWithWebIdentity with a broken token',
    'InvalidIdentityTokenException',
    sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'alice', WebIdentityToken: 'a.b.c' })),
  );
  await sts.send(new GetCallerIdentityCommand({}));

  const oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoints.ssoOidc, credentials: dummy, maxAttempts: 1 });
  const portal = new SSOClient({ region: 'us-east-1', endpoint: emu.endpoints.sso, credentials: dummy, maxAttempts: 1 });
  const redirectUri = 'http://127.0.0.1:50000/cb';
  const client = await oidc.send(
    new RegisterClientCommand({
      clientName: 'd',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      redirectUris: [redirectUri],
    }),
  );
  await refused(
    'RegisterClient confidential',
    'InvalidClientMetadataException',
    oidc.send(new RegisterClientCommand({ clientName: 'd', clientType: 'confidential' })),
  );
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: `${emu.endpoints.ssoOidc}/start` }),
  );
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: device.deviceCode,
      }),
    );
  await refused('CreateToken before approval', 'AuthorizationPendingException', poll());
  // (SlowDownException depends on the time between polls; identity-center.test.ts covers it on a manual clock.)
  const { verifier, challenge } = pkcePair();
  const url = `${emu.endpoints.ssoOidc}/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.clientId ?? '', redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;
  const code = new URL(await loginWithPassword(url, 'alice', 'alice-demo-pass')).searchParams.get('code') ?? '';
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      grantType: 'authorization_code',
      code,
      redirectUri,
      codeVerifier: verifier,
    }),
  );
  await refused(
    'CreateToken with the password grant',
    'UnsupportedGrantTypeException',
    oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'password' })),
  );
  const accessToken = token.accessToken ?? '';
  await portal.send(new ListAccountsCommand({ accessToken }));
  await portal.send(new ListAccountRolesCommand({ accessToken, accountId: ACCOUNT_ID }));
  await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT_ID, roleName: IDC_ROLE_NAME }));
  await refused(
    'GetRoleCredentials of an unassigned role',
    'ResourceNotFoundException',
    portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT_ID, roleName: 'Nope' })),
  );
  await portal.send(new LogoutCommand({ accessToken }));
  await refused('ListAccounts after logout', 'UnauthorizedException', portal.send(new ListAccountsCommand({ accessToken })));
}

async function exerciseFaults(): Promise<void> {
  // The error each service's protocol names an injected throttle, 500 and 503.
  const services: { name: ServiceName; errors: readonly [string, string, string]; call: () => Promise<unknown> }[] = [
    {
      name: 'workspaces',
      errors: ['ThrottlingException', 'InternalFailure', 'ServiceUnavailable'],
      call: () => workspacesClient(emu).send(new DescribeWorkspacesCommand({ Limit: 1 })),
    },
    {
      name: 'sts',
      errors: ['Throttling', 'InternalFailure', 'ServiceUnavailable'],
      call: () =>
        new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 }).send(
          new GetCallerIdentityCommand({}),
        ),
    },
    {
      name: 'sso',
      errors: ['TooManyRequestsException', 'InternalFailure', 'ServiceUnavailable'],
      call: () =>
        new SSOClient({ region: 'us-east-1', endpoint: emu.endpoints.sso, credentials: dummy, maxAttempts: 1 }).send(
          new ListAccountsCommand({ accessToken: 'x' }),
        ),
    },
    {
      name: 'ssoOidc',
      errors: ['ThrottlingException', 'InternalServerException', 'ServiceUnavailable'],
      call: () =>
        new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoints.ssoOidc, credentials: dummy, maxAttempts: 1 }).send(
          new RegisterClientCommand({ clientName: 'x', clientType: 'public' }),
        ),
    },
  ];
  const faults = [{ throttleRate: 1 }, { error500Rate: 1 }, { error503Rate: 1 }] as const;
  for (const [i, fault] of faults.entries()) {
    for (const service of services) {
      emu.faults.set(service.name, fault);
      await refused(`${service.name} under ${Object.keys(fault).join()}`, service.errors[i] ?? '', service.call());
      emu.faults.clear(service.name);
    }
  }
}

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 30, onResponse: (event) => events.push(event) });
  for (const service of Object.keys(MODEL_FILES) as (keyof typeof MODEL_FILES)[]) models.set(service, await loadModel(service));
  await exerciseWorkspaces();
  await exerciseStsAndIdentityCenter();
  await exerciseFaults();
});
afterAll(async () => {
  await emu.stop();
});

function workspacesModel(): ServiceModel {
  const model = models.get('workspaces');
  if (model === undefined) throw new Error('no WorkSpaces model');
  return model;
}

describe('fidelity against the AWS service models', () => {
  it('exercised every WorkSpaces operation the emulator serves, and the STS and Identity Center ones', () => {
    const seen = new Set(events.map((e) => `${e.service}:${e.operation ?? ''}`));
    for (const op of Object.keys(WORKSPACES_OPERATIONS)) expect(seen, op).toContain(`workspaces:${op}`);
    for (const op of [
      'sts:AssumeRoleWithWebIdentity',
      'sts:GetCallerIdentity',
      'sso:GetRoleCredentials',
      'sso:ListAccounts',
      'sso:ListAccountRoles',
      'sso:Logout',
      'ssoOidc:RegisterClient',
      'ssoOidc:StartDeviceAuthorization',
      'ssoOidc:CreateToken',
    ]) {
      expect(seen).toContain(op);
    }
  });

  it('validates every successful response against its operation output shape', () => {
    // HTML pages (login, device) carry no structured output; every API response does.
    const checked = events.filter((e) => e.status === 200 && e.output !== undefined);
    expect(checked.length).toBeGreaterThan(20);
    const problems = checked.flatMap((e) => {
      const model = models.get(e.service);
      return model === undefined
        ? [`no model for ${e.service}`]
        : validateOutput(model, e.operation ?? '', e.output).map((p) => `${e.service}:${e.operation ?? ''} ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('uses only error names the model lists for the operation, or common AWS errors', () => {
    const errors = events.filter((e) => e.errorType !== undefined);
    expect(new Set(errors.map((e) => e.errorType)).size).toBeGreaterThan(15);
    const unlisted = errors
      .filter((e) => {
        const model = models.get(e.service);
        return model === undefined || !errorAllowed(model, e.operation, e.errorType ?? '');
      })
      .map((e) => `${e.service}:${e.operation ?? '?'} ${e.errorType ?? ''}`);
    expect(unlisted).toEqual([]);
  });

  it('got the error it expects from every invalid call', () => {
    expect(refusals.length).toBeGreaterThan(25);
    expect(refusals.filter((r) => r.got !== r.expected)).toEqual([]);
  });

  it('sends every WorkSpaces response as AWS JSON 1.1 on the wire: status, error type in header and body, request id', () => {
    const responses = events.filter((e) => e.service === 'workspaces');
    expect(responses.length).toBeGreaterThan(20);
    const problems = responses.flatMap((e) => {
      const label = `${e.operation ?? '?'} ${e.status}`;
      const body = JSON.parse(e.body) as Record<string, unknown>;
      const found: string[] = [];
      if (e.headers['content-type'] !== 'application/x-amz-json-1.1') found.push(`${label}: content-type ${e.headers['content-type'] ?? 'none'}`);
      if (!/^[0-9a-f-]{36}$/.test(e.headers['x-amzn-requestid'] ?? '')) found.push(`${label}: no x-amzn-RequestId`);
      if (e.status === 200) {
        if (e.headers['x-amzn-errortype'] !== undefined) found.push(`${label}: x-amzn-ErrorType on a success`);
        found.push(...validateOutput(workspacesModel(), e.operation ?? '', body).map((p) => `${label}: ${p}`));
      } else {
        if (e.status < 400) found.push(`${label}: an error with status ${e.status}`);
        if (body['__type'] !== e.errorType || e.headers['x-amzn-errortype'] !== e.errorType)
          found.push(`${label}: __type ${String(body['__type'])} / header ${e.headers['x-amzn-errortype'] ?? 'none'}`);
        if (typeof body['message'] !== 'string' || body['message'] === '') found.push(`${label}: no message`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('the validator itself rejects wrong enums, types, limits, unknown members and unlisted errors', () => {
    const model = models.get('workspaces');
    if (model === undefined) throw new Error('no model');
    expect(validateOutput(model, 'DescribeWorkspaces', { Workspaces: [{ State: 'SLEEPING' }] })).toHaveLength(1);
    expect(validateOutput(model, 'DescribeWorkspaces', { Workspaces: [{ WorkspaceId: 'nope' }] })).toHaveLength(1);
    expect(validateOutput(model, 'DescribeWorkspaces', { NextToken: '' })).toHaveLength(1);
    expect(validateOutput(model, 'DescribeWorkspaces', { Workspaces: 'x' })).toHaveLength(1);
    expect(validateOutput(model, 'DescribeWorkspaces', { Extra: 1 })).toHaveLength(1);
    expect(validateOutput(model, 'DescribeTags', { TagList: [{ Value: 'v' }] })).toHaveLength(1);
    expect(errorAllowed(model, 'DescribeTags', 'ResourceNotFoundException')).toBe(true);
    expect(errorAllowed(model, 'StartWorkspaces', 'ResourceNotFoundException')).toBe(false);
  });
});
