import type { Shell } from 'electron';
import { isSafeExternalUrl, isWorkspacesHandoffUrl } from '@shared/lib/external-url';
import type { Browser } from '@core/ports';

/** Core's Browser port: shell.openExternal, only ever behind the one vetting function. */
export function electronBrowser(shell: Pick<Shell, 'openExternal'>): Browser {
  return {
    open: async (url) => {
      if (!isSafeExternalUrl(url)) throw new Error('Refused to open an address that is not https:// (or http:// on 127.0.0.1 or [::1]).');
      await shell.openExternal(url, { activate: true });
    },
  };
}

/** The one other thing handed to the OS: a workspaces:// hand-off link, behind its own vetting. */
export async function openHandoffLink(shell: Pick<Shell, 'openExternal'>, url: string): Promise<void> {
  if (!isWorkspacesHandoffUrl(url)) throw new Error('Refused to open an address that is not a WorkSpaces hand-off link.');
  await shell.openExternal(url, { activate: true });
}
