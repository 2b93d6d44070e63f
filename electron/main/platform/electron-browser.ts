import type { Shell } from 'electron';
import { isSafeExternalUrl } from '../../../shared/lib/external-url';
import type { Browser } from '../../core/ports';

/** Core's Browser port: shell.openExternal, only ever behind the one vetting function. */
export function electronBrowser(shell: Pick<Shell, 'openExternal'>): Browser {
  return {
    open: async (url) => {
      if (!isSafeExternalUrl(url)) throw new Error('Refused to open an address that is not https:// (or http://127.0.0.1).');
      await shell.openExternal(url, { activate: true });
    },
  };
}
