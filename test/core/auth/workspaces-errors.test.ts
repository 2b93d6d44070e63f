import { describe, expect, it } from 'vitest';
import type { AuthSession } from '@core/auth/auth-session';
import { deniedSetting, explainActionDenied } from '@core/auth/workspaces-errors';
import type { OrgProfile } from '@shared/models/org';

const org: OrgProfile = {
  id: 'o',
  code: 'SLiad+DEMO01',
  name: 'Example',
  region: 'us-east-1',
  managed: false,
  policy: { allowStaySignedIn: false },
  signIn: {
    method: 'oidc',
    issuer: 'https://idp.example.com',
    clientId: 'c',
    roleArn: 'arn:aws:iam::123456789012:role/Deskbridge',
    userNameClaim: 'preferred_username',
  },
};
const session: AuthSession = { org, userName: 'Alice', credentials: () => Promise.reject(new Error('unused')) };

function denied(message: string): Error {
  const error = new Error(message);
  error.name = 'AccessDeniedException';
  return error;
}
const implicit = denied(
  'User: arn:aws:sts::123456789012:assumed-role/Deskbridge/alice is not authorized to perform: workspaces:RebootWorkspaces on resource: arn:aws:workspaces:us-east-1:123456789012:workspace/ws-abc12345 because no identity-based policy allows the workspaces:RebootWorkspaces action',
);

describe('which IT setting a refused action points to', () => {
  it('the owner tag when no tag of the desktop names the user', () => {
    expect(deniedSetting(session, implicit, [{ Key: 'DeskbridgeOwner', Value: 'bob' }])).toBe('ownerTag');
    expect(deniedSetting(session, implicit, [])).toBe('ownerTag');
  });

  it('the principal tag when the desktop is tagged for the user (any case, as directory user names are)', () => {
    expect(deniedSetting(session, implicit, [{ Key: 'DeskbridgeOwner', Value: 'alice' }])).toBe('principalTag');
  });

  it('the policy for an explicit deny, or when the tags could not be read', () => {
    const explicit = denied(
      'User: … is not authorized to perform: workspaces:RebuildWorkspaces on resource: … with an explicit deny in an identity-based policy',
    );
    expect(deniedSetting(session, explicit, [{ Key: 'DeskbridgeOwner', Value: 'alice' }])).toBe('policy');
    expect(deniedSetting(session, implicit, null)).toBe('policy');
  });

  it('is not an explanation for errors that are not AccessDenied', () => {
    const throttled = new Error('Rate exceeded');
    throttled.name = 'ThrottlingException';
    expect(explainActionDenied(session, throttled, { action: 'restart', desktopName: 'PC', workspaceId: 'ws-abc12345', tags: [] })).toBeNull();
  });
});
