import { useCallback, useEffect, useState } from 'react';
import { LOG_LEVELS, type LogLevel, type LogSnapshot } from '@shared/ipc/domains/diagnostics';
import { Modal } from '@renderer/components/modal';
import { useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';
import './diagnostics.css';
import { NetworkCheckPanel } from './network-check';
import { saveText } from './save-text';

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour12: false });
}

/** The in-memory log: read, change the level, save as a file. */
export function LogViewer({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const [snapshot, setSnapshot] = useState<LogSnapshot>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    const result = await api().diagnostics.logs();
    if (result.ok) {
      setSnapshot(result.value);
      setError(undefined);
    } else setError(errorText(t, result.error));
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function changeLevel(level: LogLevel) {
    await api().diagnostics.setLevel(level);
    await load();
  }

  async function exportLogs() {
    const result = await api().diagnostics.exportLogs();
    if (result.ok) saveText(result.value.fileName, result.value.text);
    else setError(errorText(t, result.error));
  }

  return (
    <Modal title={t('diagnostics.title')} onClose={onClose}>
      <p>{t('diagnostics.explain')}</p>
      <div className="log-toolbar">
        <label>
          {t('diagnostics.level')}{' '}
          <select value={snapshot?.level ?? 'info'} onChange={(event) => void changeLevel(event.target.value as LogLevel)}>
            {LOG_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`diagnostics.level.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load()}>
          {t('diagnostics.refresh')}
        </button>
        <button type="button" onClick={() => void exportLogs()}>
          {t('diagnostics.export')}
        </button>
      </div>
      {error ? <p role="alert">{t('diagnostics.failed', { message: error })}</p> : null}
      {snapshot ? (
        <>
          <p aria-live="polite">{t('diagnostics.count', { count: snapshot.entries.length, capacity: snapshot.capacity })}</p>
          {snapshot.entries.length === 0 ? (
            <p>{t('diagnostics.empty')}</p>
          ) : (
            // The log role sits on a wrapper: on the <ol> it would hide the list from assistive technology.
            <div className="log-entries" role="log" aria-label={t('diagnostics.title')} tabIndex={0}>
              <ol>
                {snapshot.entries.map((entry, index) => (
                  <li key={`${entry.time}-${index}`} className={`log-${entry.level}`}>
                    <time dateTime={new Date(entry.time).toISOString()}>{time(entry.time)}</time> <strong>{entry.level}</strong> [{entry.scope}] {entry.message}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </>
      ) : null}
      <NetworkCheckPanel />
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('diagnostics.close')}
        </button>
      </div>
    </Modal>
  );
}

/** The footer button that opens the log viewer. */
export function DiagnosticsButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('diagnostics.open')}
      </button>
      {open ? <LogViewer onClose={() => setOpen(false)} /> : null}
    </>
  );
}
