import { useState } from 'react';
import type { PendingLink } from '@shared/ipc/domains/orgs';
import { orgAddresses, type AddressRole } from '@shared/lib/org-trust';
import { Modal } from '@renderer/components/modal';
import { useT, type MessageKey } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';
import { orgFailureText } from './field-errors';

const ROLE_LABELS: Readonly<Record<AddressRole, MessageKey>> = {
  issuer: 'address.issuer',
  startUrl: 'address.startUrl',
  samlSignInUrl: 'address.samlSignInUrl',
  broker: 'address.broker',
  sts: 'address.sts',
  sso: 'address.sso',
  ssoOidc: 'address.ssoOidc',
  workspaces: 'address.workspaces',
  defaultConnect: 'address.defaultConnect',
};

/**
 * A registration link or an imported file is never acted on unasked: the user sees what it would
 * add, every address it would use (in ASCII, punycode for international names), and decides.
 */
export function LinkDialog({ link }: { readonly link: PendingLink }) {
  const t = useT();
  const [error, setError] = useState<string>();
  const { input } = link;
  const addresses = orgAddresses(input);
  const [signInAddress] = addresses;
  const method =
    input.signIn.method === 'saml'
      ? t('add.saml')
      : input.signIn.method === 'oidc'
        ? t('add.oidc')
        : input.signIn.method === 'broker'
          ? t('add.broker')
          : t('add.sso');
  const signIn = `${method}: ${signInAddress?.shown ?? ''}`;
  const overridesEndpoints = addresses.some(
    (a) => a.role !== 'issuer' && a.role !== 'startUrl' && a.role !== 'samlSignInUrl' && a.role !== 'broker' && a.role !== 'defaultConnect',
  );
  async function answer(accept: boolean) {
    const result = await api().orgs.answerLink(link.id, accept);
    if (!result.ok) setError(orgFailureText(t, result.error));
  }
  return (
    <Modal title={t('link.title')} onClose={() => void answer(false)}>
      <p>{link.source === 'file' ? t('link.bodyFile') : t('link.body')}</p>
      <dl className="link-details">
        <dt>{t('field.name')}</dt>
        <dd>{input.name}</dd>
        <dt>{t('field.code')}</dt>
        <dd>{input.code}</dd>
        {input.region ? (
          <>
            <dt>{t('field.region')}</dt>
            <dd>{input.region}</dd>
          </>
        ) : null}
        <dt>{t('field.signIn')}</dt>
        <dd>{signIn}</dd>
      </dl>
      <h3 className="link-addresses-title">{t('link.addresses')}</h3>
      <dl className="link-details link-addresses">
        {addresses.map((address) => (
          <div key={address.role} className="link-address">
            <dt>{t(ROLE_LABELS[address.role])}</dt>
            <dd>
              <code>{address.shown}</code>
              {address.international ? <strong className="error-text"> {t('link.international')}</strong> : null}
            </dd>
          </div>
        ))}
        {overridesEndpoints || input.signIn.method === 'broker' ? null : (
          <div className="link-address">
            <dt>{t('link.awsEndpoints')}</dt>
            <dd>{t('link.awsDefaults')}</dd>
          </div>
        )}
      </dl>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => void answer(false)}>
          {t('link.refuse')}
        </button>
        <button type="button" className="primary" onClick={() => void answer(true)}>
          {t('link.accept')}
        </button>
      </div>
    </Modal>
  );
}
