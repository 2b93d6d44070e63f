import type * as KeytarModule from 'keytar';
import type { SecretStore } from '../ports';

type Keytar = typeof KeytarModule;

/** The OS keychain through keytar (libsecret, Keychain, Credential Manager). Loaded lazily so a missing native module is an error value, not a crash at start. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  /** `loadKeytar` is for tests that stand in for the native module. */
  constructor(
    private readonly loadKeytar: () => Promise<Keytar> = () => import('keytar').then((m) => (m as unknown as { default?: Keytar }).default ?? (m as Keytar)),
  ) {}

  private load(): Promise<Keytar> {
    this.keytar ??= this.loadKeytar();
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

  /**
   * The secret service lists matching items, then reads each one: an item another process
   * deleted in between fails the whole call ("No such secret item"). The listing is simply
   * taken again, a few times at most.
   */
  async accounts(service: string): Promise<readonly string[]> {
    const keytar = await this.load();
    for (let attempt = 1; ; attempt++) {
      try {
        return (await keytar.findCredentials(service)).map((c) => c.account);
      } catch (error) {
        if (attempt >= 3 || !(error instanceof Error) || !/No such secret item/i.test(error.message)) throw error;
      }
    }
  }
}
