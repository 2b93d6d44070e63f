import type { OrgAuthStatus } from '@shared/ipc/domains/auth';
import { useT } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';
import { RolePicker } from './role-picker';

/** Signing in: waiting for the browser, or the device code to enter elsewhere; Cancel either way. */
export function WaitingView({ status, orgName = '' }: { readonly status: OrgAuthStatus; readonly orgName?: string }) {
  const t = useT();
  if (status.waitingFor === 'role') return <RolePicker status={status} orgName={orgName} />;
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
      <p aria-busy="true">
        {status.waitingFor === 'browser'
          ? status.method === 'saml'
            ? t('auth.saml.waitingForWindow', { name: orgName })
            : t('auth.waitingForBrowser')
          : t('auth.signingIn')}
      </p>
      {cancel}
    </div>
  );
}
