import type { AppError } from '../../../../shared/ipc/result';
import { type MessageKey, useT } from '../../i18n';
import { samlEn } from './messages-en';

/** A sign-in failure: the human message, and the details folded away. */
export function AuthErrorView({ error, saml = false }: { readonly error: AppError; readonly saml?: boolean }) {
  const t = useT();
  const samlKey = `auth.saml.error.${error.code}`;
  const message = saml && samlKey in samlEn ? t(samlKey as MessageKey) : error.message;
  return (
    <div className="auth-error notice notice-error" role="alert">
      <p>{message}</p>
      {error.details ? (
        <details>
          <summary>{t('auth.details')}</summary>
          <pre>{error.details}</pre>
        </details>
      ) : null}
    </div>
  );
}
