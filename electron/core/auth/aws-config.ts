import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { OrgProfile } from '@shared/models/org';
import type { NetworkFetch } from '../network/port';
import { NetworkSdkHandler } from '../network/sdk-handler';

/** Endpoints of one organization: the profile's overrides, else the public AWS endpoint of the region. */
export interface OrgEndpoints {
  readonly sts: string;
  readonly ssoOidc: string;
  readonly sso: string;
}

export const DEFAULT_REGION = 'us-east-1';

export function endpointsOf(org: OrgProfile): OrgEndpoints {
  const region = org.region ?? DEFAULT_REGION;
  const ssoRegion = org.signIn.method === 'identity-center' ? org.signIn.region : region;
  return {
    sts: org.endpoints?.sts ?? `https://sts.${region}.amazonaws.com`,
    ssoOidc: org.endpoints?.ssoOidc ?? `https://oidc.${ssoRegion}.amazonaws.com`,
    sso: org.endpoints?.sso ?? `https://portal.sso.${ssoRegion}.amazonaws.com`,
  };
}

/**
 * Used for calls AWS defines as unsigned (AssumeRoleWithWebIdentity, SSO OIDC, the SSO portal):
 * it rejects, so the SDK can never fall back to its default chain (~/.aws, env, fromSso/fromIni).
 */
export const NO_CREDENTIALS: AwsCredentialIdentityProvider = () =>
  Promise.reject(new Error('Deskbridge makes this call unsigned; no AWS credentials are configured.'));

export interface ClientConfigInput {
  readonly region: string;
  readonly endpoint: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly requestTimeoutMs: number;
  /** The network port's fetch: the SDK's requests go through it, never through node:http. */
  readonly fetch: NetworkFetch;
}

/**
 * Every SDK client Deskbridge builds gets all of its settings explicitly, so nothing is read from
 * the shared config files or the environment (region, retries, FIPS/dual-stack, credentials).
 */
export function clientConfig(input: ClientConfigInput) {
  return {
    region: input.region,
    endpoint: input.endpoint,
    credentials: input.credentials,
    maxAttempts: 2,
    retryMode: 'standard',
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    defaultsMode: 'standard',
    requestHandler: new NetworkSdkHandler(input.fetch, { requestTimeoutMs: input.requestTimeoutMs }),
  } as const;
}
