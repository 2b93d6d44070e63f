import type { AppError } from '../../../shared/ipc/result';
import { describeCause } from './auth-error';
import type { AuthSession } from './auth-session';

/**
 * Explains an AccessDenied from the WorkSpaces API for a signed-in session: which user name and
 * which role were used, and the IAM setting to check. For the desktops service's error messages.
 */
export function explainWorkspacesAccessDenied(session: AuthSession, error: unknown): AppError | null {
  const name = error instanceof Error ? error.name : '';
  if (name !== 'AccessDeniedException' && name !== 'AccessDenied' && name !== 'UnauthorizedOperation') return null;
  const signIn = session.org.signIn;
  const role =
    signIn.method === 'saml'
      ? (session.roleArn ?? signIn.preferredRoleArn ?? 'chosen at sign-in')
      : signIn.method === 'oidc'
        ? signIn.roleArn
        : `${signIn.roleName} (account ${signIn.accountId})`;
  const directory = session.org.directoryId ? ` in directory ${session.org.directoryId}` : '';
  return {
    code: 'workspaces-access-denied',
    message: `AWS did not let ${session.userName} see the WorkSpaces${directory}. Ask your administrator to allow workspaces:DescribeWorkspaces for the role ${role}.`,
    details: `IAM setting: the permissions policy of ${role} (workspaces:Describe*, resource = the directory's WorkSpaces). User name used: ${session.userName}. AWS said: ${describeCause(error)}`,
  };
}
