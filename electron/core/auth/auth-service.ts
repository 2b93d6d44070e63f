import type { AuthSnapshot, OrgAuthStatus, SignInOptions } from '@shared/ipc/domains/auth';
import { type AppError, fail, ok, type Result } from '@shared/ipc/result';
import type { OrgProfile } from '@shared/models/org';
import type { NoticeCenter } from '../app/notice-center';
import type { EventBus } from '../events';
import type { NetworkFetch } from '../network/port';
import type { ScopedLogger } from '../log/logger';
import type { OrgService } from '../orgs/org-service';
import type { Browser, Clock } from '../ports';
import type { SignInVault } from '../vault/sign-in-vault';
import { AuthError, describeCause, isTransient } from './auth-error';
import type { AuthSession, AuthSessions } from './auth-session';
import { AuthState, type SignInEntry } from './auth-state';
import { CredentialKeeper } from './credential-keeper';
import type { Expiring, Grant } from './grants';
import type { IdcOrg, IdcRegistration } from './identity-center-client';
import type { BrokerOrg, OidcOrg } from './oidc-client';
import { Attempt, type FlowContext, signInFromKeychain, signInWithBroker, signInWithIdentityCenter, signInWithOidc, type SignedIn } from './sign-in-flows';
import { USER_NAME_MAX, userNameProblem } from '@shared/lib/user-name';
import { loopbackSamlCapture, type SamlCapture } from './saml-capture';
import { isSamlOrg, type SamlFlowDeps, type SamlOrg, signInWithSaml } from './saml-flow';

export { REFRESH_MARGIN_MS } from './credential-keeper';

export interface AuthServiceDeps {
  readonly orgs: OrgService;
  readonly events: EventBus;
  readonly notices: NoticeCenter;
  readonly vault: SignInVault;
  readonly browser: Browser;
  readonly clock: Clock;
  readonly log: ScopedLogger;
  readonly requestTimeoutMs?: number;
  /** The network port's fetch: every sign-in request (IdP, STS, Identity Center) goes through it. */
  readonly fetch: NetworkFetch;
  readonly loopbackTimeoutMs?: number;
  /** SAML's sign-in window (Electron); hosts without it use a loopback ACS for managed organizations. */
  readonly samlWindow?: SamlCapture;
}

const STAY_UNAVAILABLE =
  'Staying signed in is not available: this computer’s keychain (secret service) could not be used. You are signed in for now and will be asked to sign in again next time.';

/** Sign-in, stay signed in and sign out for every organization; the AuthSessions seam for the rest of core. */
export class AuthService implements AuthSessions {
  private readonly signIns: AuthState;
  private readonly registrations = new Map<string, IdcRegistration>();
  private readonly requestTimeoutMs: number;

  constructor(private readonly deps: AuthServiceDeps) {
    this.signIns = new AuthState(deps.orgs, deps.events, deps.log);
    this.requestTimeoutMs = deps.requestTimeoutMs ?? 30_000;
    deps.orgs.onRemove(async (org) => {
      await this.signOut(org.id);
      await this.deps.vault.forget(org.id);
      await this.deps.orgs.forgetSamlRole(org.id);
    });
  }

  // ---- AuthSessions (the seam the desktops service uses) and state for the UI ----

  session(orgId: string): AuthSession | null {
    return this.signIns.session(orgId);
  }

  sessions(): readonly AuthSession[] {
    return this.signIns.sessions();
  }

  onChange(listener: (orgId: string) => void): () => void {
    return this.signIns.onChange(listener);
  }

  status(orgId: string): OrgAuthStatus | null {
    return this.signIns.status(orgId);
  }

  snapshot(): AuthSnapshot {
    return this.signIns.snapshot();
  }

  private context(orgId: string): FlowContext {
    return {
      clock: this.deps.clock,
      browser: this.deps.browser,
      requestTimeoutMs: this.requestTimeoutMs,
      fetch: this.deps.fetch,
      ...(this.deps.loopbackTimeoutMs === undefined ? {} : { loopbackTimeoutMs: this.deps.loopbackTimeoutMs }),
      progress: (waitingFor, deviceCode) => {
        const e = this.signIns.get(orgId);
        if (!e) return;
        e.waitingFor = waitingFor;
        if (deviceCode) e.deviceCode = deviceCode;
        this.signIns.changed(orgId);
      },
    };
  }

