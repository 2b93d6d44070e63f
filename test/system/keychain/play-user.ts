import type { Browser } from '@core/ports';
import { loginWithPassword } from '../../emulator/login';

/** The "system browser" of these tests: signs the user in on the emulator's form and follows the redirect home. */
export function userAtBrowser(username: string, password: string): Browser & { readonly opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    open: async (url) => {
      opened.push(url);
      void loginWithPassword(url, username, password)
        .then(async (redirect) => (await fetch(redirect)).text())
        .catch(() => undefined);
    },
  };
}
