import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { OidcSignIn, OrgProfile } from '@shared/models/org';
import type { NetworkFetch } from '../network/port';
import { AuthError, describeCause } from './auth-error';
import { clientConfig, DEFAULT_REGION, endpointsOf, NO_CREDENTIALS } from './aws-config';
import { explainNetworkError } from './network-error';

export interface TemporaryCredentials extends AwsCredentialIdentity {
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** RoleSessionName allows [\w+=,.@-]{2,64}. */
export function sessionNameFor(userName: string): string {
  const cleaned = userName.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return cleaned.length >= 2 ? cleaned : `deskbridge-${cleaned}`;
}

/** The role's name from its ARN (arn:aws:iam::123456789012:role/path/Name → Name), for messages. */
export function roleName(roleArn: string): string {
  return roleArn.split('/').pop()?.slice(0, 64) || roleArn.slice(0, 64);
}

/** STS answered RegionDisabledException: the account has not activated STS in this Region. */
export function stsRegionDisabled(region: string, said: string): AuthError {
  return new AuthError('sts-region-disabled', `STS is not enabled in ${region} for this account.`, `IAM setting: Account settings → STS regions. ${said}`, {
    region,
  });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** STS AssumeRoleWithWebIdentity (unsigned) with the organization's role → temporary credentials in memory. */
export async function assumeRoleWithWebIdentity(
  org: OrgProfile & { readonly signIn: OidcSignIn },
  idToken: string,
  userName: string,
  requestTimeoutMs: number,
  fetch: NetworkFetch,
): Promise<TemporaryCredentials> {
  const endpoint = endpointsOf(org).sts;
  const client = new STSClient(clientConfig({ region: org.region ?? DEFAULT_REGION, endpoint, credentials: NO_CREDENTIALS, requestTimeoutMs, fetch }));
  try {
    const out = await client.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: org.signIn.roleArn, RoleSessionName: sessionNameFor(userName), WebIdentityToken: idToken }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new AuthError('aws-unreachable', 'AWS answered the sign-in without credentials.', `STS at ${endpoint}`);
    }
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (error) {
    throw explainStsError(error, org, endpoint);
  } finally {
    client.destroy();
  }
}

function explainStsError(error: unknown, org: OrgProfile & { readonly signIn: OidcSignIn }, endpoint: string): AuthError {
  if (error instanceof AuthError) return error;
  const name = errorName(error);
  const role = org.signIn.roleArn;
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return new AuthError(
      'role-trust-refused',
      `AWS refused to let you use the role ${role}. Ask your administrator to check the role’s trust policy: it must allow sts:AssumeRoleWithWebIdentity for the identity provider ${org.signIn.issuer} with the audience (client ID) ${org.signIn.clientId}.`,
      `IAM setting: the trust policy of ${role} (Principal Federated = the OIDC provider, Condition on :aud and :sub). STS said: ${describeCause(error)}`,
      { role: roleName(role) },
    );
  }
  if (name === 'InvalidIdentityTokenException' || name === 'IDPRejectedClaimException') {
    return new AuthError(
      'aws-refused-token',
      `AWS did not accept the sign-in from ${org.signIn.issuer}. Ask your administrator to check the IAM OIDC identity provider for this issuer: it must exist and list ${org.signIn.clientId} as an audience.`,
      `IAM setting: Identity providers → ${org.signIn.issuer} (audiences, thumbprint). STS said: ${describeCause(error)}`,
    );
  }
  if (name === 'ExpiredTokenException') {
    return new AuthError(
      'id-token-expired',
      'The sign-in from your identity provider had expired when AWS checked it. Sign in again; if this repeats, check that this computer’s clock is set correctly.',
      describeCause(error),
    );
  }
  if (name === 'RegionDisabledException') {
    return stsRegionDisabled(org.region ?? DEFAULT_REGION, `STS said: ${describeCause(error)}`);
  }
  return explainNetworkError(error, 'aws', endpoint);
}

/** The caller's session name (Identity Center puts the user name there) from GetCallerIdentity. */
export async function callerSessionName(
  org: OrgProfile,
  credentials: AwsCredentialIdentity,
  requestTimeoutMs: number,
  fetch: NetworkFetch,
): Promise<string | null> {
  const client = new STSClient(clientConfig({ region: org.region ?? DEFAULT_REGION, endpoint: endpointsOf(org).sts, credentials, requestTimeoutMs, fetch }));
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    const session = out.Arn?.split('/').pop();
    return session && session.length > 0 ? session : null;
  } catch {
    return null;
  } finally {
    client.destroy();
  }
}
