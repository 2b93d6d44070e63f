/**
 * The session window's preload: its page runs noVNC on data from a remote server, so it gets only
 * its session's calls (sessionWindowMethods), no events and nothing else. The main process checks
 * the same list and that the session id is the window's own.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildSessionBridge } from '@shared/ipc/bridge';

contextBridge.exposeInMainWorld(
  'deskbridge',
  buildSessionBridge((channel, args) => ipcRenderer.invoke(channel, ...args)),
);
