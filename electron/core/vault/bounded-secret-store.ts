import type { Clock, SecretStore } from '../ports';

/** How long Deskbridge waits for the OS keychain before it goes on without it. */
export const KEYCHAIN_TIMEOUT_MS = 15_000;

/**
 * A SecretStore whose every call fails after `timeoutMs` if the keychain has not answered (a
 * secret service that hangs on D-Bus, a keychain prompt nobody answers), so no caller waits for
 * ever: start-up wiping a dropped profile's entries, sign-out, a session's remembered password.
 * The late answer, if any, is dropped.
 */
export function boundedSecretStore(store: SecretStore, clock: Clock, timeoutMs = KEYCHAIN_TIMEOUT_MS): SecretStore {
  const bounded = <T>(operation: string, call: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = clock.setTimeout(() => reject(new Error(`The keychain did not answer ${operation} within ${timeoutMs / 1000} s.`)), timeoutMs);
      call().then(
        (value) => {
          clock.clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clock.clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  return {
    get: (service, account) => bounded('a read', () => store.get(service, account)),
    set: (service, account, secret) => bounded('a write', () => store.set(service, account, secret)),
    delete: (service, account) => bounded('a delete', () => store.delete(service, account)),
    accounts: (service) => bounded('a listing', () => store.accounts(service)),
  };
}
