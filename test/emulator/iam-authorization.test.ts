import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  DescribeWorkspacesCommand,
  ModifyWorkspacePropertiesCommand,
  RebootWorkspacesCommand,
  RebuildWorkspacesCommand,
  StartWorkspacesCommand,
  StopWorkspacesCommand,
  type WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { kitPermissionPolicy, type PolicyDocument } from '@shared/iam/kit-policy';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { signInWithOidc } from './oidc-helpers';
import { ACCOUNT_ID, DEMO_ROLE_ARN, DIRECTORY_FULL, OWNER_TAG_KEY } from './seed';
import { sessionTagsOf, TAGS_CLAIM } from './sts';

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function signedIn(e: Emulator, user: string): Promise<WorkSpacesClient> {
  const tokens = await signInWithOidc(e.endpoints.oidcIssuer, user, `${user}-demo-pass`);
  const sts = new STSClient({ region: 'us-east-1', endpoint: e.endpoints.sts, credentials: e.adminCredentials, maxAttempts: 1 });
  const out = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: user, WebIdentityToken: tokens.id_token }));
  const c = out.Credentials;
  return workspacesClient(e, { accessKeyId: c?.AccessKeyId ?? '', secretAccessKey: c?.SecretAccessKey ?? '', sessionToken: c?.SessionToken ?? '' });
}

const desktop = (e: Emulator, user: string, name?: string): string =>
  e.state.listWorkspaces(user).find((w) => (name === undefined ? w.state === 'AVAILABLE' : w.workspaceName === name))?.id ?? '';

const reboot = (client: WorkSpacesClient, id: string) => client.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: id }] }));

/** AWS's own wording of an implicit deny. */
const deniedPattern = (action: string, id: string): RegExp =>
  new RegExp(
    `^User: arn:aws:sts::${ACCOUNT_ID}:assumed-role/DeskbridgeDemo/alice is not authorized to perform: workspaces:${action} on resource: arn:aws:workspaces:us-east-1:${ACCOUNT_ID}:workspace/${id} because no identity-based policy allows the workspaces:${action} action$`,
  );

