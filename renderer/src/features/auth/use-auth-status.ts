import type { OrgAuthStatus } from '@shared/ipc/domains/auth';
import { api } from '@renderer/ipc/api';
import { useLive } from '@renderer/ipc/use-live';

/** The sign-in state of one organization, kept current by auth:changed. */
export function useAuthStatus(orgId: string): OrgAuthStatus | undefined {
  const snapshot = useLive('auth:changed', () => api().auth.status());
  return snapshot?.orgs.find((o) => o.orgId === orgId);
}
