import type * as KeytarModule from 'keytar';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '@core/vault/keytar-secret-store';

/** A stand-in keytar whose listing fails the first `failures` times as libsecret does when an item vanishes mid-listing. */
function racingKeytar(failures: number): { keytar: typeof KeytarModule; calls: () => number } {
  let calls = 0;
  const keytar = {
    findCredentials: (service: string) => {
      calls += 1;
      if (calls <= failures) return Promise.reject(new Error('No such secret item at path: /org/freedesktop/secrets/collection/login/1'));
      return Promise.resolve([{ account: `${service}-account`, password: 'x' }]);
    },
  } as unknown as typeof KeytarModule;
  return { keytar, calls: () => calls };
}

describe('KeytarSecretStore.accounts', () => {
  it('lists again when another process deleted an item while the secret service was listing', async () => {
    const { keytar, calls } = racingKeytar(1);
    const store = new KeytarSecretStore(() => Promise.resolve(keytar));
    await expect(store.accounts('Deskbridge')).resolves.toEqual(['Deskbridge-account']);
    expect(calls()).toBe(2);
  });

  it('gives up after three tries, and never hides other errors', async () => {
    const always = racingKeytar(10);
    await expect(new KeytarSecretStore(() => Promise.resolve(always.keytar)).accounts('Deskbridge')).rejects.toThrow(/No such secret item/);
    expect(always.calls()).toBe(3);
    const locked = { findCredentials: () => Promise.reject(new Error('Cannot create an item in a locked collection')) } as unknown as typeof KeytarModule;
    await expect(new KeytarSecretStore(() => Promise.resolve(locked)).accounts('Deskbridge')).rejects.toThrow(/locked collection/);
  });
});
