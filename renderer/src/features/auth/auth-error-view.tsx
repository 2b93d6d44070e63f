import type { AppError } from '../../../../shared/ipc/result';
import { useT } from '../../i18n';

/** A sign-in failure: the human message, and the details folded away. */
export function AuthErrorView({ error }: { readonly error: AppError }) {
  const t = useT();
  return (
    <div className="auth-error notice notice-error" role="alert">
      <p>{error.message}</p>
      {error.details ? (
        <details>
          <summary>{t('auth.details')}</summary>
          <pre>{error.details}</pre>
        </details>
      ) : null}
    </div>
  );
}