describe('the emulator enforces the IT kit’s policy with a real IAM evaluator', () => {
  it('the demo IdP issues the session tags claim, and alice restarts her own desktop', async () => {
    emu = await startEmulator({ bulkCount: 0, durations: { rebootMs: 600_000 } });
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    expect(decodeJwt(tokens.id_token)[TAGS_CLAIM]).toEqual({ principal_tags: { [OWNER_TAG_KEY]: ['alice'] }, transitive_tag_keys: [OWNER_TAG_KEY] });
    const alice = await signedIn(emu, 'alice');
    const out = await reboot(alice, desktop(emu, 'alice', 'Design-PC'));
    expect(out.FailedRequests).toEqual([]);
    expect(emu.state.getWorkspace(desktop(emu, 'alice', 'Design-PC'))?.state).toBe('REBOOTING');
  });

  it('alice is refused on bob’s desktop in AWS’s words, though she may list it (Describe cannot be scoped)', async () => {
    emu = await startEmulator({ bulkCount: 0, durations: { rebootMs: 600_000 } });
    const alice = await signedIn(emu, 'alice');
    const bobs = desktop(emu, 'bob');
    const listed = await alice.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'bob' }));
    expect(listed.Workspaces?.map((w) => w.WorkspaceId)).toContain(bobs);
    const refused = await failure(reboot(alice, bobs));
    expect(refused.name).toBe('AccessDeniedException');
    expect(refused.message).toMatch(deniedPattern('RebootWorkspaces', bobs));
    expect(emu.state.getWorkspace(bobs)?.state).toBe('AVAILABLE');
  });

  it('without the tags claim, every self-service action on her own desktop is refused', async () => {
    emu = await startEmulator({ bulkCount: 0, durations: { rebootMs: 600_000 }, sessionTags: false });
    const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
    expect(decodeJwt(tokens.id_token)[TAGS_CLAIM]).toBeUndefined();
    const alice = await signedIn(emu, 'alice');
    const available = desktop(emu, 'alice', 'Design-PC');
    const stopped = desktop(emu, 'alice', 'Daily-AutoStop');
    const calls: readonly [string, string, Promise<unknown>][] = [
      ['StartWorkspaces', stopped, alice.send(new StartWorkspacesCommand({ StartWorkspaceRequests: [{ WorkspaceId: stopped }] }))],
      ['StopWorkspaces', available, alice.send(new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: available }] }))],
      ['RebootWorkspaces', available, reboot(alice, available)],
      ['RebuildWorkspaces', available, alice.send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: available }] }))],
      [
        'ModifyWorkspaceProperties',
        available,
        alice.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: available, WorkspaceProperties: { UserVolumeSizeGib: 200 } })),
      ],
    ];
    for (const [action, id, call] of calls) {
      const refused = await failure(call);
      expect(refused.name, action).toBe('AccessDeniedException');
      expect(refused.message, action).toMatch(deniedPattern(action, id));
    }
    // Listing still works: the Describe actions are allowed on *.
    const listed = await alice.send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'alice' }));
    expect(listed.Workspaces?.length).toBeGreaterThan(0);
  });

  it('editing one condition of the kit’s policy changes the outcome: the evaluator decides', async () => {
    const kit = kitPermissionPolicy({ partition: 'aws', region: 'us-east-1', account: ACCOUNT_ID, ownerTagKey: OWNER_TAG_KEY });
    const inverted: PolicyDocument = {
      ...kit,
      Statement: kit.Statement.map((s) =>
        s.Condition?.['StringEquals'] === undefined ? s : { ...s, Condition: { StringNotEquals: s.Condition['StringEquals'] } },
      ),
    };
    emu = await startEmulator({ bulkCount: 0, durations: { rebootMs: 600_000 }, rolePolicies: [inverted] });
    const alice = await signedIn(emu, 'alice');
    const own = desktop(emu, 'alice', 'Design-PC');
    expect((await failure(reboot(alice, own))).message).toMatch(deniedPattern('RebootWorkspaces', own));
    expect((await reboot(alice, desktop(emu, 'bob'))).FailedRequests).toEqual([]);

    // Back to the kit's policy on the live session: IAM looks the role's policies up on every call.
    emu.iam.setPolicies(DEMO_ROLE_ARN, [kit]);
    expect((await reboot(alice, own)).FailedRequests).toEqual([]);
  });

  it('a batch that names one desktop of someone else is refused as a whole', async () => {
    emu = await startEmulator({ bulkCount: 0, durations: { rebootMs: 600_000 } });
    const alice = await signedIn(emu, 'alice');
    const own = desktop(emu, 'alice', 'Design-PC');
    const bobs = desktop(emu, 'bob');
    const refused = await failure(alice.send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: own }, { WorkspaceId: bobs }] })));
    expect(refused.message).toMatch(deniedPattern('RebootWorkspaces', bobs));
    expect(emu.state.getWorkspace(own)?.state).toBe('AVAILABLE');
  });
});

describe('session tags from the https://aws.amazon.com/tags claim, as STS reads them', () => {
  it('takes principal_tags (one value each) and checks transitive_tag_keys', () => {
    expect(sessionTagsOf({ principal_tags: { DeskbridgeOwner: ['alice'], team: ['x'] }, transitive_tag_keys: ['DeskbridgeOwner'] })).toEqual({
      DeskbridgeOwner: 'alice',
      team: 'x',
    });
    expect(sessionTagsOf(undefined)).toBeUndefined();
  });

  it.each([
    ['not an object', 'tags'],
    ['a bare string value', { principal_tags: { DeskbridgeOwner: 'alice' } }],
    ['two values', { principal_tags: { DeskbridgeOwner: ['alice', 'bob'] } }],
    ['an unknown transitive key', { principal_tags: { DeskbridgeOwner: ['alice'] }, transitive_tag_keys: ['other'] }],
    ['a too long value', { principal_tags: { DeskbridgeOwner: ['x'.repeat(257)] } }],
  ])('refuses %s with InvalidIdentityToken', (_why, claim) => {
    expect(() => sessionTagsOf(claim)).toThrow(/https:\/\/aws\.amazon\.com\/tags claim is invalid/);
  });
});
