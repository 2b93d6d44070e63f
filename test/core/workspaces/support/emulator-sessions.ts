import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { AuthSession, AuthSessions } from '@core/auth/auth-session';
import type { OrgProfile } from '@shared/models/org';
import type { Emulator } from '../../../emulator';
import { signInWithOidc } from '../../../emulator/oidc-helpers';
import { DEMO_ROLE_ARN } from '../../../emulator/seed';

/**
 * AuthSessions for core tests with REAL credentials from the emulator: the IdP's login form, then
 * STS AssumeRoleWithWebIdentity on the wire. (The app's own AuthService does the same with a browser.)
 */
export class EmulatorSessions implements AuthSessions {
  private readonly map = new Map<string, AuthSession>();
  private readonly listeners = new Set<(orgId: string) => void>();

  constructor(private readonly emu: Emulator) {}

  /** The demo OIDC organization as a profile, with optional changes (e.g. no directory id). */
  org(changes: Partial<OrgProfile> = {}): OrgProfile {
    const demo = this.emu.demo.organizations[0];
    if (demo === undefined) throw new Error('the emulator has no demo organization');
    return {
      id: 'org-oidc',
      code: demo.code,
      name: demo.name,
      region: demo.region ?? 'us-east-1',
      signIn: demo.signIn,
      ...(demo.directoryId === undefined ? {} : { directoryId: demo.directoryId }),
      ...(demo.endpoints === undefined ? {} : { endpoints: demo.endpoints }),
      policy: { allowStaySignedIn: false },
      managed: false,
      ...changes,
    };
  }

  /** Signs a demo user in through the IdP and STS; the session's credentials are real temporary keys. */
  async signIn(org: OrgProfile, username: string, password: string): Promise<AuthSession> {
    const tokens = await signInWithOidc(this.emu.endpoints.oidcIssuer, username, password);
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: this.emu.endpoints.sts,
      credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
      maxAttempts: 1,
    });
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO_ROLE_ARN, RoleSessionName: username, WebIdentityToken: tokens.id_token, DurationSeconds: 43_200 }),
    );
    sts.destroy();
    const c = out.Credentials;
    if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined) throw new Error('STS returned no credentials');
    const credentials: AwsCredentialIdentity = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken === undefined ? {} : { sessionToken: c.SessionToken }),
      ...(c.Expiration === undefined ? {} : { expiration: c.Expiration }),
    };
    return this.add(org, username, () => Promise.resolve(credentials));
  }

  /**
   * A session on the emulator's long-term key, which sees every directory (used for the
   * restricted directory, whose permissions the app must then enforce itself).
   */
  withKeys(org: OrgProfile, userName: string): AuthSession {
    return this.add(org, userName, () => Promise.resolve({ ...this.emu.adminCredentials }));
  }

  add(org: OrgProfile, userName: string, credentials: () => Promise<AwsCredentialIdentity>): AuthSession {
    const session: AuthSession = { org, userName, credentials };
    this.map.set(org.id, session);
    for (const listener of this.listeners) listener(org.id);
    return session;
  }

  signOut(orgId: string): void {
    this.map.delete(orgId);
    for (const listener of this.listeners) listener(orgId);
  }

  session(orgId: string): AuthSession | null {
    return this.map.get(orgId) ?? null;
  }

  sessions(): readonly AuthSession[] {
    return [...this.map.values()];
  }

  onChange(listener: (orgId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
