import { useEffect, useId, useState, type FormEvent } from 'react';
import type { NetworkState, ProxyLoginQuestion } from '@shared/ipc/domains/network';
import type { NetworkSettings as Settings } from '@shared/models/network';
import { useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';
import { useLive } from '@renderer/ipc/use-live';
import { ProxyLoginDialog } from './proxy-login-dialog';
import './network.css';

type Mode = Settings['proxy']['mode'];

function toSettings(mode: Mode, url: string, caFile: string): Settings {
  const proxy = mode === 'manual' ? { mode, url: url.trim() } : { mode };
  return caFile.trim() === '' ? { proxy } : { proxy, caFile: caFile.trim() };
}

/** Settings → Network: proxy choice, an extra CA file, the active choice; read-only when IT locks it. */
export function NetworkSettings({ state }: { readonly state: NetworkState }) {
  const t = useT();
  const ids = { url: useId(), ca: useId(), urlHint: useId(), caHint: useId() };
  const [mode, setMode] = useState<Mode>(state.settings.proxy.mode);
  const [url, setUrl] = useState(state.settings.proxy.mode === 'manual' ? state.settings.proxy.url : '');
  const [caFile, setCaFile] = useState(state.settings.caFile ?? '');
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean }>();
  const locked = state.locked;

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await api().network.update(toSettings(mode, url, caFile));
    setMessage(result.ok ? { text: t('network.saved'), error: false } : { text: errorText(t, result.error), error: true });
  }

  return (
    <form onSubmit={(event) => void save(event)} aria-label={t('network.title')}>
      <p>{t('network.explain')}</p>
      {locked ? <p role="note">{t('network.locked')}</p> : state.managed ? <p role="note">{t('network.managed')}</p> : null}
      <p aria-live="polite">
        {t('network.active', { description: state.active.description })} ({t(`network.source.${state.active.source}`)})
      </p>
      <fieldset disabled={locked}>
        <legend>{t('network.proxy')}</legend>
        {(['system', 'manual', 'none'] as const).map((m) => (
          <label key={m} className="network-mode">
            <input type="radio" name="network-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`network.mode.${m}`)}
          </label>
        ))}
        {mode === 'manual' ? (
          <div className="network-field">
            <label htmlFor={ids.url}>{t('network.proxyUrl')}</label>
            <input
              id={ids.url}
              type="url"
              required
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              aria-describedby={ids.urlHint}
              placeholder="http://proxy.example.com:3128"
            />
            <small id={ids.urlHint}>{t('network.proxyUrlHint')}</small>
          </div>
        ) : null}
        <div className="network-field">
          <label htmlFor={ids.ca}>{t('network.caFile')}</label>
          <input id={ids.ca} type="text" value={caFile} onChange={(event) => setCaFile(event.target.value)} aria-describedby={ids.caHint} />
          <small id={ids.caHint}>{t('network.caFileHint')}</small>
        </div>
        <button type="submit">{t('network.save')}</button>
      </fieldset>
      {message ? <p role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
    </form>
  );
}

/** Settings → Network: the section of the Settings screen. */
export function NetworkSection() {
  const t = useT();
  const state = useLive('network:changed', () => api().network.get());
  return (
    <section aria-labelledby="settings-network">
      <h3 id="settings-network">{t('network.title')}</h3>
      {state ? <NetworkSettings state={state} /> : <p aria-busy="true">{t('app.loading')}</p>}
    </section>
  );
}

/** Answers the proxy's questions one at a time, in the order they came. */
export function ProxyLoginHost() {
  const [questions, setQuestions] = useState<readonly ProxyLoginQuestion[]>([]);
  useEffect(() => api().on('network:proxyLogin', (question) => setQuestions((current) => [...current, question])), []);
  const first = questions[0];
  if (!first) return null;
  const done = () => setQuestions((current) => current.slice(1));
  return <ProxyLoginDialog key={first.id} question={first} onDone={done} />;
}
