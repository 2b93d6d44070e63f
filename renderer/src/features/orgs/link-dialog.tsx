import { useState } from 'react';
import type { PendingLink } from '../../../../shared/ipc/domains/orgs';
import { Modal } from '../../components/modal';
import { useT } from '../../i18n';
import { api } from '../../ipc/api';

/** A registration link is never acted on unasked: the user sees what it would add and decides. */
export function LinkDialog({ link }: { readonly link: PendingLink }) {
  const t = useT();
  const [error, setError] = useState<string>();
  const { input } = link;
  const signIn =
    input.signIn.method === 'saml'
      ? `${t('add.saml')}: ${input.signIn.signInUrl}`
      : input.signIn.method === 'oidc'
        ? `${t('add.oidc')}: ${input.signIn.issuer}`
        : `${t('add.sso')}: ${input.signIn.startUrl}`;
  async function answer(accept: boolean) {
    const result = await api().orgs.answerLink(link.id, accept);
    if (!result.ok) setError(`${result.error.message}${result.error.details ? ` ${result.error.details}` : ''}`);
  }
  return (
    <Modal title={t('link.title')} onClose={() => void answer(false)}>
      <p>{t('link.body')}</p>
      <dl className="link-details">
        <dt>{t('field.name')}</dt>
        <dd>{input.name}</dd>
        <dt>{t('field.code')}</dt>
        <dd>{input.code}</dd>
        <dt>{t('field.signIn')}</dt>
        <dd>{signIn}</dd>
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
