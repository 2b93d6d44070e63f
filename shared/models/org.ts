/** An organization profile ("registration"): everything needed to sign in, never a secret. */
import type { ManagedNetworkPolicy } from './network';

export interface OidcSignIn {
  readonly method: 'oidc';
  /** The identity provider's issuer URL (discovery at /.well-known/openid-configuration). */
  readonly issuer: string;
  readonly clientId: string;
  /** The IAM role assumed with AssumeRoleWithWebIdentity. */
  readonly roleArn: string;
  /** The ID-token claim that holds the WorkSpaces user name. */
  readonly userNameClaim: string;
}

export interface IdentityCenterSignIn {
  readonly method: 'identity-center';
  readonly startUrl: string;
  /** The Identity Center instance's region (may differ from the WorkSpaces region). */
  readonly region: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** SAML 2.0 through the organization's existing "AWS" app (Okta, Entra ID, ADFS, …). */
export interface SamlSignIn {
  readonly method: 'saml';
  /** The IdP-initiated sign-in URL (the one users click in their app portal). */
  readonly signInUrl: string;
  /** The role to use when the assertion offers several (arn:aws:iam::…:role/…). */
  readonly preferredRoleArn?: string;
  /** The attribute holding the WorkSpaces user name (default: RoleSessionName, else NameID). */
  readonly userNameAttribute?: string;
}

/**
 * Broker mode (docs/admin-guide.md): OIDC sign-in as for OidcSignIn, but no STS: the device holds
 * only the IdP's tokens and asks the organization's broker for its desktops with the ID token.
 */
export interface BrokerSignIn {
  readonly method: 'broker';
  /** The broker's base URL (it may carry a stage path); a non-AWS host, so IT must trust it. */
  readonly brokerUrl: string;
  /** The identity provider's issuer URL (discovery at /.well-known/openid-configuration). */
  readonly issuer: string;
  readonly clientId: string;
  /** The ID-token claim that holds the WorkSpaces user name. */
  readonly userNameClaim: string;
}

export type SignInSettings = OidcSignIn | IdentityCenterSignIn | SamlSignIn | BrokerSignIn;
export type SignInMethod = SignInSettings['method'];

/** Endpoint overrides for GovCloud, FIPS or the local emulator. */
export interface EndpointOverrides {
  readonly workspaces?: string;
  readonly sts?: string;
  readonly sso?: string;
  readonly ssoOidc?: string;
  /**
   * SAML where Electron's sign-in window is missing (web host, e2e): the IdP posts to an ACS
   * served on loopback by the host. Honoured only for managed organizations, and only where
   * there is no sign-in window.
   */
  readonly samlAcs?: 'loopback';
}

export interface OrgPolicy {
  /** May users choose "stay signed in" for this organization? */
  readonly allowStaySignedIn: boolean;
  /** How long a remembered sign-in may last, in hours (absent: as long as the IdP allows). */
  readonly maxSignInHours?: number;
}

export interface OrgProfile {
  readonly id: string;
  /** The registration code as the user typed it, normalised (see shared/lib/registration-code). */
  readonly code: string;
  readonly name: string;
  /** AWS Region of the WorkSpaces; null when the code's site is unknown and none was given. */
  readonly region: string | null;
  readonly signIn: SignInSettings;
  readonly directoryId?: string;
  readonly endpoints?: EndpointOverrides;
  readonly policy: OrgPolicy;
  /** Default connection method for desktops without a deskbridge:connect tag. */
  readonly defaultConnect?: string;
  /** Deployed by IT through managed configuration: read-only in the UI. */
  readonly managed: boolean;
  /** A label shown next to the name, e.g. "Local demo". */
  readonly badge?: string;
}

/** What the user (or a link, or an import) supplies to create a profile. */
export interface OrgInput {
  readonly code: string;
  readonly name: string;
  readonly region?: string;
  readonly signIn: SignInSettings;
  readonly directoryId?: string;
  readonly endpoints?: EndpointOverrides;
  readonly defaultConnect?: string;
}

/** The managed configuration IT deploys through the OS's admin-only channel (read-only). */
export interface ManagedPolicy {
  readonly organizations: readonly (OrgInput & { readonly policy?: OrgPolicy; readonly badge?: string })[];
  readonly allowAddOrganizations: boolean;
  readonly allowStaySignedIn: boolean;
  /**
   * Hosts (`host` or `host:port`) that organizations the user adds may use beyond AWS's own:
   * endpoints, a default connection to that host, plain http on 127.0.0.1 / [::1].
   */
  readonly trustedHosts?: readonly string[];
  /** Preferences IT sets (and may lock) for every user of this computer. */
  readonly preferences?: ManagedPreferences;
  /** Settings → Network preset (and optionally locked) by IT (issue 13). */
  readonly network?: ManagedNetworkPolicy;
}

/**
 * A preference IT sets through managed configuration: `locked` (the default) fixes it and the
 * Settings screen shows it disabled; `locked: false` makes `value` the default until the user
 * chooses otherwise.
 */
export interface ManagedPreference<T> {
  readonly value: T;
  readonly locked?: boolean;
}

/** Preferences managed configuration may set (the names of the settings domain's preferences). */
export interface ManagedPreferences {
  readonly language?: ManagedPreference<'system' | 'en' | 'de' | 'fr' | 'es' | 'ja'>;
  readonly theme?: ManagedPreference<'system' | 'light' | 'dark'>;
  readonly connectOnOpen?: ManagedPreference<boolean>;
  readonly rdpFullScreen?: ManagedPreference<boolean>;
}
