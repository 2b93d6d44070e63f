import type { Workspace } from '@aws-sdk/client-workspaces';
import { toDesktopFields } from '@shared/lib/map-desktop';
import type { Desktop } from '@shared/models/desktop';

// The pure mapping lives in shared/ (the broker uses it too); core adds its key and organization.
export { type ConnectionInfo, toConnection, toPermissions } from '@shared/lib/map-desktop';

export function desktopKey(orgId: string, workspaceId: string): string {
  return `${orgId}/${workspaceId}`;
}

export function splitKey(key: string): { orgId: string; workspaceId: string } | null {
  const slash = key.lastIndexOf('/');
  if (slash <= 0 || slash === key.length - 1) return null;
  return { orgId: key.slice(0, slash), workspaceId: key.slice(slash + 1) };
}

/** One DescribeWorkspaces item → Desktop (without connection status and tag, merged later). */
export function toDesktop(orgId: string, ws: Workspace, fallbackUser: string): Desktop | null {
  const fields = toDesktopFields(ws, fallbackUser);
  return fields === null ? null : { key: desktopKey(orgId, fields.workspaceId), orgId, ...fields };
}
