import type { Clock, SecretStore } from '../ports';
import { KEYCHAIN_TIMEOUT_MS } from './bounded-secret-store';

export const KEYCHAIN_SERVICE = 'Deskbridge';

/** An IAM Identity Center client registration as kept in the keychain. */
export interface StoredRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly expiresAt: number;
  readonly authorizationEndpoint?: string;
}

/** The only things Deskbridge ever puts in the keychain: a refresh token and an Identity Center registration. */
export interface RememberedSecrets {
  readonly refreshToken: string;
  readonly registration?: StoredRegistration;
}

export interface RememberedSignIn {
  readonly orgId: string;
  readonly userName: string;
  readonly secrets: RememberedSecrets;
}

export type VaultResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** One keychain account per organization and user: `<orgId>:<user name, URI-encoded>`. */
export function accountFor(orgId: string, userName: string): string {
  return `${orgId}:${encodeURIComponent(userName)}`;
}

export function parseAccount(account: string): { orgId: string; userName: string } | null {
  const at = account.lastIndexOf(':');
  if (at <= 0) return null;
  try {
    return { orgId: account.slice(0, at), userName: decodeURIComponent(account.slice(at + 1)) };
  } catch {
    return null;
  }
}

function parseSecrets(text: string): RememberedSecrets | null {
  try {
    const value = JSON.parse(text) as Partial<RememberedSecrets> & { v?: number };
    if (value.v !== 1 || typeof value.refreshToken !== 'string' || value.refreshToken.length === 0) return null;
    const r = value.registration;
    const registration =
      r && typeof r.clientId === 'string' && typeof r.clientSecret === 'string' && typeof r.expiresAt === 'number'
        ? {
            clientId: r.clientId,
            clientSecret: r.clientSecret,
            expiresAt: r.expiresAt,
            ...(typeof r.authorizationEndpoint === 'string' ? { authorizationEndpoint: r.authorizationEndpoint } : {}),
          }
        : undefined;
    return { refreshToken: value.refreshToken, ...(registration ? { registration } : {}) };
  } catch {
    return null;
  }
}

/** Why the keychain failed, without anything from inside it. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * "Stay signed in" on top of the SecretStore port. Every failure is a value: a keychain that is
 * missing, locked or slow means staying signed in is unavailable, never that sign-in fails, and
 * nothing ever falls back to a file.
 */
export class SignInVault {
  constructor(
    private readonly store: SecretStore,
    private readonly clock: Clock,
    private readonly timeoutMs = KEYCHAIN_TIMEOUT_MS,
  ) {}

  private guard<T>(operation: () => Promise<T>): Promise<VaultResult<T>> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(
        () => resolve({ ok: false, reason: `The keychain did not answer within ${this.timeoutMs / 1000} s.` }),
        this.timeoutMs,
      );
      operation().then(
        (value) => {
          this.clock.clearTimeout(timer);
          resolve({ ok: true, value });
        },
        (error: unknown) => {
          this.clock.clearTimeout(timer);
          resolve({ ok: false, reason: reasonOf(error) });
        },
      );
    });
  }

  async remember(orgId: string, userName: string, secrets: RememberedSecrets): Promise<VaultResult<void>> {
    const stale = await this.forget(orgId, accountFor(orgId, userName));
    if (!stale.ok) return stale;
    return this.guard(() => this.store.set(KEYCHAIN_SERVICE, accountFor(orgId, userName), JSON.stringify({ v: 1, ...secrets })));
  }

  /** Every remembered sign-in; unreadable entries are dropped from the keychain. */
  async recall(): Promise<VaultResult<readonly RememberedSignIn[]>> {
    const accounts = await this.guard(() => this.store.accounts(KEYCHAIN_SERVICE));
    if (!accounts.ok) return accounts;
    const out: RememberedSignIn[] = [];
    for (const account of accounts.value) {
      const parsed = parseAccount(account);
      const text = parsed ? await this.guard(() => this.store.get(KEYCHAIN_SERVICE, account)) : null;
      const secrets = text?.ok && text.value !== null ? parseSecrets(text.value) : null;
      if (parsed && secrets) out.push({ ...parsed, secrets });
      else await this.guard(() => this.store.delete(KEYCHAIN_SERVICE, account));
    }
    return { ok: true, value: out };
  }

  /** Deletes every entry of an organization (all users), except `keep`. */
  async forget(orgId: string, keep?: string): Promise<VaultResult<void>> {
    const accounts = await this.guard(() => this.store.accounts(KEYCHAIN_SERVICE));
    if (!accounts.ok) return accounts;
    for (const account of accounts.value) {
      if (account === keep || parseAccount(account)?.orgId !== orgId) continue;
      const deleted = await this.guard(() => this.store.delete(KEYCHAIN_SERVICE, account));
      if (!deleted.ok) return { ok: false, reason: deleted.reason };
    }
    return { ok: true, value: undefined };
  }
}
