import type { Caller } from '@shared/ipc/contract';
import type { SessionsApi } from '@shared/ipc/domains/sessions';
import { ok } from '@shared/ipc/result';
import type { RemoteSessionService } from './remote-session-service';

/** The sessions domain of the contract, on top of RemoteSessionService. */
export function createSessionsApi(sessions: RemoteSessionService): SessionsApi {
  return {
    list: async () => ok(sessions.snapshot()),
    connect: (desktopKey) => sessions.connect(desktopKey),
    disconnect: async (id) => ok(sessions.disconnect(id)),
    openWebAccess: (orgId) => sessions.openWebAccess(orgId),
    // The host appends who called (ipc-dispatch): the origin comes from the calling frame.
    vncTicket: (id: string, caller?: Caller) => sessions.vncTicket(id, caller?.origin),
    reportStatus: async (id, status, error) => sessions.reportStatus(id, status, error),
    rememberPassword: (id, password) => sessions.rememberPassword(id, password),
    forgetPassword: (id) => sessions.forgetPassword(id),
  };
}
