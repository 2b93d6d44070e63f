import type { SessionInfo } from '@shared/ipc/domains/sessions';
import { useT, type MessageKey } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';
import { connectDesktop } from './connect-desktop';

const WHERE: Record<SessionInfo['client'], MessageKey> = {
  deskbridge: 'sessions.where.deskbridge',
  workspaces: 'sessions.where.workspaces',
  'windows-app': 'sessions.where.windowsApp',
  'microsoft-remote-desktop': 'sessions.where.microsoftRemoteDesktop',
  mstsc: 'sessions.where.mstsc',
  xfreerdp: 'sessions.where.xfreerdp',
  remmina: 'sessions.where.remmina',
  'dcv-viewer': 'sessions.where.dcvViewer',
};

const STATUS: Record<SessionInfo['status'], MessageKey> = {
  launching: 'sessions.status.launching',
  connecting: 'sessions.status.connecting',
  connected: 'sessions.status.connected',
  reconnecting: 'sessions.status.reconnecting',
  'handed-off': 'sessions.status.handedOff',
  failed: 'sessions.status.failed',
};

/** Where a desktop's session is open and how it is doing, for the desktop list ("Open in Deskbridge · connected"). */
export function SessionBadge({ session }: { readonly session: SessionInfo }) {
  const t = useT();
  return (
    <span className={`session-badge session-${session.status}`} role="status" aria-live="polite">
      {t(WHERE[session.client])} · {t(STATUS[session.status])}
      {session.status === 'failed' && session.error ? <span className="error"> {errorText(t, session.error, { desktop: session.desktopName })}</span> : null}
      {session.error?.code === 'handoff-no-handler' ? (
        <button type="button" onClick={() => void api().sessions.openWebAccess(session.orgId)}>
          {t('sessions.noHandler.webAccess')}
        </button>
      ) : null}
      {session.method === 'vnc' && session.status !== 'failed' ? (
        <button type="button" className="link" onClick={() => void connectDesktop(session.desktopKey)}>
          {t('sessions.openViewer')}
        </button>
      ) : null}
      {session.status === 'failed' || session.status === 'handed-off' ? (
        <button type="button" className="link" onClick={() => void api().sessions.disconnect(session.id)} aria-label={t('sessions.dismiss')}>
          ×
        </button>
      ) : null}
    </span>
  );
}
