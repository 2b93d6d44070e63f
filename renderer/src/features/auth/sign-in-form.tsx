import { useId, useState } from 'react';
import type { OrgAuthStatus, SignInFlow } from '@shared/ipc/domains/auth';
import type { OrgProfile } from '@shared/models/org';
import { useT } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';
import { AuthErrorView } from './auth-error-view';

/** Signed out (or failed): the sign-in button, the stay-signed-in choice and the last error. */
export function SignInForm({ org, status }: { readonly org: OrgProfile; readonly status?: OrgAuthStatus }) {
  const t = useT();
  const hintId = useId();
  const [stay, setStay] = useState(false);
  // SAML has no refresh token: nothing could be kept, and the form says so.
  const canStay = org.policy.allowStaySignedIn && org.signIn.method !== 'saml';

  function signIn(flow: SignInFlow) {
    void api().auth.signIn(org.id, { staySignedIn: canStay && stay, flow });
  }

  return (
    <div className="sign-in-form">
      {status?.error ? <AuthErrorView error={status.error} saml={org.signIn.method === 'saml'} /> : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => signIn('browser')} aria-label={t('auth.signInTo', { name: org.name })}>
          {status?.error ? t('auth.tryAgain') : t('auth.signIn')}
        </button>
        {org.signIn.method === 'identity-center' ? (
          <button type="button" onClick={() => signIn('device')}>
            {t('auth.signInWithCode')}
          </button>
        ) : null}
      </div>
      {canStay ? (
        <label className="checkbox">
          <input type="checkbox" checked={stay} onChange={(event) => setStay(event.target.checked)} aria-describedby={hintId} />
          {t('auth.staySignedIn')}
          <span id={hintId} className="hint">
            {t('auth.staySignedInHint')}
          </span>
        </label>
      ) : null}
      {org.signIn.method === 'saml' ? <p className="hint saml-no-stay">{t('auth.saml.noStay')}</p> : null}
    </div>
  );
}
