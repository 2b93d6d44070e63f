import type { AwsCredentialIdentity } from '@smithy/types';
import type { OrgProfile } from '@shared/models/org';

/**
 * What the rest of core (workspaces, sessions) may know of a signed-in organization: a way to
 * get current AWS credentials (refreshed before expiry) and the WorkSpaces user name. Tokens
 * never leave the auth service.
 */
export interface AuthSession {
  readonly org: OrgProfile;
  /** The WorkSpaces user name (from the configured claim, or asked of the user). */
  readonly userName: string;
  /**
   * Current temporary credentials, refreshed before they expire; rejects when sign-in is needed.
   * Broker mode holds none: it always rejects there (use brokerToken).
   */
  credentials(): Promise<AwsCredentialIdentity>;
  /**
   * Broker mode only: the current ID token for `Authorization: Bearer` to the organization's
   * broker, refreshed before it expires; rejects when sign-in is needed.
   */
  readonly brokerToken?: () => Promise<string>;
  /** SAML: the role chosen from the assertion (for error messages). */
  readonly roleArn?: string;
}

export interface AuthSessions {
  /** The signed-in session of an organization, or null when signed out. */
  session(orgId: string): AuthSession | null;
  /** All signed-in sessions. */
  sessions(): readonly AuthSession[];
  /** Called whenever an organization signs in or out. */
  onChange(listener: (orgId: string) => void): () => void;
}
