import type { Notice } from '@shared/ipc/domains/app';
import { useT } from '../i18n';
import { errorText } from '../i18n/error-text';

interface Props {
  readonly notices: readonly Notice[];
  readonly onDismiss: (id: string) => void;
}

/** Notices from core (recovered settings, refused links), announced politely to screen readers. */
export function NoticeBar({ notices, onDismiss }: Props) {
  const t = useT();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
          <p>{errorText(t, notice)}</p>
          {notice.details ? (
            <details>
              <summary>{t('notice.details')}</summary>
              <pre>{notice.details}</pre>
            </details>
          ) : null}
          <button type="button" onClick={() => onDismiss(notice.id)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
