import { useId, useState } from 'react';
import { useT } from '../i18n';

interface Props {
  readonly remoteText: string;
  readonly onSend: (text: string) => void;
}

/** The desktop's clipboard shown as text, and text sent to it (no clipboard permission needed). */
export function ClipboardPanel({ remoteText, onSend }: Props) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(remoteText);
  const [lastRemote, setLastRemote] = useState(remoteText);
  if (remoteText !== lastRemote) {
    setLastRemote(remoteText);
    setText(remoteText);
  }
  return (
    <div className="session-clipboard">
      <label htmlFor={id}>{t('session.clipboard.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('session.clipboard.hint')}
      </p>
      <textarea id={id} aria-describedby={`${id}-hint`} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
      <button type="button" onClick={() => onSend(text)}>
        {t('session.clipboard.send')}
      </button>
    </div>
  );
}
