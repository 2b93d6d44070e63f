import { spawn } from 'node:child_process';
import { isSafeExternalUrl } from '@shared/lib/external-url';
import type { Browser } from '@core/ports';

/** The web host's Browser port: the OS opener where there is one, and the address printed either way. */
export function systemBrowser(): Browser {
  return {
    open: async (url) => {
      if (!isSafeExternalUrl(url)) throw new Error('Refused to open an address that is not https:// (or http:// on 127.0.0.1 or [::1]).');
      process.stdout.write(`\nDeskbridge asks you to open: ${url}\n`);
      const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
      child.on('error', () => undefined);
      child.unref();
    },
  };
}
