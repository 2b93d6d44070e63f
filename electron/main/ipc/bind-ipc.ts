import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_MANIFEST, channelName, type DeskbridgeApi } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/result';
import { dispatch } from '../../core/ipc-dispatch';
import type { ScopedLogger } from '../../core/log/logger';
import type { TrustedOrigin } from '../windows/guards';
import { isTrustedSender } from './trusted-sender';

/** Serves every contract method on ipcMain.handle with a sender check and argument schemas. */
export function bindIpc(ipcMain: IpcMain, api: DeskbridgeApi, trusted: TrustedOrigin, log?: ScopedLogger): () => void {
  const channels: string[] = [];
  for (const [domain, methods] of Object.entries(API_MANIFEST)) {
    for (const method of methods as readonly string[]) {
      const channel = channelName(domain, method);
      channels.push(channel);
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
        if (!isTrustedSender(event.senderFrame, trusted)) {
          log?.warn(`Refused ${channel} from an untrusted frame`);
          return fail('untrusted-sender', 'This request did not come from Deskbridge’s own window.');
        }
        return dispatch(api, channel, args, log);
      });
    }
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
