import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isReleaseShortcut } from '@shared/lib/viewer-policy';
import { useT } from '../i18n';
import { errorText } from '../i18n/error-text';
import { sessionApi as api } from './session-api';
import { ClipboardPanel } from './clipboard-panel';
import { PasswordForm } from './password-form';
import { Toolbar } from './toolbar';
import type { VncViewer, ViewerState } from './vnc-viewer';

/**
 * The session window: noVNC's screen under a toolbar, with the password, reconnect and error states.
 * The viewer was started by the page's entry; this puts its screen in place and follows its state.
 */
export function SessionApp({ sessionId, viewer, screen }: { readonly sessionId: string; readonly viewer: VncViewer; readonly screen: HTMLElement }) {
  const t = useT();
  const screenRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ViewerState>(viewer.state);
  const [desktopName, setDesktopName] = useState('');
  const [remoteClipboard, setRemoteClipboard] = useState('');
  const [clipboardOpen, setClipboardOpen] = useState(false);
  const [scaled, setScaled] = useState(true);
  const [fullScreen, setFullScreen] = useState(false);
  const [released, setReleased] = useState(false);

  useLayoutEffect(() => {
    screenRef.current?.appendChild(screen);
    // It may have connected before the UI was there to take the focus.
    if (viewer.state.phase === 'connected') viewer.focus();
    return () => screen.remove();
  }, [screen, viewer]);

  // The name comes with the viewer's ticket: the session window may not list other sessions.
  useEffect(() => viewer.subscribe({ state: setState, clipboard: setRemoteClipboard, desktopName: setDesktopName }), [viewer]);

  useEffect(() => {
    if (desktopName) document.title = t('session.title', { name: desktopName });
  }, [desktopName, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isReleaseShortcut(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      viewer.releaseKeyboard();
      setReleased(true);
      toolbarRef.current?.querySelector('button')?.focus();
    };
    const onFullScreen = () => setFullScreen(document.fullscreenElement !== null);
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullScreen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullScreen);
    };
  }, [viewer]);

  const disconnect = () => {
    viewer.disconnect();
    void api().sessions.disconnect(sessionId);
  };
  const name = desktopName || t('session.thisDesktop');
  const connected = state.phase === 'connected';

  return (
    <div className="session" data-phase={state.phase}>
      <div ref={toolbarRef}>
        <Toolbar
          connected={connected}
          scaled={scaled}
          fullScreen={fullScreen}
          clipboardOpen={clipboardOpen}
          onCtrlAltDel={() => viewer.ctrlAltDel()}
          onClipboard={() => setClipboardOpen((open) => !open)}
          onFullScreen={() =>
            void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)
          }
          onScale={() => {
            viewer.setScaling(!scaled);
            setScaled(!scaled);
          }}
          onDisconnect={disconnect}
        />
      </div>
      {clipboardOpen && connected ? <ClipboardPanel remoteText={remoteClipboard} onSend={(text) => viewer.paste(text)} /> : null}
      <p className="session-status" role="status" aria-live="polite">
        {statusText(state, name, released, t)}
      </p>
      <div className="session-screen" ref={screenRef} onMouseDown={() => setReleased(false)} aria-label={t('session.screen', { name })} role="application" />
      {state.phase === 'password' ? (
        <div className="session-overlay">
          <PasswordForm
            desktopName={name}
            wrong={state.wrong}
            onSubmit={(password, remember) => viewer.submitPassword(password, remember)}
            onCancel={disconnect}
          />
        </div>
      ) : null}
      {state.phase === 'failed' || state.phase === 'ended' ? (
        <div className="session-overlay">
          <div className="session-card" role="alert">
            <h2>{state.phase === 'failed' ? t('session.failed') : t('session.ended')}</h2>
            {state.phase === 'failed' ? <p>{errorText(t, state.error)}</p> : null}
            {state.phase === 'failed' && state.error.details ? <p className="hint">{state.error.details}</p> : null}
            <div className="actions">
              {state.phase === 'failed' && state.error.code !== 'session-not-found' ? (
                <button type="button" className="primary" onClick={() => viewer.retry()}>
                  {t('session.retry')}
                </button>
              ) : null}
              <button type="button" onClick={() => window.close()}>
                {t('session.close')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function statusText(state: ViewerState, name: string, released: boolean, t: ReturnType<typeof useT>): string {
  switch (state.phase) {
    case 'connecting':
      return t('session.connecting', { name });
    case 'connected':
      return released ? t('session.keyboardReleased') : t('session.connected', { name });
    case 'reconnecting':
      return t('session.reconnecting', { attempt: state.attempt });
    case 'password':
      return state.wrong ? t('session.password.wrong') : t('session.password.title', { name });
    case 'failed':
      return `${t('session.failed')}: ${errorText(t, state.error)}`;
    case 'ended':
      return t('session.ended');
  }
}