  // ---- commands ----

  async signIn(orgId: string, options: SignInOptions): Promise<Result<OrgAuthStatus>> {
    const org = this.deps.orgs.find(orgId);
    if (!org) return fail('unknown-organization', 'This organization no longer exists.');
    const current = this.signIns.get(orgId);
    if (current?.attempt) return fail('sign-in-in-progress', 'A sign-in for this organization is already waiting. Finish it in the browser or cancel it.');
    if (current) this.drop(current);
    const attempt = new Attempt();
    const entry: SignInEntry = { state: 'signing-in', staySignedIn: false, attempt };
    this.signIns.set(orgId, entry);
    this.signIns.changed(orgId);
    const ctx = this.context(orgId);
    try {
      let signedIn: SignedIn;
      if (isSamlOrg(org)) {
        signedIn = await signInWithSaml(ctx, org, attempt, this.samlDeps(org, entry));
      } else if (org.signIn.method === 'oidc') {
        signedIn = await signInWithOidc(ctx, org as OidcOrg, attempt);
      } else if (org.signIn.method === 'broker') {
        signedIn = await signInWithBroker(ctx, org as BrokerOrg, attempt);
      } else {
        const result = await signInWithIdentityCenter(ctx, org as IdcOrg, attempt, options.flow ?? 'browser', this.registrations.get(orgId) ?? null);
        this.registrations.set(orgId, result.registration);
        signedIn = result;
      }
      if (this.signIns.get(orgId) !== entry || attempt.cancelled) {
        signedIn.grant.dispose();
        throw attempt.cancelled ?? new AuthError('sign-in-cancelled', 'Sign-in was cancelled.');
      }
      delete entry.attempt;
      const stay = options.staySignedIn && org.policy.allowStaySignedIn && this.deps.orgs.snapshot().canStaySignedIn;
      this.established(org, entry, signedIn);
      entry.staySignedIn = stay ? await this.remember(org, entry) : (await this.deps.vault.forget(orgId), false);
      this.deps.log.info(`Signed in to ${org.name} (${org.signIn.method})`);
      this.signIns.changed(orgId);
      return ok(this.signIns.statusOf(org));
    } catch (error) {
      const appError = error instanceof AuthError ? error.toAppError() : signInFailed(error);
      if (this.signIns.get(orgId) === entry) {
        delete entry.attempt;
        delete entry.roleChoices;
        delete entry.chooseRole;
        delete entry.waitingFor;
        delete entry.deviceCode;
        entry.state = appError.code === 'sign-in-cancelled' ? 'signed-out' : 'error';
        if (appError.code === 'sign-in-cancelled') delete entry.error;
        else entry.error = appError;
        this.signIns.changed(orgId);
      }
      this.deps.log.warn(`Sign-in to ${org.name} failed: ${appError.code}${appError.details ? ` (${appError.details})` : ''}`);
      return { ok: false, error: appError };
    }
  }

  cancel(orgId: string): Result<OrgAuthStatus> {
    const org = this.deps.orgs.find(orgId);
    if (!org) return fail('unknown-organization', 'This organization no longer exists.');
    const entry = this.signIns.get(orgId);
    entry?.attempt?.cancel();
    return ok(this.signIns.statusOf(org));
  }

  async signOut(orgId: string): Promise<Result<OrgAuthStatus>> {
    const entry = this.signIns.take(orgId);
    if (entry) {
      entry.attempt?.cancel();
      const keeper = entry.keeper;
      delete entry.keeper;
      delete entry.session;
      delete entry.access;
      if (keeper) await keeper.revoke().catch((error: unknown) => this.deps.log.warn(`Revocation failed: ${describeCause(error)}`));
    }
    this.registrations.delete(orgId);
    const forgotten = await this.deps.vault.forget(orgId);
    if (!forgotten.ok) this.deps.log.warn(`Could not delete the keychain entry: ${forgotten.reason}`);
    this.signIns.changed(orgId);
    const org = this.deps.orgs.find(orgId);
    return ok(org ? this.signIns.statusOf(org) : { orgId, state: 'signed-out', method: 'oidc', staySignedIn: false });
  }

