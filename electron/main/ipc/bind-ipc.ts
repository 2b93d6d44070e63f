import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_MANIFEST, channelName, type Caller, type DeskbridgeApi } from '@shared/ipc/contract';
import { sessionWindowMethods } from '@shared/ipc/domains/sessions';
import { fail, type Result } from '@shared/ipc/result';
import { dispatch } from '@core/ipc-dispatch';
import type { ScopedLogger } from '@core/log/logger';
import type { TrustedOrigin } from '../windows/guards';
import { frameOrigin, isSessionPage, isTrustedSender } from './trusted-sender';

export interface IpcScopes {
  /** The session a session window's web contents belongs to; undefined for any other window. */
  sessionOf(sender: unknown): string | undefined;
}

const SESSION_CHANNELS: readonly string[] = sessionWindowMethods.map((method) => channelName('sessions', method));

/**
 * A session window (or the viewer page anywhere) handles data from a remote server: it may only
 * call its own session's methods, with its own session id. Null when the call may go on.
 */
function refusedForSessionWindow(event: IpcMainInvokeEvent, channel: string, args: readonly unknown[], scopes: IpcScopes | undefined): Result<never> | null {
  const session = scopes?.sessionOf(event.sender);
  if (session === undefined && !isSessionPage(event.senderFrame?.url ?? '')) return null;
  if (session !== undefined && SESSION_CHANNELS.includes(channel) && args[0] === session) return null;
  return fail('session-window-refused', 'A session window may only manage its own session.', `Channel: ${channel}`);
}

/**
 * Serves every contract method on ipcMain.handle with a sender check and argument schemas. The
 * caller's origin handed to core is the sender frame's, never an argument.
 */
export function bindIpc(ipcMain: IpcMain, api: DeskbridgeApi, trusted: TrustedOrigin, log?: ScopedLogger, scopes?: IpcScopes): () => void {
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
        const refused = refusedForSessionWindow(event, channel, args, scopes);
        if (refused) {
          log?.warn(`Refused ${channel} from a session window`);
          return refused;
        }
        const caller: Caller = { origin: frameOrigin(event.senderFrame!.url) };
        return dispatch(api, channel, args, log, caller);
      });
    }
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
