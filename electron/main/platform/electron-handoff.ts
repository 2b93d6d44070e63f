import type { App, Shell } from 'electron';
import { NodeUrlHandoff, type UrlHandoff } from '@core/sessions';
import { openHandoffLink } from './electron-browser';

/**
 * Core's UrlHandoff port in Electron: the OS says who handles workspaces:// (macOS and Windows
 * through getApplicationInfoForProtocol, Linux through xdg-mime), and shell.openExternal opens
 * the link — only ever a vetted hand-off link, never anything isSafeExternalUrl would refuse.
 */
export function electronHandoff(
  app: Pick<App, 'getApplicationInfoForProtocol'>,
  shell: Pick<Shell, 'openExternal'>,
  platform: NodeJS.Platform = process.platform,
): UrlHandoff {
  const xdg = new NodeUrlHandoff(process.env, platform);
  return {
    handlerFor: async (scheme) => {
      if (platform !== 'darwin' && platform !== 'win32') return xdg.handlerFor(scheme);
      try {
        const info = await app.getApplicationInfoForProtocol(`${scheme}://`);
        return info.name || info.path || null;
      } catch {
        // Electron rejects when no application is registered for the scheme.
        return null;
      }
    },
    open: (url) => openHandoffLink(shell, url),
  };
}