  async setUserName(orgId: string, userName: string): Promise<Result<OrgAuthStatus>> {
    const org = this.deps.orgs.find(orgId);
    const entry = this.signIns.get(orgId);
    if (!org || !entry?.keeper) return fail('not-signed-in', 'Sign in to this organization first.');
    const name = userName.trim();
    if (userNameProblem(name) !== null)
      return fail('invalid-user-name', `Enter a user name of 1 to ${USER_NAME_MAX} characters: AWS WorkSpaces accepts no longer ones.`, undefined, {
        max: USER_NAME_MAX,
      });
    entry.keeper.rename(name);
    this.signedIn(org, entry, entry.keeper);
    if (entry.staySignedIn) entry.staySignedIn = await this.remember(org, entry);
    this.signIns.changed(orgId);
    return ok(this.signIns.statusOf(org));
  }

  /** SAML: the user picked one of the roles on offer; the waiting sign-in goes on with it. */
  chooseRole(orgId: string, roleArn: string): Result<OrgAuthStatus> {
    const org = this.deps.orgs.find(orgId);
    const entry = this.signIns.get(orgId);
    if (!org || !entry?.chooseRole || !entry.roleChoices) return fail('no-role-choice', 'There is no role to choose right now.');
    if (!entry.roleChoices.includes(roleArn)) return fail('saml-role-not-offered', 'This role is not among the roles your identity provider offers you.');
    entry.chooseRole(roleArn);
    return ok(this.signIns.statusOf(org));
  }

