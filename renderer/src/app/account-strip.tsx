import type { AuthSnapshot } from '@shared/ipc/domains/auth';
import type { OrgProfile } from '@shared/models/org';
import { AuthPanel } from '../features/auth/auth-panel';
import { useT } from '../i18n';

interface Props {
  readonly organizations: readonly OrgProfile[];
  readonly auth: AuthSnapshot | undefined;
}

/**
 * The home's compact account line: "Signed in to …", and for each organization its sign-in state
 * (a sign-in prompt where one is needed, who is signed in and Sign out elsewhere).
 */
export function AccountStrip({ organizations, auth }: Props) {
  const t = useT();
  const signedIn = organizations.filter((org) => auth?.orgs.find((s) => s.orgId === org.id)?.state === 'signed-in');
  return (
    <section className="account-strip" aria-label={t('home.accounts')}>
      {signedIn.length > 0 ? <p className="signed-in-line">{t('home.signedInTo', { orgs: signedIn.map((o) => o.name).join(', ') })}</p> : null}
      <ul className="account-list">
        {organizations.map((org) => (
          <li key={org.id} className="account">
            {/* The line above names a lone signed-in organization already. */}
            {organizations.length > 1 || !signedIn.includes(org) ? <span className="account-org">{org.name}</span> : null}
            <AuthPanel org={org} />
          </li>
        ))}
      </ul>
    </section>
  );
}
