import type { DesktopEntry, OrgDesktops } from '@shared/ipc/domains/desktops';
import { stateInfo } from '@shared/lib/desktop-state';
import type { Translate } from '@renderer/i18n';

/**
 * The desktops that match the search (name, state label in the user's language or the raw state,
 * organization name) and the organization filter, in the list's own order.
 */
export function filterDesktops(
  orgs: readonly OrgDesktops[],
  desktops: readonly DesktopEntry[],
  query: string,
  orgFilter: string,
  t: Translate,
): DesktopEntry[] {
  const q = query.trim().toLowerCase();
  const orgMatches = new Set(orgs.filter((o) => q !== '' && o.orgName.toLowerCase().includes(q)).map((o) => o.orgId));
  return desktops.filter(
    (d) =>
      (orgFilter === '' || d.orgId === orgFilter) &&
      (q === '' ||
        orgMatches.has(d.orgId) ||
        d.name.toLowerCase().includes(q) ||
        d.state.toLowerCase().includes(q) ||
        t(stateInfo(d.state).labelKey).toLowerCase().includes(q)),
  );
}
