import { useId, useState } from 'react';
import { useT } from '../i18n';

interface Props {
  readonly desktopName: string;
  readonly wrong: boolean;
  readonly onSubmit: (password: string, remember: boolean) => void;
  readonly onCancel: () => void;
}

/** Asks for the VNC password; it is kept only if the user ticks "remember" (then in the keychain). */
export function PasswordForm({ desktopName, wrong, onSubmit, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  return (
    <form
      className="session-card"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (password) onSubmit(password, remember);
      }}
    >
      <h2 id={`${id}-title`}>{t('session.password.title', { name: desktopName })}</h2>
      {wrong ? (
        <p id={`${id}-error`} className="error" role="alert">
          {t('session.password.wrong')}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('session.password.label')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoFocus
          autoComplete="off"
          value={password}
          aria-invalid={wrong ? true : undefined}
          aria-describedby={wrong ? `${id}-error` : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
        {t('session.password.remember')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!password}>
          {t('session.password.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('session.disconnect')}
        </button>
      </div>
    </form>
  );
}
