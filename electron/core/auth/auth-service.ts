import type { AwsCredentialIdentity } from '@smithy/types';
import type { AuthSnapshot, DeviceCodePrompt, OrgAuthStatus, SignInOptions } from '../../../shared/ipc/domains/auth';
import { fail, ok, type AppError, type Result } from '../../../shared/ipc/result';
import type { OrgProfile } from '../../../shared/models/org';
import type { NoticeCenter } from '../app/notice-center';
import type { EventBus } from '../events';
import type { ScopedLogger } from '../log/logger';
import type { OrgService } from '../orgs/org-service';
import type { Browser, Clock } from '../ports';
import type { SignInVault } from '../vault/sign-in-vault';
import { AuthError, describeCause } from './auth-error';
import type { AuthSession, AuthSessions } from './auth-session';
import type { Grant } from './grants';
import type { IdcOrg, IdcRegistration } from './identity-center-client';
import type { OidcOrg } from './oidc-client';
import { Attempt, type FlowContext, restoredGrant, signInWithIdentityCenter, signInWithOidc, type SignedIn } from './sign-in-flows';
import type { TemporaryCredentials } from './sts';

/** AWS credentials are renewed this long before they expire. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const RETRY_AFTER_MS = 60_000;
/** Never renew in a tight loop, whatever the expiry AWS sends. */
const MIN_RENEW_DELAY_MS = 30_000;

export interface AuthServiceDeps {
  readonly orgs: OrgService;
  readonly events: EventBus;
  readonly notices: NoticeCenter;
  readonly vault: SignInVault;
  readonly browser: Browser;
  readonly clock: Clock;
  readonly log: ScopedLogger;
  readonly requestTimeoutMs?: number;
  readonly loopbackTimeoutMs?: number;
}

interface Entry {
  state: OrgAuthStatus['state'];
  staySignedIn: boolean;
  waitingFor?: 'browser' | 'device';
  deviceCode?: DeviceCodePrompt;
  error?: AppError;
  attempt?: Attempt;
  grant?: Grant;
  credentials?: TemporaryCredentials;
  renewing?: Promise<TemporaryCredentials>;
  timer?: unknown;
  session?: AuthSession;
}

const STAY_UNAVAILABLE = 'Staying signed in is not available: this computer’s keychain (secret service) could not be used. You are signed in for now and will be asked to sign in again next time.';
const TRANSIENT = new Set(['idp-unreachable', 'idp-timeout', 'aws-unreachable']);

/** Sign-in, stay signed in and sign out for every organization; the AuthSessions seam for the rest of core. */
export class AuthService implements AuthSessions {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(orgId: string) => void>();
  private readonly registrations = new Map<string, IdcRegistration>();
  private readonly requestTimeoutMs: number;

  constructor(private readonly deps: AuthServiceDeps) {
    this.requestTimeoutMs = deps.requestTimeoutMs ?? 30_000;
    deps.orgs.onRemove(async (org) => {
      await this.signOut(org.id);
      await this.deps.vault.forget(org.id);
    });
  }

  // ---- AuthSessions (the seam the desktops service uses) ----

  session(orgId: string): AuthSession | null {
    return this.entries.get(orgId)?.session ?? null;
  }

  sessions(): readonly AuthSession[] {
    return [...this.entries.values()].flatMap((e) => (e.session ? [e.session] : []));
  }

