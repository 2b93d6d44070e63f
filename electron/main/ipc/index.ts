import { BrowserWindow, ipcMain } from 'electron';
import { EVENT_CHANNEL_PREFIX } from '@shared/ipc/contract';
import type { Core } from '../../core';
import type { TrustedOrigin } from '../windows/guards';
import { bindIpc, type IpcScopes } from './bind-ipc';

/**
 * Serves the contract on ipcMain and forwards core's events to every window but session windows
 * (their preload takes no events).
 */
export function serveContract(core: Core, trusted: TrustedOrigin, scopes?: IpcScopes): () => void {
  const unbind = bindIpc(ipcMain, core.api, trusted, core.logger.scoped('ipc'), scopes);
  const offEvents = core.events.onAny((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (scopes?.sessionOf(window.webContents) === undefined) window.webContents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload);
    }
  });
  return () => {
    unbind();
    offEvents();
  };
}
