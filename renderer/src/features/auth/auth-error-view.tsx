import type { AppError } from '@shared/ipc/result';
import { type MessageKey, type Translate, useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { samlEn } from './messages-en';

/** SAML words some failures for the IdP administrator's settings; null when it has no wording of its own. */
function samlKey(code: string): MessageKey | null {
  const key = `auth.saml.error.${code}`;
  return key in samlEn ? (key as MessageKey) : null;
}

export function authErrorMessage(error: AppError, t: Translate, saml = false): string {
  const key = saml ? samlKey(error.code) : null;
  return key === null ? errorText(t, error) : t(key);
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
