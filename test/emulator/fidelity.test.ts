import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  DescribeClientPropertiesCommand, DescribeTagsCommand, DescribeWorkspaceBundlesCommand, DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand, DescribeWorkspacesConnectionStatusCommand, ModifyWorkspacePropertiesCommand, RebootWorkspacesCommand,
  RebuildWorkspacesCommand, StartWorkspacesCommand, StopWorkspacesCommand, CreateTagsCommand, DeleteTagsCommand,
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

/** Runs a call and ignores its outcome: here only the wire responses matter. */
const attempt = async (call: Promise<unknown>): Promise<void> => {
  await call.then(
    () => undefined,
    () => undefined,
  );
};

async function exerciseWorkspaces(): Promise<void> {
  const ws = workspacesClient(emu);
  const alice = emu.state.listWorkspaces('alice');
  const id = (name: string): string => alice.find((w) => w.workspaceName === name)?.id ?? '';
  const ids = alice.map((w) => w.id).slice(0, 25);
  await ws.send(new DescribeWorkspaceDirectoriesCommand({ Limit: 1 }));
  await ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'alice', Limit: 25 }));
  await ws.send(new DescribeWorkspacesCommand({ WorkspaceIds: ids }));
  await attempt(ws.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, BundleId: 'wsb-standard01' })));
  await attempt(ws.send(new DescribeWorkspacesCommand({ Limit: 99 })));
  emu.state.setConnectionState(id('Linux-VNC'), 'CONNECTED');
  await ws.send(new DescribeWorkspacesConnectionStatusCommand({ WorkspaceIds: ids }));
  await ws.send(new DescribeWorkspacesConnectionStatusCommand({}));
  await ws.send(new StartWorkspacesCommand({ StartWorkspaceRequests: [{ WorkspaceId: id('Daily-AutoStop') }, { WorkspaceId: id('Design-PC') }, { WorkspaceId: 'ws-missing000' }] }));
  await ws.send(new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: id('Impaired-PC') }, { WorkspaceId: id('Suspended-PC') }] }));
  await ws.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: id('Unhealthy-PC') }, { WorkspaceId: id('Pending-PC') }] }));
  await ws.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: id('Error-PC') }] }));
  await ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Linux-VNC'), WorkspaceProperties: { UserVolumeSizeGib: 100 } }));
  await attempt(ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Linux-VNC'), WorkspaceProperties: { RunningMode: 'MANUAL' } })));
  await attempt(ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Suspended-PC'), WorkspaceProperties: { RunningMode: 'MANUAL' } })));
  await attempt(ws.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: id('Manual-Stopped'), WorkspaceProperties: { RootVolumeSizeGib: 1 } })));
  await ws.send(new DescribeWorkspacesCommand({ WorkspaceIds: [id('Linux-VNC'), id('Unhealthy-PC'), id('Error-PC')] }));
  await ws.send(new DescribeTagsCommand({ ResourceId: id('Linux-VNC') }));
  await ws.send(new CreateTagsCommand({ ResourceId: id('Design-PC'), Tags: [{ Key: 'fidelity', Value: 'yes' }] }));
  await ws.send(new DeleteTagsCommand({ ResourceId: id('Design-PC'), TagKeys: ['fidelity'] }));
  await attempt(ws.send(new CreateTagsCommand({ ResourceId: 'ws-missing000', Tags: [{ Key: 'fidelity', Value: 'yes' }] })));
  await attempt(ws.send(new DescribeTagsCommand({ ResourceId: 'ws-missing000' })));
  await ws.send(new DescribeClientPropertiesCommand({ ResourceIds: [DIRECTORY_FULL] }));
  await ws.send(new DescribeWorkspaceBundlesCommand({ Owner: 'AMAZON' }));
  await attempt(workspacesClient(emu, { accessKeyId: emu.adminCredentials.accessKeyId, secretAccessKey: 'wrong' }).send(new DescribeWorkspacesCommand({})));
  await attempt(workspacesClient(emu, { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' }).send(new DescribeWorkspacesCommand({})));
}

async function exerciseStsAndIdentityCenter(): Promise<void> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 });
  const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
  await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'alice', WebIdentityToken: tokens.id_token }));
  await attempt(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/Other', RoleSessionName: 'alice', WebIdentityToken: tokens.id_token })));
  await attempt(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: 'alice', WebIdentityToken: 'a.b.c' })));
  await sts.send(new GetCallerIdentityCommand({}));

  const oidc = new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoints.ssoOidc, credentials: dummy, maxAttempts: 1 });
  const portal = new SSOClient({ region: 'us-east-1', endpoint: emu.endpoints.sso, credentials: dummy, maxAttempts: 1 });
  const redirectUri = 'http://127.0.0.1:50000/cb';
  const client = await oidc.send(new RegisterClientCommand({ clientName: 'd', clientType: 'public', grantTypes: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'], redirectUris: [redirectUri] }));
  await attempt(oidc.send(new RegisterClientCommand({ clientName: 'd', clientType: 'confidential' })));
  const device = await oidc.send(new StartDeviceAuthorizationCommand({ clientId: client.clientId, clientSecret: client.clientSecret, startUrl: `${emu.endpoints.ssoOidc}/start` }));
  const poll = () => oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: device.deviceCode }));
  await attempt(poll());
  await attempt(poll());
  const { verifier, challenge } = pkcePair();
  const url = `${emu.endpoints.ssoOidc}/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.clientId ?? '', redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256' }).toString()}`;
  const code = new URL(await loginWithPassword(url, 'alice', 'alice-demo-pass')).searchParams.get('code') ?? '';
  const token = await oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'authorization_code', code, redirectUri, codeVerifier: verifier }));
  await attempt(oidc.send(new CreateTokenCommand({ clientId: client.clientId, clientSecret: client.clientSecret, grantType: 'password' })));
  const accessToken = token.accessToken ?? '';
  await portal.send(new ListAccountsCommand({ accessToken }));
  await portal.send(new ListAccountRolesCommand({ accessToken, accountId: ACCOUNT_ID }));
  await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT_ID, roleName: IDC_ROLE_NAME }));
  await attempt(portal.send(new GetRoleCredentialsCommand({ accessToken, accountId: ACCOUNT_ID, roleName: 'Nope' })));
  await portal.send(new LogoutCommand({ accessToken }));
  await attempt(portal.send(new ListAccountsCommand({ accessToken })));
}

