import { useT } from '../i18n';

interface Props {
  readonly connected: boolean;
  readonly scaled: boolean;
  readonly fullScreen: boolean;
  readonly clipboardOpen: boolean;
  readonly onCtrlAltDel: () => void;
  readonly onClipboard: () => void;
  readonly onFullScreen: () => void;
  readonly onScale: () => void;
  readonly onDisconnect: () => void;
}

/** The session's controls: Ctrl+Alt+Del, clipboard, full screen, scaling, disconnect. */
export function Toolbar(props: Props) {
  const t = useT();
  return (
    <div className="session-toolbar" role="toolbar" aria-label={t('session.toolbar')}>
      <button type="button" onClick={props.onCtrlAltDel} disabled={!props.connected}>
        {t('session.ctrlAltDel')}
      </button>
      <button type="button" onClick={props.onClipboard} aria-pressed={props.clipboardOpen} disabled={!props.connected}>
        {t('session.clipboard')}
      </button>
      <button type="button" onClick={props.onFullScreen} aria-pressed={props.fullScreen}>
        {props.fullScreen ? t('session.exitFullScreen') : t('session.fullScreen')}
      </button>
      <button type="button" onClick={props.onScale} aria-pressed={props.scaled}>
        {t('session.scale')}
      </button>
      <span className="session-toolbar-hint">{t('session.releaseHint')}</span>
      <button type="button" className="danger" onClick={props.onDisconnect}>
        {t('session.disconnect')}
      </button>
    </div>
  );
}
