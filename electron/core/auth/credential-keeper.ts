import type { OrgProfile } from '@shared/models/org';
import type { Clock } from '../ports';
import type { RememberedSecrets } from '../vault/sign-in-vault';
import { AuthError, describeCause, isTransient } from './auth-error';
import type { Expiring, Grant } from './grants';
import { renewWithinPolicy } from './sign-in-age';
import type { TemporaryCredentials } from './sts';

/** AWS credentials are renewed this long before they expire. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const RETRY_AFTER_MS = 60_000;
/** Never renew in a tight loop, whatever the expiry AWS sends. */
const MIN_RENEW_DELAY_MS = 30_000;

export interface KeeperHooks {
  /** The organization as it is now (null once removed); its policy applies to every renewal. */
  org(): OrgProfile | null;
  /** After each renewal, with the grant's (possibly rotated) tokens in place. */
  renewed(org: OrgProfile): Promise<void>;
  /** Once, when renewal has failed for good; the keeper has already let go of everything. */
  failed(error: AuthError): Promise<void>;
}

const notSignedIn = (): AuthError => new AuthError('not-signed-in', 'Sign in to this organization first.');

/**
 * One signed-in organization's grant and AWS credentials, in memory only: renewed on core's Clock
 * before they expire (once, shared by every caller), retried while the current ones still work
 * when the failure may pass, and given up for good otherwise.
 */
export class CredentialKeeper<T extends Expiring = TemporaryCredentials> {
  private timer: unknown;
  private renewing: Promise<T> | undefined;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly grant: Grant<T>,
    private current: T,
    private readonly hooks: KeeperHooks,
  ) {
    this.schedule(current.expiration.getTime() - REFRESH_MARGIN_MS);
  }

  get userName(): string {
    return this.grant.userName;
  }

  /** The WorkSpaces user name, where the provider gave none and the user typed it. */
  rename(userName: string): void {
    (this.grant as { userName: string }).userName = userName;
  }

  get expiresAt(): number {
    return this.current.expiration.getTime();
  }

  /** What "stay signed in" may keep. */
  secrets(): RememberedSecrets | null {
    return this.grant.secrets();
  }

  /** Current credentials, renewed when they are within the margin of expiring. */
  credentials(): Promise<T> {
    if (this.closed) return Promise.reject(notSignedIn());
    if (this.current.expiration.getTime() - this.clock.now() > REFRESH_MARGIN_MS) return Promise.resolve(this.current);
    this.renewing ??= this.renew().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  /** Drops tokens and credentials from memory (no revocation). */
  close(): void {
    this.stop();
    this.grant.dispose();
  }

  /** Revokes the refresh token / ends the portal session where the provider allows, then drops everything. */
  revoke(): Promise<void> {
    this.stop();
    return this.grant.revoke();
  }

  private stop(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(at: number): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.credentials().catch(() => undefined);
      },
      Math.max(MIN_RENEW_DELAY_MS, at - this.clock.now()),
    );
  }

  private async renew(): Promise<T> {
    const org = this.hooks.org();
    if (!org) throw notSignedIn();
    try {
      const credentials = await renewWithinPolicy(this.grant, org.policy, () => this.clock.now());
      if (this.closed) throw notSignedIn();
      this.current = credentials;
      this.schedule(credentials.expiration.getTime() - REFRESH_MARGIN_MS);
      await this.hooks.renewed(org);
      return credentials;
    } catch (error) {
      const authError = error instanceof AuthError ? error : new AuthError('sign-in-expired', 'Your sign-in has expired. Sign in again.', describeCause(error));
      if (this.closed) throw authError;
      if (isTransient(authError.code) && this.current.expiration.getTime() > this.clock.now()) {
        this.schedule(this.clock.now() + RETRY_AFTER_MS);
        return this.current;
      }
      this.close();
      await this.hooks.failed(authError);
      throw authError;
    }
  }
}
