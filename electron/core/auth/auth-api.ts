import type { AuthApi } from '@shared/ipc/domains/auth';
import { ok } from '@shared/ipc/result';
import type { AuthService } from './auth-service';

/** The auth domain of the contract: capabilities only; no token ever crosses. */
export function createAuthApi(auth: AuthService): AuthApi {
  return {
    status: async () => ok(auth.snapshot()),
    signIn: (orgId, options) => auth.signIn(orgId, options),
    cancel: async (orgId) => auth.cancel(orgId),
    signOut: (orgId) => auth.signOut(orgId),
    setUserName: (orgId, userName) => auth.setUserName(orgId, userName),
    openVerificationPage: (orgId) => auth.openVerificationPage(orgId),
    chooseRole: async (orgId, roleArn) => auth.chooseRole(orgId, roleArn),
  };
}