  onChange(listener: (orgId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- state for the UI ----

  status(orgId: string): OrgAuthStatus | null {
    const org = this.deps.orgs.find(orgId);
    return org ? this.statusOf(org) : null;
  }

  snapshot(): AuthSnapshot {
    return { orgs: this.deps.orgs.snapshot().organizations.map((org) => this.statusOf(org)) };
  }

  private statusOf(org: OrgProfile): OrgAuthStatus {
    const e = this.entries.get(org.id);
    if (!e) return { orgId: org.id, state: 'signed-out', method: org.signIn.method, staySignedIn: false };
    const userName = e.session?.userName;
    return {
      orgId: org.id,
      state: e.state,
      method: org.signIn.method,
      staySignedIn: e.staySignedIn,
      ...(userName ? { userName } : {}),
      ...(e.credentials ? { expiresAt: e.credentials.expiration.getTime() } : {}),
      ...(e.waitingFor ? { waitingFor: e.waitingFor } : {}),
      ...(e.deviceCode ? { deviceCode: e.deviceCode } : {}),
      ...(e.error ? { error: e.error } : {}),
    };
  }

  private changed(orgId: string): void {
    this.deps.events.emit('auth:changed', this.snapshot());
    for (const listener of this.listeners) {
      try {
        listener(orgId);
      } catch (error) {
        this.deps.log.warn(`An auth listener failed: ${describeCause(error)}`);
      }
    }
  }

  private context(orgId: string): FlowContext {
    return {
      clock: this.deps.clock,
      browser: this.deps.browser,
      requestTimeoutMs: this.requestTimeoutMs,
      ...(this.deps.loopbackTimeoutMs === undefined ? {} : { loopbackTimeoutMs: this.deps.loopbackTimeoutMs }),
      progress: (waitingFor, deviceCode) => {
        const e = this.entries.get(orgId);
        if (!e) return;
        e.waitingFor = waitingFor;
        if (deviceCode) e.deviceCode = deviceCode;
        this.changed(orgId);
      },
    };
  }

  // ---- commands ----

  async signIn(orgId: string, options: SignInOptions): Promise<Result<OrgAuthStatus>> {
    const org = this.deps.orgs.find(orgId);
    if (!org) return fail('unknown-organization', 'This organization no longer exists.');
    const current = this.entries.get(orgId);
    if (current?.attempt) return fail('sign-in-in-progress', 'A sign-in for this organization is already waiting. Finish it in the browser or cancel it.');
    if (current) this.drop(current);
    const attempt = new Attempt();
    const entry: Entry = { state: 'signing-in', staySignedIn: false, attempt };
    this.entries.set(orgId, entry);
    this.changed(orgId);
    const ctx = this.context(orgId);
    try {
      let signedIn: SignedIn;
      if (org.signIn.method === 'oidc') {
        signedIn = await signInWithOidc(ctx, org as OidcOrg, attempt);
      } else {
        const result = await signInWithIdentityCenter(ctx, org as IdcOrg, attempt, options.flow ?? 'browser', this.registrations.get(orgId) ?? null);
        this.registrations.set(orgId, result.registration);
        signedIn = result;
      }
      if (this.entries.get(orgId) !== entry || attempt.cancelled) {
        signedIn.grant.dispose();
        throw attempt.cancelled ?? new AuthError('sign-in-cancelled', 'Sign-in was cancelled.');
      }
      delete entry.attempt;
      const stay = options.staySignedIn && org.policy.allowStaySignedIn && this.deps.orgs.snapshot().canStaySignedIn;
      this.established(org, entry, signedIn.grant, signedIn.credentials, false);
      entry.staySignedIn = stay ? await this.remember(org, entry) : (await this.deps.vault.forget(orgId), false);
      this.deps.log.info(`Signed in to ${org.name} (${org.signIn.method})`);
      this.changed(orgId);
      return ok(this.statusOf(org));
    } catch (error) {
      const appError = error instanceof AuthError ? error.toAppError() : { code: 'sign-in-failed', message: 'The sign-in failed.', details: describeCause(error) };
      if (this.entries.get(orgId) === entry) {
        delete entry.attempt;
        delete entry.waitingFor;
        delete entry.deviceCode;
        entry.state = appError.code === 'sign-in-cancelled' ? 'signed-out' : 'error';
        if (appError.code === 'sign-in-cancelled') delete entry.error;
        else entry.error = appError;
        this.changed(orgId);
      }
      this.deps.log.warn(`Sign-in to ${org.name} failed: ${appError.code}${appError.details ? ` (${appError.details})` : ''}`);
      return fail(appError.code, appError.message, appError.details);
    }
  }

  cancel(orgId: string): Result<OrgAuthStatus> {
    const org = this.deps.orgs.find(orgId);
    if (!org) return fail('unknown-organization', 'This organization no longer exists.');
    const entry = this.entries.get(orgId);
    entry?.attempt?.cancel();
    return ok(this.statusOf(org));
  }

  async signOut(orgId: string): Promise<Result<OrgAuthStatus>> {
    const entry = this.entries.get(orgId);
    this.entries.delete(orgId);
    if (entry) {
      entry.attempt?.cancel();
      const grant = entry.grant;
      delete entry.grant;
      this.drop(entry);
      if (grant) await grant.revoke().catch((error: unknown) => this.deps.log.warn(`Revocation failed: ${describeCause(error)}`));
    }
    this.registrations.delete(orgId);
    const forgotten = await this.deps.vault.forget(orgId);
    if (!forgotten.ok) this.deps.log.warn(`Could not delete the keychain entry: ${forgotten.reason}`);
    this.changed(orgId);
    const org = this.deps.orgs.find(orgId);
    return ok(org ? this.statusOf(org) : { orgId, state: 'signed-out', method: 'oidc', staySignedIn: false });
  }

  async setUserName(orgId: string, userName: string): Promise<Result<OrgAuthStatus>> {
    const org = this.deps.orgs.find(orgId);
    const entry = this.entries.get(orgId);
    if (!org || !entry?.grant || !entry.credentials) return fail('not-signed-in', 'Sign in to this organization first.');
    const name = userName.trim();
    if (name.length === 0 || name.length > 128) return fail('invalid-user-name', 'Enter a user name of 1 to 128 characters.');
    (entry.grant as { userName: string }).userName = name;
    this.established(org, entry, entry.grant, entry.credentials, true);
    if (entry.staySignedIn) entry.staySignedIn = await this.remember(org, entry);
    this.changed(orgId);
    return ok(this.statusOf(org));
  }

  async openVerificationPage(orgId: string): Promise<Result<void>> {
    const uri = this.entries.get(orgId)?.deviceCode?.verificationUri;
    if (!uri) return fail('no-device-code', 'There is no code waiting to be entered.');
    try {
      await this.deps.browser.open(uri);
      return ok(undefined);
    } catch (error) {
      return fail('browser-failed', 'Deskbridge could not open your web browser.', describeCause(error));
    }
  }

  /** Signs remembered organizations in again from the keychain, without the browser. */
  async restore(): Promise<void> {
    const recalled = await this.deps.vault.recall();
    if (!recalled.ok) {
      this.deps.log.info(`No remembered sign-ins (keychain unavailable: ${recalled.reason})`);
      return;
    }
    await Promise.all(
      recalled.value.map(async ({ orgId, userName, secrets }) => {
        const org = this.deps.orgs.find(orgId);
        if (!org || !org.policy.allowStaySignedIn || !this.deps.orgs.snapshot().canStaySignedIn || this.entries.has(orgId)) {
          if (!this.entries.has(orgId)) await this.deps.vault.forget(orgId);
          return;
        }
        const entry: Entry = { state: 'signing-in', staySignedIn: true };
        this.entries.set(orgId, entry);
        this.changed(orgId);
        try {
          const grant = restoredGrant(this.context(orgId), org, userName, secrets.refreshToken, secrets.registration);
          const credentials = await grant.renew();
          if (this.entries.get(orgId) !== entry) return grant.dispose();
          if (secrets.registration) this.registrations.set(orgId, secrets.registration);
          this.established(org, entry, grant, credentials, false);
          entry.staySignedIn = await this.remember(org, entry);
          this.deps.log.info(`Restored the sign-in to ${org.name}`);
        } catch (error) {
          if (this.entries.get(orgId) !== entry) return;
          const appError = error instanceof AuthError ? error.toAppError() : { code: 'sign-in-failed', message: 'The sign-in failed.', details: describeCause(error) };
          if (!TRANSIENT.has(appError.code)) await this.deps.vault.forget(orgId);
          entry.state = 'error';
          entry.staySignedIn = false;
          entry.error = appError.code === 'sign-in-expired' ? { ...appError, message: 'Your saved sign-in has expired. Sign in again.' } : appError;
          this.deps.log.warn(`Could not restore the sign-in to ${org.name}: ${appError.code}`);
        }
        this.changed(orgId);
      }),
    );
  }

  dispose(): void {
    for (const entry of this.entries.values()) this.drop(entry);
    this.entries.clear();
  }

  // ---- internals ----

  private established(org: OrgProfile, entry: Entry, grant: Grant, credentials: TemporaryCredentials, keepTimer: boolean): void {
    entry.state = 'signed-in';
    entry.grant = grant;
    entry.credentials = credentials;
    delete entry.error;
    delete entry.waitingFor;
    delete entry.deviceCode;
    entry.session = { org, userName: grant.userName, credentials: () => this.credentialsFor(org.id, entry) };
    if (!keepTimer) this.schedule(org.id, entry, credentials.expiration.getTime() - REFRESH_MARGIN_MS);
  }

  private async remember(org: OrgProfile, entry: Entry): Promise<boolean> {
    const secrets = entry.grant?.secrets();
    const userName = entry.session?.userName ?? '';
    if (!secrets) return false;
    const saved = await this.deps.vault.remember(org.id, userName, secrets);
    if (saved.ok) return true;
    this.deps.log.warn(`Keychain unavailable: ${saved.reason}`);
    this.deps.notices.add('warning', STAY_UNAVAILABLE, saved.reason);
    return false;
  }

  private schedule(orgId: string, entry: Entry, at: number): void {
    if (entry.timer !== undefined) this.deps.clock.clearTimeout(entry.timer);
    entry.timer = this.deps.clock.setTimeout(() => {
      delete entry.timer;
      this.credentialsFor(orgId, entry).catch(() => undefined);
    }, Math.max(MIN_RENEW_DELAY_MS, at - this.deps.clock.now()));
  }

  /** Current credentials, renewed (once, shared) when they are within the margin of expiring. */
  private credentialsFor(orgId: string, entry: Entry): Promise<AwsCredentialIdentity> {
    if (this.entries.get(orgId) !== entry || !entry.grant) return Promise.reject(new AuthError('not-signed-in', 'Sign in to this organization first.'));
    const current = entry.credentials;
    if (current && current.expiration.getTime() - this.deps.clock.now() > REFRESH_MARGIN_MS) return Promise.resolve(current);
    entry.renewing ??= this.renew(orgId, entry).finally(() => delete entry.renewing);
    return entry.renewing;
  }

  private async renew(orgId: string, entry: Entry): Promise<TemporaryCredentials> {
    const org = this.deps.orgs.find(orgId);
    if (!org || !entry.grant) throw new AuthError('not-signed-in', 'Sign in to this organization first.');
    try {
      const credentials = await entry.grant.renew();
      if (this.entries.get(orgId) !== entry) throw new AuthError('not-signed-in', 'Sign in to this organization first.');
      this.established(org, entry, entry.grant, credentials, false);
      // A rotated refresh token must replace the remembered one.
      if (entry.staySignedIn) entry.staySignedIn = await this.remember(org, entry);
      this.changed(orgId);
      return credentials;
    } catch (error) {
      const authError = error instanceof AuthError ? error : new AuthError('sign-in-expired', 'Your sign-in has expired. Sign in again.', describeCause(error));
      const stillValid = entry.credentials !== undefined && entry.credentials.expiration.getTime() > this.deps.clock.now();
      if (TRANSIENT.has(authError.code) && stillValid && this.entries.get(orgId) === entry) {
        this.schedule(orgId, entry, this.deps.clock.now() + RETRY_AFTER_MS);
        if (entry.credentials) return entry.credentials;
      }
      if (this.entries.get(orgId) === entry) {
        this.drop(entry);
        entry.state = 'error';
        entry.error = { code: 'sign-in-expired', message: 'Your sign-in has expired. Sign in again to continue; nothing on screen is lost.', ...(authError.details ? { details: authError.details } : {}) };
        if (!TRANSIENT.has(authError.code)) await this.deps.vault.forget(orgId);
        entry.staySignedIn = false;
        this.changed(orgId);
      }
      throw authError;
    }
  }

  /** Drops tokens and credentials from memory (no revocation). */
  private drop(entry: Entry): void {
    if (entry.timer !== undefined) this.deps.clock.clearTimeout(entry.timer);
    delete entry.timer;
    entry.grant?.dispose();
    delete entry.grant;
    delete entry.credentials;
    delete entry.session;
  }
}
