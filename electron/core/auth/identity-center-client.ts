import { GetRoleCredentialsCommand, LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import type { IdentityCenterSignIn, OrgProfile } from '@shared/models/org';
import type { NetworkFetch } from '../network/port';
import type { Clock } from '../ports';
import { AuthError, describeCause } from './auth-error';
import { clientConfig, endpointsOf, NO_CREDENTIALS } from './aws-config';
import { explainNetworkError } from './network-error';
import type { Pkce } from './pkce';
import type { TemporaryCredentials } from './sts';

export type IdcOrg = OrgProfile & { readonly signIn: IdentityCenterSignIn };

/** An IAM Identity Center public-client registration (kept until it expires). */
export interface IdcRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly authorizationEndpoint?: string;
}

export interface IdcTokens {
  readonly accessToken: string;
  readonly accessExpiresAt: number;
  readonly refreshToken?: string;
}

export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete?: string;
  readonly expiresAt: number;
  readonly intervalMs: number;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const SCOPES = ['sso:account:access'];
const SLOW_DOWN_STEP_MS = 5_000;

const nameOf = (error: unknown): string => (error instanceof Error ? error.name : '');

/** IAM Identity Center through the AWS SDK's SSO OIDC and SSO portal clients, always unsigned and on explicit endpoints. */
export class IdentityCenterClient {
  private readonly oidc: SSOOIDCClient;
  private readonly portal: SSOClient;
  private readonly endpoints: ReturnType<typeof endpointsOf>;

  constructor(
    private readonly org: IdcOrg,
    private readonly clock: Clock,
    requestTimeoutMs: number,
    fetch: NetworkFetch,
  ) {
    this.endpoints = endpointsOf(org);
    const region = org.signIn.region;
    this.oidc = new SSOOIDCClient(clientConfig({ region, endpoint: this.endpoints.ssoOidc, credentials: NO_CREDENTIALS, requestTimeoutMs, fetch }));
    this.portal = new SSOClient(clientConfig({ region, endpoint: this.endpoints.sso, credentials: NO_CREDENTIALS, requestTimeoutMs, fetch }));
  }

  destroy(): void {
    this.oidc.destroy();
    this.portal.destroy();
  }

  async register(): Promise<IdcRegistration> {
    try {
      const out = await this.oidc.send(
        new RegisterClientCommand({
          clientName: 'Deskbridge',
          clientType: 'public',
          scopes: SCOPES,
          grantTypes: ['authorization_code', 'refresh_token', DEVICE_GRANT],
          redirectUris: ['http://127.0.0.1/callback'],
          issuerUrl: this.org.signIn.startUrl,
        }),
      );
      if (!out.clientId || !out.clientSecret)
        throw incomplete('RegisterClient', 'IAM Identity Center did not register Deskbridge.', 'RegisterClient returned no client.');
      return {
        clientId: out.clientId,
        clientSecret: out.clientSecret,
        expiresAt: (out.clientSecretExpiresAt ?? 0) * 1000,
        ...(out.authorizationEndpoint ? { authorizationEndpoint: out.authorizationEndpoint } : {}),
      };
    } catch (error) {
      throw this.explain(error, 'RegisterClient');
    }
  }

