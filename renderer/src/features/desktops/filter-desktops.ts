import type { DesktopEntry, OrgDesktops } from '../../../../shared/ipc/domains/desktops';
import { stateInfo } from '../../../../shared/lib/desktop-state';
import type { Translate } from '../../i18n';

export type ListRow =
  | { readonly kind: 'org'; readonly org: OrgDesktops; readonly shown: number }
  | { readonly kind: 'desktop'; readonly desktop: DesktopEntry };

/**
 * The flat rows the virtual list renders: one header per organization, then its desktops that
 * match the search (name, state label in the user's language or the raw state, organization name).
 */
export function buildRows(orgs: readonly OrgDesktops[], desktops: readonly DesktopEntry[], query: string, orgFilter: string, t: Translate): ListRow[] {
  const q = query.trim().toLowerCase();
  const byOrg = new Map<string, DesktopEntry[]>();
  for (const d of desktops) {
    const list = byOrg.get(d.orgId);
    if (list === undefined) byOrg.set(d.orgId, [d]);
    else list.push(d);
  }
  const rows: ListRow[] = [];
  for (const org of orgs) {
    if (orgFilter !== '' && org.orgId !== orgFilter) continue;
    const orgMatches = q !== '' && org.orgName.toLowerCase().includes(q);
    const matching = (byOrg.get(org.orgId) ?? []).filter(
      (d) =>
        q === '' ||
        orgMatches ||
        d.name.toLowerCase().includes(q) ||
        d.state.toLowerCase().includes(q) ||
        t(stateInfo(d.state).labelKey).toLowerCase().includes(q),
    );
    rows.push({ kind: 'org', org, shown: matching.length });
    for (const desktop of matching) rows.push({ kind: 'desktop', desktop });
  }
  return rows;
}
