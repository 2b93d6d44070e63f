import type { SecretStore } from '../ports';

/** An in-memory SecretStore for unit tests and for runs where the keychain must not be touched. */
export class MemorySecretStore implements SecretStore {
  private readonly entries = new Map<string, string>();

  private key(service: string, account: string): string {
    return `${service}\u0000${account}`;
  }

  async get(service: string, account: string): Promise<string | null> {
    return this.entries.get(this.key(service, account)) ?? null;
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    this.entries.set(this.key(service, account), secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.entries.delete(this.key(service, account));
  }

  async accounts(service: string): Promise<readonly string[]> {
    const prefix = `${service}\u0000`;
    return [...this.entries.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}
