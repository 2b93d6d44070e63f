import type { OrgProfile } from '@shared/models/org';
import { SignedInView } from './signed-in-view';
import { SignInForm } from './sign-in-form';
import { useAuthStatus } from './use-auth-status';
import { WaitingView } from './waiting-view';

/** One organization's sign-in, as shown on its row. */
export function AuthPanel({ org }: { readonly org: OrgProfile }) {
  const status = useAuthStatus(org.id);
  return (
    <section className="auth-panel" aria-live="polite" aria-label={org.name}>
      {status?.state === 'signed-in' ? (
        <SignedInView org={org} status={status} />
      ) : status?.state === 'signing-in' ? (
        <WaitingView status={status} orgName={org.name} />
      ) : (
        <SignInForm org={org} status={status} />
      )}
    </section>
  );
}
