import type { OrgAuthStatus } from '../../../../shared/ipc/domains/auth';
import { useT } from '../../i18n';
import { api } from '../../ipc/api';

/** Signing in: waiting for the browser, or the device code to enter elsewhere; Cancel either way. */
export function WaitingView({ status }: { readonly status: OrgAuthStatus }) {
  const t = useT();
  const cancel = (
    <button type="button" onClick={() => void api().auth.cancel(status.orgId)}>
      {t('auth.cancel')}
    </button>
  );
  if (status.waitingFor === 'device' && status.deviceCode) {
    return (
      <div className="device-code" role="status">
        <h4>{t('auth.deviceTitle')}</h4>
        <p className="user-code" aria-label={status.deviceCode.userCode.split('').join(' ')}>
          <code>{status.deviceCode.userCode}</code>
        </p>
        <p>{t('auth.deviceBody')}</p>
        <p>
          <code className="verification-uri">{status.deviceCode.verificationUri}</code>
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void api().auth.openVerificationPage(status.orgId)}>
            {t('auth.deviceOpen')}
          </button>
          {cancel}
        </div>
      </div>
    );
  }
  return (
    <div className="waiting" role="status">
      <p aria-busy="true">{status.waitingFor === 'browser' ? t('auth.waitingForBrowser') : t('auth.signingIn')}</p>
      {cancel}
    </div>
  );
}