  async openVerificationPage(orgId: string): Promise<Result<void>> {
    const uri = this.signIns.get(orgId)?.deviceCode?.verificationUri;
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
        const present = this.signIns.get(orgId) !== undefined;
        if (!org || !org.policy.allowStaySignedIn || !this.deps.orgs.snapshot().canStaySignedIn || present) {
          if (!present) await this.deps.vault.forget(orgId);
          return;
        }
        const entry: SignInEntry = { state: 'signing-in', staySignedIn: true };
        this.signIns.set(orgId, entry);
        this.signIns.changed(orgId);
        try {
          const signedIn = await signInFromKeychain(this.context(orgId), org, userName, secrets);
          if (this.signIns.get(orgId) !== entry) return signedIn.grant.dispose();
          if (secrets.registration) this.registrations.set(orgId, secrets.registration);
          this.established(org, entry, signedIn);
          entry.staySignedIn = await this.remember(org, entry);
          this.deps.log.info(`Restored the sign-in to ${org.name}`);
        } catch (error) {
          if (this.signIns.get(orgId) !== entry) return;
          const appError = error instanceof AuthError ? error.toAppError() : signInFailed(error);
          if (!isTransient(appError.code)) await this.deps.vault.forget(orgId);
          entry.state = 'error';
          entry.staySignedIn = false;
          entry.error = appError.code === 'sign-in-expired' ? { ...appError, message: 'Your saved sign-in has expired. Sign in again.' } : appError;
          this.deps.log.warn(`Could not restore the sign-in to ${org.name}: ${appError.code}`);
        }
        this.signIns.changed(orgId);
      }),
    );
  }

  dispose(): void {
    for (const entry of this.signIns.takeAll()) this.drop(entry);
  }

  // ---- internals ----

  /** SAML's capture (the window; where there is none, the loopback ACS only managed configuration may ask for), picker and memory. */
  private samlDeps(org: SamlOrg, entry: SignInEntry): SamlFlowDeps {
    const loopback = !this.deps.samlWindow && org.managed && org.endpoints?.samlAcs === 'loopback';
    const capture = loopback ? loopbackSamlCapture(this.deps.browser, this.deps.clock, this.deps.fetch) : this.deps.samlWindow;
    if (!capture)
      throw new AuthError(
        'saml-unavailable',
        'SAML sign-in needs Deskbridge’s sign-in window, which this version does not have.',
        'No SAML capture is available on this host.',
      );
    return {
      capture,
      remembered: () => this.deps.orgs.samlRole(org.id),
      remember: (roleArn) => this.deps.orgs.rememberSamlRole(org.id, roleArn),
      choose: (roles) =>
        new Promise<string>((resolve) => {
          entry.waitingFor = 'role';
          entry.roleChoices = roles.map((role) => role.roleArn);
          entry.chooseRole = (roleArn) => {
            delete entry.chooseRole;
            delete entry.roleChoices;
            entry.waitingFor = 'browser';
            this.signIns.changed(org.id);
            resolve(roleArn);
          };
          this.signIns.changed(org.id);
        }),
    };
  }

  private established(org: OrgProfile, entry: SignInEntry, signedIn: SignedIn): void {
    if ('token' in signedIn) {
      const keeper = this.keep(org, entry, signedIn.grant, signedIn.token);
      entry.access = {
        credentials: () =>
          Promise.reject(new AuthError('not-signed-in', 'This organization signs in through its broker: Deskbridge holds no AWS credentials for it.')),
        brokerToken: async () => (await keeper.credentials()).idToken,
      };
      this.signedIn(org, entry, keeper);
    } else {
      const keeper = this.keep(org, entry, signedIn.grant, signedIn.credentials);
      entry.access = { credentials: () => keeper.credentials() };
      this.signedIn(org, entry, keeper);
    }
  }

  private keep<T extends Expiring>(org: OrgProfile, entry: SignInEntry, grant: Grant<T>, current: T): CredentialKeeper<T> {
    const keeper: CredentialKeeper<T> = new CredentialKeeper(this.deps.clock, grant, current, {
      org: () => this.deps.orgs.find(org.id) ?? null,
      renewed: async (now) => {
        this.signedIn(now, entry, keeper);
        // A rotated refresh token must replace the remembered one.
        if (entry.staySignedIn) entry.staySignedIn = await this.remember(now, entry);
        this.signIns.changed(org.id);
      },
      failed: (error) => this.expired(org.id, entry, error),
    });
    return keeper;
  }

  private signedIn(org: OrgProfile, entry: SignInEntry, keeper: CredentialKeeper<Expiring>): void {
    entry.state = 'signed-in';
    entry.keeper = keeper;
    delete entry.error;
    delete entry.waitingFor;
    delete entry.deviceCode;
    const access = entry.access ?? { credentials: () => Promise.reject(new AuthError('not-signed-in', 'Sign in to this organization first.')) };
    entry.session = { org, userName: keeper.userName, ...access };
  }

  /** Renewal failed for good: ask for a new sign-in; what is on screen stays. */
  private async expired(orgId: string, entry: SignInEntry, error: AuthError): Promise<void> {
    delete entry.keeper;
    delete entry.session;
    delete entry.access;
    entry.state = 'error';
    entry.error =
      error.code === 'sign-in-too-old' || error.code === 'subject-changed'
        ? error.toAppError()
        : {
            code: 'sign-in-expired',
            message: 'Your sign-in has expired. Sign in again to continue; nothing on screen is lost.',
            ...(error.details ? { details: error.details } : {}),
          };
    if (!isTransient(error.code)) await this.deps.vault.forget(orgId);
    entry.staySignedIn = false;
    this.signIns.changed(orgId);
  }

  private async remember(org: OrgProfile, entry: SignInEntry): Promise<boolean> {
    const secrets = entry.keeper?.secrets();
    const userName = entry.session?.userName ?? '';
    if (!secrets) return false;
    const saved = await this.deps.vault.remember(org.id, userName, secrets);
    if (saved.ok) return true;
    this.deps.log.warn(`Keychain unavailable: ${saved.reason}`);
    this.deps.notices.add('warning', 'stay-signed-in-unavailable', STAY_UNAVAILABLE, saved.reason);
    return false;
  }

  /** Drops tokens and credentials from memory (no revocation). */
  private drop(entry: SignInEntry): void {
    entry.keeper?.close();
    delete entry.keeper;
    delete entry.session;
    delete entry.access;
  }
}

function signInFailed(error: unknown): AppError {
  return { code: 'sign-in-failed', message: 'The sign-in failed.', details: describeCause(error) };
}
