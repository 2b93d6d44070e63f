/** Core reaches the outside world only through these ports, injected at the composition root. */

export interface Paths {
  /** The one settings file Deskbridge keeps (docs/architecture.md, the privacy contract). */
  readonly settingsFile: string;
  /**
   * A managed policy file read as it is, without ownership checks: development builds and tests
   * only (DESKBRIDGE_POLICY_FILE, `--policy`); null in the packaged app, which reads the OS's
   * admin-only channel (CoreDeps.managedConfig) instead.
   */
  readonly policyFile: string | null;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Opens a URL in the user's default browser (already vetted by the caller's host). */
export interface Browser {
  open(url: string): Promise<void>;
}

/** The OS keychain. Accounts are per organization and user; values are refresh tokens and client registrations only. */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
  accounts(service: string): Promise<readonly string[]>;
}
