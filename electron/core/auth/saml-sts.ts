import { AssumeRoleWithSAMLCommand, STSClient } from '@aws-sdk/client-sts';
import type { OrgProfile } from '@shared/models/org';
import type { NetworkFetch } from '../network/port';
import { AuthError, describeCause } from './auth-error';
import { clientConfig, DEFAULT_REGION, endpointsOf, NO_CREDENTIALS } from './aws-config';
import { explainNetworkError } from './network-error';
import type { SamlRole } from './saml-response';
import { roleName, stsRegionDisabled, type TemporaryCredentials } from './sts';

const TRUST = 'sts:AssumeRoleWithSAML and sts:TagSession for the SAML provider, with the condition SAML:aud = https://signin.aws.amazon.com/saml';

/** STS AssumeRoleWithSAML (unsigned) through the same explicit client configuration as the other flows. */
export async function assumeRoleWithSaml(
  org: OrgProfile,
  role: SamlRole,
  samlResponse: string,
  requestTimeoutMs: number,
  fetch: NetworkFetch,
): Promise<TemporaryCredentials> {
  const endpoint = endpointsOf(org).sts;
  const client = new STSClient(clientConfig({ region: org.region ?? DEFAULT_REGION, endpoint, credentials: NO_CREDENTIALS, requestTimeoutMs, fetch }));
  try {
    const out = await client.send(new AssumeRoleWithSAMLCommand({ RoleArn: role.roleArn, PrincipalArn: role.principalArn, SAMLAssertion: samlResponse }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new AuthError('aws-unreachable', 'AWS answered the sign-in without credentials.', `STS at ${endpoint}`);
    }
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (error) {
    throw explainSamlStsError(error, role, endpoint, org.region ?? DEFAULT_REGION);
  } finally {
    client.destroy();
  }
}

/** What STS said, in words, naming the IAM setting an administrator has to look at. */
export function explainSamlStsError(error: unknown, role: SamlRole, endpoint: string, region: string): AuthError {
  if (error instanceof AuthError) return error;
  const name = error instanceof Error ? error.name : '';
  const said = `STS said: ${describeCause(error)}`;
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return new AuthError(
      'role-trust-refused',
      `AWS refused to let you use the role ${role.roleArn}. Ask your administrator to check the role’s trust policy.`,
      `IAM setting: the trust policy of ${role.roleArn} must allow ${TRUST} (Principal Federated = ${role.principalArn}). ${said}`,
      { role: roleName(role.roleArn) },
    );
  }
  if (name === 'InvalidIdentityTokenException' || name === 'InvalidIdentityToken') {
    return new AuthError(
      'aws-refused-token',
      'AWS did not accept the sign-in from your identity provider. Ask your administrator to check the IAM SAML identity provider: its metadata must be the identity provider’s current metadata (signing certificate).',
      `IAM setting: Identity providers → ${role.principalArn} (metadata document). ${said}`,
    );
  }
  if (name === 'IDPRejectedClaimException' || name === 'IDPRejectedClaim') {
    return new AuthError(
      'aws-refused-token',
      'AWS rejected a claim in the sign-in from your identity provider. Ask your administrator to check the AWS app’s audience and ACS (https://signin.aws.amazon.com/saml) and the role’s trust policy.',
      `IAM setting: the trust policy of ${role.roleArn} (SAML:aud) and the IdP app’s Audience/Recipient = https://signin.aws.amazon.com/saml. ${said}`,
    );
  }
  if (name === 'ExpiredTokenException') {
    return new AuthError(
      'saml-token-expired',
      'The sign-in from your identity provider had expired when AWS checked it. Sign in again; if this repeats, check this computer’s clock.',
      `IdP setting: the assertion’s validity (NotOnOrAfter) in the AWS app; IAM: none. ${said}`,
    );
  }
  if (name === 'RegionDisabledException') {
    return stsRegionDisabled(region, said);
  }
  if (name === 'ValidationError' && describeCause(error).includes('DurationSeconds')) {
    return new AuthError(
      'role-session-too-long',
      `The session length your identity provider asks for is longer than the role ${role.roleArn} allows.`,
      `IAM setting: the role’s maximum session duration, or the SessionDuration attribute in the IdP app. ${said}`,
      { role: roleName(role.roleArn) },
    );
  }
  return explainNetworkError(error, 'aws', endpoint);
}
