import type { AppError } from '../../../../shared/ipc/result';
import { type MessageKey, type Translate, useT } from '../../i18n';
import { authEn } from './messages-en';

/** The failures this feature words itself (in the user's language); others show core's message. */
function errorKey(code: string): MessageKey | null {
  const key = `auth.error.${code}`;
  return key in authEn ? (key as MessageKey) : null;
}

export function authErrorMessage(error: AppError, t: Translate): string {
  const key = errorKey(error.code);
  return key === null ? error.message : t(key);
}

/** A sign-in failure: the human message, and the details folded away. */
export function AuthErrorView({ error }: { readonly error: AppError }) {
  const t = useT();
  return (
    <div className="auth-error notice notice-error" role="alert">
      <p>{authErrorMessage(error, t)}</p>
      {error.details ? (
        <details>
          <summary>{t('auth.details')}</summary>
          <pre>{error.details}</pre>
        </details>
      ) : null}
    </div>
  );
}
