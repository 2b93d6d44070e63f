/** Exposes window.deskbridge, built from the shared contract; nothing else crosses into the page. */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '@shared/ipc/bridge';
import { EVENT_CHANNEL_PREFIX } from '@shared/ipc/contract';

const bridge = buildBridge(
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (event, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(`${EVENT_CHANNEL_PREFIX}${event}`, wrapped);
    return () => {
      ipcRenderer.removeListener(`${EVENT_CHANNEL_PREFIX}${event}`, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('deskbridge', bridge);
