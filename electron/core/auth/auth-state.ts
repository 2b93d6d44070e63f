import type { AuthSnapshot, DeviceCodePrompt, OrgAuthStatus } from '@shared/ipc/domains/auth';
import type { AppError } from '@shared/ipc/result';
import type { OrgProfile } from '@shared/models/org';
import type { EventBus } from '../events';
import type { ScopedLogger } from '../log/logger';
import type { OrgService } from '../orgs/org-service';
import { describeCause } from './auth-error';
import type { AuthSession, AuthSessions } from './auth-session';
import type { CredentialKeeper } from './credential-keeper';
import type { Expiring } from './grants';
import type { Attempt } from './sign-in-flows';

/** What core knows of one organization's sign-in (in memory only). */
export interface SignInEntry {
  state: OrgAuthStatus['state'];
  staySignedIn: boolean;
  waitingFor?: 'browser' | 'device' | 'role';
  /** SAML: the roles on offer while the user chooses, and how to hand the choice to the flow. */
  roleChoices?: readonly string[];
  chooseRole?: (roleArn: string) => void;
  deviceCode?: DeviceCodePrompt;
  error?: AppError;
  attempt?: Attempt;
  keeper?: CredentialKeeper<Expiring>;
  /** How the session reaches AWS: credentials (direct), or the ID token for the broker. */
  access?: Pick<AuthSession, 'credentials' | 'brokerToken'>;
  session?: AuthSession;
}

/**
 * Every organization's sign-in as the rest of core (AuthSessions) and the UI (auth:changed) see
 * it. The AuthService changes entries and calls changed(); this tells everyone.
 */
export class AuthState implements AuthSessions {
  private readonly entries = new Map<string, SignInEntry>();
  private readonly listeners = new Set<(orgId: string) => void>();

  constructor(
    private readonly orgs: OrgService,
    private readonly events: EventBus,
    private readonly log: ScopedLogger,
  ) {}

  get(orgId: string): SignInEntry | undefined {
    return this.entries.get(orgId);
  }

  set(orgId: string, entry: SignInEntry): void {
    this.entries.set(orgId, entry);
  }

  /** Takes an organization's entry out; the caller drops what it holds. */
  take(orgId: string): SignInEntry | undefined {
    const entry = this.entries.get(orgId);
    this.entries.delete(orgId);
    return entry;
  }

  /** Takes every entry out (on shutdown). */
  takeAll(): SignInEntry[] {
    const all = [...this.entries.values()];
    this.entries.clear();
    return all;
  }

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

  status(orgId: string): OrgAuthStatus | null {
    const org = this.orgs.find(orgId);
    return org ? this.statusOf(org) : null;
  }

  snapshot(): AuthSnapshot {
    return { orgs: this.orgs.snapshot().organizations.map((org) => this.statusOf(org)) };
  }

  statusOf(org: OrgProfile): OrgAuthStatus {
    const e = this.entries.get(org.id);
    if (!e) return { orgId: org.id, state: 'signed-out', method: org.signIn.method, staySignedIn: false };
    const userName = e.session?.userName;
    return {
      orgId: org.id,
      state: e.state,
      method: org.signIn.method,
      staySignedIn: e.staySignedIn,
      ...(userName ? { userName } : {}),
      ...(e.keeper ? { expiresAt: e.keeper.expiresAt } : {}),
      ...(e.waitingFor ? { waitingFor: e.waitingFor } : {}),
      ...(e.deviceCode ? { deviceCode: e.deviceCode } : {}),
      ...(e.roleChoices ? { roleChoices: e.roleChoices } : {}),
      ...(e.error ? { error: e.error } : {}),
    };
  }

  /** Tells the UI (auth:changed) and core's listeners that an organization's sign-in changed. */
  changed(orgId: string): void {
    this.events.emit('auth:changed', this.snapshot());
    for (const listener of this.listeners) {
      try {
        listener(orgId);
      } catch (error) {
        this.log.warn(`An auth listener failed: ${describeCause(error)}`);
      }
    }
  }
}
