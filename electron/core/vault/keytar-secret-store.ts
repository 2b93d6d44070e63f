import type * as KeytarModule from 'keytar';
import type { SecretStore } from '../ports';

type Keytar = typeof KeytarModule;

/** The OS keychain through keytar (libsecret, Keychain, Credential Manager). Loaded lazily so a missing native module is an error value, not a crash at start. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((m) => (m as unknown as { default?: Keytar }).default ?? (m as Keytar));
    return this.keytar;
  }

  async get(service: string, account: string): Promise<string | null> {
    return (await this.load()).getPassword(service, account);
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await (await this.load()).setPassword(service, account, secret);
  }

  async delete(service: string, account: string): Promise<boolean> {
    return (await this.load()).deletePassword(service, account);
  }

  async accounts(service: string): Promise<readonly string[]> {
    const credentials = await (await this.load()).findCredentials(service);
    return credentials.map((c) => c.account);
  }
}
