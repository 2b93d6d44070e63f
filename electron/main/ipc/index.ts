import { BrowserWindow, ipcMain } from 'electron';
import { EVENT_CHANNEL_PREFIX } from '../../../shared/ipc/contract';
import type { Core } from '../../core';
import type { TrustedOrigin } from '../windows/guards';
import { bindIpc } from './bind-ipc';

/** Serves the contract on ipcMain and forwards core's events to every window. */
export function serveContract(core: Core, trusted: TrustedOrigin): () => void {
  const unbind = bindIpc(ipcMain, core.api, trusted, core.logger.scoped('ipc'));
  const offEvents = core.events.onAny((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload);
  });
  return () => {
    unbind();
    offEvents();
  };
}
