import type { ManagedPolicy, OrgInput, OrgPolicy } from '@shared/models/org';
import {
  ACCOUNT_ID,
  CODE_FULL,
  CODE_RESTRICTED,
  DEMO_ROLE_ARN,
  DEMO_USERS,
  type DemoUser,
  DIRECTORY_FULL,
  DIRECTORY_RESTRICTED,
  IDC_ROLE_NAME,
  OIDC_CLIENT_ID,
} from './seed';
import { CODE_SAML, SAML_APP_PATH } from './saml-idp';

export interface EmulatorEndpoints {
  readonly workspaces: string;
  readonly sts: string;
  readonly sso: string;
  readonly ssoOidc: string;
  readonly oidcIssuer: string;
  /** The SAML IdP (its AWS app's IdP-initiated sign-in URL is samlIdp + SAML_APP_PATH). */
  readonly samlIdp?: string;
  /** DynamoDB (GetItem/PutItem), for the broker's shared sweep cache. */
  readonly dynamodb?: string;
}

export type DemoOrganization = OrgInput & { readonly policy?: OrgPolicy; readonly badge?: string };

export interface DemoData {
  readonly organizations: readonly DemoOrganization[];
  readonly users: readonly DemoUser[];
  /** The organizations wrapped as the managed policy file `npm start` hands the app. */
  readonly managedPolicy: ManagedPolicy;
  /** host:port of every local-cloud endpoint: a policy's trustedHosts, for organizations a test adds itself. */
  readonly trustedHosts: readonly string[];
}

export function buildDemo(endpoints: EmulatorEndpoints): DemoData {
  const overrides = { workspaces: endpoints.workspaces, sts: endpoints.sts, sso: endpoints.sso, ssoOidc: endpoints.ssoOidc };
  const policy: OrgPolicy = { allowStaySignedIn: true, maxSignInHours: 12 };
  const organizations: DemoOrganization[] = [
    {
      code: CODE_FULL,
      name: 'Deskbridge Demo (OIDC)',
      region: 'us-east-1',
      directoryId: DIRECTORY_FULL,
      signIn: { method: 'oidc', issuer: endpoints.oidcIssuer, clientId: OIDC_CLIENT_ID, roleArn: DEMO_ROLE_ARN, userNameClaim: 'preferred_username' },
      endpoints: overrides,
      policy,
      badge: 'Local demo',
    },
    {
      code: CODE_RESTRICTED,
      name: 'Deskbridge Demo (Identity Center)',
      region: 'us-east-1',
      directoryId: DIRECTORY_RESTRICTED,
      signIn: { method: 'identity-center', startUrl: `${endpoints.ssoOidc}/start`, region: 'us-east-1', accountId: ACCOUNT_ID, roleName: IDC_ROLE_NAME },
      endpoints: overrides,
      policy,
      badge: 'Local demo',
    },
  ];
  if (endpoints.samlIdp !== undefined) {
    organizations.push({
      code: CODE_SAML,
      name: 'Deskbridge Demo (SAML)',
      region: 'us-east-1',
      directoryId: DIRECTORY_FULL,
      signIn: { method: 'saml', signInUrl: `${endpoints.samlIdp}${SAML_APP_PATH}` },
      // Without Electron's sign-in window the IdP posts to the host's loopback ACS (managed configuration only).
      endpoints: { ...overrides, samlAcs: 'loopback' },
      // SAML has no refresh token: nothing to keep.
      policy: { allowStaySignedIn: false },
      badge: 'Local demo',
    });
  }
  return {
    organizations,
    users: DEMO_USERS,
    managedPolicy: { organizations, allowAddOrganizations: true, allowStaySignedIn: true },
    trustedHosts: [...new Set(Object.values(endpoints).map((url) => new URL(url).host))],
  };
}

/** The broker-mode demo organization's code (no directory has it: the broker finds the desktops). */
export const CODE_BROKER = 'SLiad+DEMO04';

/**
 * The third demo organization (issue 14): broker mode against a local broker at `brokerUrl` that
 * runs the broker's handler against this local cloud. Sign-in is the demo IdP's OIDC, without STS.
 */
export function brokerDemoOrganization(endpoints: EmulatorEndpoints, brokerUrl: string): DemoOrganization {
  return {
    code: CODE_BROKER,
    name: 'Deskbridge Demo (Broker)',
    region: 'us-east-1',
    directoryId: DIRECTORY_FULL,
    signIn: { method: 'broker', brokerUrl, issuer: endpoints.oidcIssuer, clientId: OIDC_CLIENT_ID, userNameClaim: 'preferred_username' },
    policy: { allowStaySignedIn: true, maxSignInHours: 12 },
    badge: 'Local demo',
  };
}

/** The demo with the broker-mode organization added (managed configuration, so its broker URL is trusted). */
export function withBrokerDemo(demo: DemoData, endpoints: EmulatorEndpoints, brokerUrl: string): DemoData {
  const organizations = [...demo.organizations, brokerDemoOrganization(endpoints, brokerUrl)];
  return {
    ...demo,
    organizations,
    managedPolicy: { ...demo.managedPolicy, organizations },
    trustedHosts: [...new Set([...demo.trustedHosts, new URL(brokerUrl).host])],
  };
}
