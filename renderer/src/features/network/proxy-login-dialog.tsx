import { useId, useState, type FormEvent } from 'react';
import type { ProxyLoginQuestion } from '@shared/ipc/domains/network';
import { Modal } from '@renderer/components/modal';
import { useT } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';

/** A proxy asks for credentials: names the proxy and the host Deskbridge was reaching, says why, and that nothing is saved. */
export function ProxyLoginDialog({ question, onDone }: { readonly question: ProxyLoginQuestion; readonly onDone: () => void }) {
  const t = useT();
  const userId = useId();
  const passwordId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  async function answer(event?: FormEvent) {
    event?.preventDefault();
    await api().network.answerProxyLogin(question.id, event ? { username, password } : null);
    setPassword('');
    onDone();
  }

  return (
    <Modal title={t('network.login.title')} onClose={() => void answer()}>
      <form onSubmit={(event) => void answer(event)}>
        <p>{t('network.login.why', { host: question.forHost, proxy: question.proxy })}</p>
        {question.attempt > 1 ? <p role="alert">{t('network.login.again', { attempt: question.attempt })}</p> : null}
        <label htmlFor={userId}>{t('network.login.user')}</label>
        <input id={userId} autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        <label htmlFor={passwordId}>{t('network.login.password')}</label>
        <input id={passwordId} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        <p>{t('network.login.kept')}</p>
        <div className="modal-actions">
          <button type="submit">{t('network.login.submit')}</button>
          <button type="button" onClick={() => void answer()}>
            {t('network.login.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
