import type { AppError } from '@shared/ipc/result';
import { describeCause } from './auth-error';
import type { AuthSession } from './auth-session';

/** The IAM setting IT should look at when WorkSpaces refuses a self-service action (see docs/admin-guide.md). */
export type DeniedSetting = 'ownerTag' | 'principalTag' | 'policy';

export interface DesktopTag {
  readonly Key?: string;
  readonly Value?: string;
}

/** A refused self-service action on one desktop, and what Deskbridge could read about it. */
export interface DeniedAction {
  /** The action in words, e.g. restart or change the compute type of. */
  readonly action: string;
  readonly desktopName: string;
  readonly workspaceId: string;
  /** The desktop's tags (DescribeTags), or null when they could not be read. */
  readonly tags: readonly DesktopTag[] | null;
}

const DENIED_NAMES = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);

export function isAccessDenied(error: unknown): boolean {
  return error instanceof Error && DENIED_NAMES.has(error.name);
}

function roleOf(session: AuthSession): string {
  const signIn = session.org.signIn;
  if (signIn.method === 'saml') return session.roleArn ?? signIn.preferredRoleArn ?? 'chosen at sign-in';
  if (signIn.method === 'broker') return 'the broker’s own role';
  return signIn.method === 'oidc' ? signIn.roleArn : `${signIn.roleName} (account ${signIn.accountId})`;
}

/** The IAM action AWS names in its refusal ("…not authorized to perform: workspaces:X on…"). */
function refusedAction(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  return /not authorized to perform: ([\w-]+:\w+)/.exec(message)?.[1];
}

/**
 * Which setting most likely refused the action. The kit allows a self-service action when the
 * desktop's owner tag equals the caller's principal tag, and the owner tag holds the WorkSpaces
 * user name (tag-owners sets it). So: an explicit deny is the policy; a desktop with no tag naming
 * the user is the owner tag; a correctly tagged desktop means the sign-in's principal tag is
 * missing or different (or, failing that, the policy).
 */
export function deniedSetting(session: AuthSession, error: unknown, tags: readonly DesktopTag[] | null): DeniedSetting {
  const message = error instanceof Error ? error.message : '';
  if (/explicit deny/i.test(message) || tags === null) return 'policy';
  const user = session.userName.toLowerCase();
  const namesUser = tags.some((t) => t.Value !== undefined && t.Value.toLowerCase() === user);
  return namesUser ? 'principalTag' : 'ownerTag';
}

/**
 * Explains an AccessDenied on a self-service action: the action, the desktop, and the IT setting
 * to check (owner tag, principal tag or policy). Null when the error is not an AccessDenied.
 */
export function explainActionDenied(session: AuthSession, error: unknown, target: DeniedAction): AppError | null {
  if (!isAccessDenied(error)) return null;
  const setting = deniedSetting(session, error, target.tags);
  const user = session.userName;
  const role = roleOf(session);
  const awsAction = refusedAction(error) ?? 'the action';
  const what = {
    ownerTag: `the desktop’s owner tag does not name ${user}. Ask your IT department to set this desktop’s owner tag to your WorkSpaces user name.`,
    principalTag: `your sign-in carried no principal tag that matches the desktop’s owner tag. Ask your IT department to check the session tags your identity provider sends, then the role’s permission policy.`,
    policy: `the role’s permission policy does not allow ${awsAction}. Ask your IT department to check it.`,
  }[setting];
  const where = {
    ownerTag: `the WorkSpace's owner tag (it must equal the user's principal tag; the IT kit's tag-owners command sets it from the UserName)`,
    principalTag: `the principal tag of the sign-in (the IdP's https://aws.amazon.com/tags claim, or Identity Center's attributes for access control)`,
    policy: `the permissions policy of ${role}`,
  }[setting];
  return {
    code: `desktops.denied.${setting}`,
    message: `AWS didn’t let ${user} ${target.action} “${target.desktopName}”: ${what}`,
    params: { user, desktop: target.desktopName },
    details: `IAM setting: ${where}. Action: ${awsAction}. Desktop: ${target.desktopName} (${target.workspaceId}). Role: ${role}. User name used: ${user}. AWS said: ${describeCause(error)}`,
  };
}

/**
 * Explains an AccessDenied from listing the WorkSpaces: which user name and which role were
 * used, and the IAM setting to check (the role's policy: the Describe actions are allowed on *).
 */
export function explainWorkspacesAccessDenied(session: AuthSession, error: unknown): AppError | null {
  if (!isAccessDenied(error)) return null;
  const role = roleOf(session);
  const directory = session.org.directoryId ? ` in directory ${session.org.directoryId}` : '';
  return {
    code: 'desktops.denied.list',
    message: `AWS did not let ${session.userName} see the WorkSpaces${directory}. Ask your administrator to allow workspaces:DescribeWorkspaces for the role ${role}.`,
    params: { user: session.userName },
    details: `IAM setting: the permissions policy of ${role} (workspaces:DescribeWorkspaces, DescribeWorkspacesConnectionStatus, DescribeWorkspaceDirectories and DescribeTags on *). User name used: ${session.userName}. AWS said: ${describeCause(error)}`,
  };
}
