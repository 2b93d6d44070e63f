import type { SignInMethod } from '@shared/models/org';
import type { AppError, Result } from '../result';

export type AuthState = 'signed-out' | 'signing-in' | 'signed-in' | 'error';

/** The device-code screen: the code to type and where (IAM Identity Center fallback). */
export interface DeviceCodePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  /** Epoch milliseconds when the code stops working. */
  readonly expiresAt: number;
}

/** One organization's sign-in as the UI sees it: capabilities and names only, never a token. */
export interface OrgAuthStatus {
  readonly orgId: string;
  readonly state: AuthState;
  readonly method: SignInMethod;
  /** The WorkSpaces user name, when signed in. */
  readonly userName?: string;
  /** True when this sign-in is remembered in the OS keychain. */
  readonly staySignedIn: boolean;
  /** When the current AWS credentials expire (they are refreshed before that). */
  readonly expiresAt?: number;
  /** While signing in: waiting for the browser, or for the device code to be entered. */
  readonly waitingFor?: 'browser' | 'device' | 'role';
  readonly deviceCode?: DeviceCodePrompt;
  /** SAML: the role ARNs the identity provider offers, while the user chooses one (waitingFor 'role'). */
  readonly roleChoices?: readonly string[];
  /** Why the last attempt failed, or why the user must sign in again. */
  readonly error?: AppError;
}

export interface AuthSnapshot {
  readonly orgs: readonly OrgAuthStatus[];
}

export type SignInFlow = 'browser' | 'device';

export interface SignInOptions {
  readonly staySignedIn: boolean;
  /** IAM Identity Center only: 'device' shows a code instead of using the loopback redirect. */
  readonly flow?: SignInFlow;
}

export interface AuthApi {
  status(): Promise<Result<AuthSnapshot>>;
  /** Runs the whole sign-in and resolves when it is over (signed in, failed or cancelled). */
  signIn(orgId: string, options: SignInOptions): Promise<Result<OrgAuthStatus>>;
  /** Stops a sign-in that is waiting for the browser or the device code. */
  cancel(orgId: string): Promise<Result<OrgAuthStatus>>;
  signOut(orgId: string): Promise<Result<OrgAuthStatus>>;
  /** IAM Identity Center: the WorkSpaces user name when it differs from the Identity Center one. */
  setUserName(orgId: string, userName: string): Promise<Result<OrgAuthStatus>>;
  /** Opens the device-code verification page in the default browser. */
  openVerificationPage(orgId: string): Promise<Result<void>>;
  /** SAML: the role the user picked among those the identity provider offers (remembered for the organization). */
  chooseRole(orgId: string, roleArn: string): Promise<Result<OrgAuthStatus>>;
}

export interface AuthEvents {
  'auth:changed': AuthSnapshot;
}

export const authMethods = ['status', 'signIn', 'cancel', 'signOut', 'setUserName', 'openVerificationPage', 'chooseRole'] as const;
export const authEvents = ['auth:changed'] as const;
