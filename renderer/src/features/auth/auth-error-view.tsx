import type { AppError } from '../../../../shared/ipc/result';
import { type MessageKey, type Translate, useT } from '../../i18n';
import { authEn, samlEn } from './messages-en';

/** The failures this feature words itself (in the user's language); others show core's message. */
function errorKey(code: string, saml: boolean): MessageKey | null {
  const samlKey = `auth.saml.error.${code}`;
  if (saml && samlKey in samlEn) return samlKey as MessageKey;
  const key = `auth.error.${code}`;
  return key in authEn ? (key as MessageKey) : null;
}

export function authErrorMessage(error: AppError, t: Translate, saml = false): string {
  const key = errorKey(error.code, saml);
  return key === null ? error.message : t(key);
}

/** A sign-in failure: the human message, and the details folded away. */
export function AuthErrorView({ error, saml = false }: { readonly error: AppError; readonly saml?: boolean }) {
  const t = useT();
  return (
    <div className="auth-error notice notice-error" role="alert">
      <p>{authErrorMessage(error, t, saml)}</p>
      {error.details ? (
        <details>
          <summary>{t('auth.details')}</summary>
          <pre>{error.details}</pre>
        </details>
      ) : null}
    </div>
  );
}