  authorizationUrl(registration: IdcRegistration, redirectUri: string, pkce: Pkce, state: string): string {
    const url = new URL(registration.authorizationEndpoint ?? `${this.endpoints.ssoOidc.replace(/\/$/, '')}/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: registration.clientId,
      redirect_uri: redirectUri,
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: pkce.method,
      scopes: SCOPES.join(' '),
    }).toString();
    return url.toString();
  }

  async exchangeCode(registration: IdcRegistration, callback: URLSearchParams, redirectUri: string, pkce: Pkce, state: string): Promise<IdcTokens> {
    if (callback.get('state') !== state) {
      throw new AuthError(
        'state-mismatch',
        'The answer from the browser did not belong to this sign-in, so Deskbridge ignored it. Try again; if this repeats, another program may be interfering.',
        'The state parameter did not match the one Deskbridge sent.',
      );
    }
    const error = callback.get('error');
    if (error !== null)
      throw new AuthError(
        'sign-in-denied',
        'Sign-in was cancelled or refused in the browser.',
        `${error}: ${(callback.get('error_description') ?? '').slice(0, 200)}`,
      );
    const code = callback.get('code');
    if (code === null) throw incomplete('Authorize', 'IAM Identity Center sent no authorization code.', 'No code in the redirect.');
    return this.token({ grantType: 'authorization_code', code, redirectUri, codeVerifier: pkce.verifier }, registration);
  }

  async startDevice(registration: IdcRegistration): Promise<DeviceAuthorization> {
    try {
      const out = await this.oidc.send(
        new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: this.org.signIn.startUrl }),
      );
      if (!out.deviceCode || !out.userCode || !out.verificationUri)
        throw incomplete('StartDeviceAuthorization', 'IAM Identity Center did not start the device sign-in.', 'StartDeviceAuthorization returned no code.');
      return {
        deviceCode: out.deviceCode,
        userCode: out.userCode,
        verificationUri: out.verificationUri,
        ...(out.verificationUriComplete ? { verificationUriComplete: out.verificationUriComplete } : {}),
        expiresAt: this.clock.now() + (out.expiresIn ?? 600) * 1000,
        intervalMs: Math.max(1, out.interval ?? 5) * 1000,
      };
    } catch (error) {
      throw this.explain(error, 'StartDeviceAuthorization');
    }
  }

  /** Polls CreateToken at the interval AWS gave, slowing down when told to, until approved, refused, expired or aborted. */
  async pollDevice(
    registration: IdcRegistration,
    device: DeviceAuthorization,
    aborted: () => AuthError | null,
    wait: (ms: number) => Promise<void>,
  ): Promise<IdcTokens> {
    let interval = device.intervalMs;
    for (;;) {
      await wait(interval);
      const stop = aborted();
      if (stop) throw stop;
      if (this.clock.now() >= device.expiresAt)
        throw new AuthError('sign-in-timeout', 'The code was not entered in time. Start the sign-in again to get a new code.');
      try {
        return await this.oidc
          .send(
            new CreateTokenCommand({
              clientId: registration.clientId,
              clientSecret: registration.clientSecret,
              grantType: DEVICE_GRANT,
              deviceCode: device.deviceCode,
            }),
          )
          .then((out) => this.tokensOf(out));
      } catch (error) {
        const name = nameOf(error);
        if (name === 'AuthorizationPendingException') continue;
        if (name === 'SlowDownException') {
          interval += SLOW_DOWN_STEP_MS;
          continue;
        }
        if (name === 'AccessDeniedException') throw new AuthError('sign-in-denied', 'The sign-in was refused on the verification page.', describeCause(error));
        if (name === 'ExpiredTokenException')
          throw new AuthError('sign-in-timeout', 'The code was not entered in time. Start the sign-in again to get a new code.', describeCause(error));
        throw this.explain(error, 'CreateToken');
      }
    }
  }

  refresh(registration: IdcRegistration, refreshToken: string): Promise<IdcTokens> {
    return this.token({ grantType: 'refresh_token', refreshToken }, registration);
  }

  async roleCredentials(accessToken: string): Promise<TemporaryCredentials> {
    try {
      const out = await this.portal.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: this.org.signIn.accountId, roleName: this.org.signIn.roleName }),
      );
      const c = out.roleCredentials;
      if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || !c.expiration)
        throw incomplete('GetRoleCredentials', 'IAM Identity Center sent no credentials.', 'GetRoleCredentials returned none.');
      const expiration = new Date(c.expiration);
      // An expiry that is no real time would renew the credentials in a tight loop.
      if (Number.isNaN(expiration.getTime()))
        throw incomplete(
          'GetRoleCredentials',
          'IAM Identity Center sent credentials without a valid expiry time.',
          `GetRoleCredentials expiration: ${String(c.expiration).slice(0, 40)}`,
        );
      return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration };
    } catch (error) {
      const name = nameOf(error);
      if (name === 'ResourceNotFoundException' || name === 'ForbiddenException') {
        throw new AuthError(
          'identity-center-no-assignment',
          `IAM Identity Center did not give you the role ${this.org.signIn.roleName} in account ${this.org.signIn.accountId}. Ask your administrator to assign you this permission set for the account.`,
          `IAM Identity Center setting: AWS accounts → ${this.org.signIn.accountId} → assigned users and permission sets (${this.org.signIn.roleName}). ${describeCause(error)}`,
          { role: this.org.signIn.roleName.slice(0, 64), account: this.org.signIn.accountId },
        );
      }
      if (name === 'UnauthorizedException')
        throw new AuthError('sign-in-expired', 'Your IAM Identity Center sign-in has expired. Sign in again.', describeCause(error));
      throw this.explain(error, 'GetRoleCredentials');
    }
  }

  /** Ends the portal session (Identity Center offers no refresh-token revocation). */
  async logout(accessToken: string): Promise<boolean> {
    try {
      await this.portal.send(new LogoutCommand({ accessToken }));
      return true;
    } catch {
      return false;
    }
  }

  private async token(
    input: { grantType: string; code?: string; redirectUri?: string; codeVerifier?: string; refreshToken?: string },
    registration: IdcRegistration,
  ): Promise<IdcTokens> {
    try {
      const out = await this.oidc.send(new CreateTokenCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, ...input }));
      return this.tokensOf(out);
    } catch (error) {
      const name = nameOf(error);
      if (input.grantType === 'refresh_token' && (name === 'InvalidGrantException' || name === 'ExpiredTokenException' || name === 'InvalidClientException')) {
        throw new AuthError('sign-in-expired', 'Your IAM Identity Center sign-in has expired. Sign in again.', describeCause(error));
      }
      throw this.explain(error, 'CreateToken');
    }
  }

  private tokensOf(out: { accessToken?: string; expiresIn?: number; refreshToken?: string }): IdcTokens {
    if (!out.accessToken) throw incomplete('CreateToken', 'IAM Identity Center sent no access token.', 'CreateToken returned none.');
    return {
      accessToken: out.accessToken,
      accessExpiresAt: this.clock.now() + (out.expiresIn ?? 3600) * 1000,
      ...(out.refreshToken ? { refreshToken: out.refreshToken } : {}),
    };
  }

  private explain(error: unknown, operation: string): AuthError {
    if (error instanceof AuthError) return error;
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== undefined && status < 500 && status !== 429) {
      const reason = nameOf(error).replace(/Exception$/, '');
      return new AuthError(
        'identity-center-refused',
        `IAM Identity Center refused the sign-in (${operation}). Check the organization’s start URL and Region.`,
        describeCause(error),
        { operation, reason: /^\w{1,64}$/.test(reason) ? reason : `HTTP ${status}` },
      );
    }
    const endpoint = operation === 'GetRoleCredentials' || operation === 'Logout' ? this.endpoints.sso : this.endpoints.ssoOidc;
    return explainNetworkError(error, 'idp', `${endpoint} (IAM Identity Center ${operation})`);
  }
}

/** IAM Identity Center answered an operation without what it must carry. */
function incomplete(operation: string, message: string, details: string): AuthError {
  return new AuthError('identity-center-incomplete', message, details, { operation });
}
