import { useState, type FormEvent } from 'react';
import type { OrgAuthStatus } from '@shared/ipc/domains/auth';
import type { OrgProfile } from '@shared/models/org';
import { TextField } from '@renderer/components/text-field';
import { useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';

/** Signed in: who, whether it is remembered, and Sign out; asks for the user name if the IdP gave none. */
export function SignedInView({ org, status }: { readonly org: OrgProfile; readonly status: OrgAuthStatus }) {
  const t = useT();
  const [userName, setUserName] = useState('');
  const [error, setError] = useState<string>();

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await api().auth.setUserName(org.id, userName.trim());
    setError(result.ok ? undefined : errorText(t, result.error));
  }

  return (
    <div className="signed-in">
      <p role="status">
        <span className="signed-in-user">{status.userName ? t('auth.signedInAs', { user: status.userName }) : t('auth.signedIn')}</span>
        {status.staySignedIn ? <span className="badge">{t('auth.remembered')}</span> : null}
      </p>
      {status.userName ? null : (
        <form onSubmit={(event) => void save(event)}>
          <TextField label={t('auth.userName')} hint={t('auth.userNameHint')} value={userName} onChange={setUserName} error={error} />
          <button type="submit">{t('auth.saveUserName')}</button>
        </form>
      )}
      <button type="button" onClick={() => void api().auth.signOut(org.id)} aria-label={t('auth.signOutOf', { name: org.name })}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