async function exerciseFaults(): Promise<void> {
  const services: { name: ServiceName; call: () => Promise<unknown> }[] = [
    { name: 'workspaces', call: () => workspacesClient(emu).send(new DescribeWorkspacesCommand({ Limit: 1 })) },
    { name: 'sts', call: () => new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({})) },
    { name: 'sso', call: () => new SSOClient({ region: 'us-east-1', endpoint: emu.endpoints.sso, credentials: dummy, maxAttempts: 1 }).send(new ListAccountsCommand({ accessToken: 'x' })) },
    { name: 'ssoOidc', call: () => new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.endpoints.ssoOidc, credentials: dummy, maxAttempts: 1 }).send(new RegisterClientCommand({ clientName: 'x', clientType: 'public' })) },
  ];
  for (const fault of [{ throttleRate: 1 }, { error500Rate: 1 }, { error503Rate: 1 }]) {
    for (const service of services) {
      emu.faults.set(service.name, fault);
      await attempt(service.call());
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

describe('fidelity against the AWS service models', () => {
  it('exercised every WorkSpaces operation the emulator serves, and the STS and Identity Center ones', () => {
    const seen = new Set(events.map((e) => `${e.service}:${e.operation ?? ''}`));
    for (const op of Object.keys(WORKSPACES_OPERATIONS)) expect(seen, op).toContain(`workspaces:${op}`);
    for (const op of ['sts:AssumeRoleWithWebIdentity', 'sts:GetCallerIdentity', 'sso:GetRoleCredentials', 'sso:ListAccounts', 'sso:ListAccountRoles', 'sso:Logout', 'ssoOidc:RegisterClient', 'ssoOidc:StartDeviceAuthorization', 'ssoOidc:CreateToken']) {
      expect(seen).toContain(op);
    }
  });

  it('validates every successful response against its operation output shape', () => {
    // HTML pages (login, device) carry no structured output; every API response does.
    const checked = events.filter((e) => e.status === 200 && e.output !== undefined);
    expect(checked.length).toBeGreaterThan(20);
    const problems = checked.flatMap((e) => {
      const model = models.get(e.service);
      return model === undefined ? [`no model for ${e.service}`] : validateOutput(model, e.operation ?? '', e.output).map((p) => `${e.service}:${e.operation ?? ''} ${p}`);
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
