import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import type { SessionClient } from '@shared/ipc/domains/sessions';
import { useT, type MessageKey } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';
import { connectDesktop } from '../sessions/connect-desktop';
import { problemText } from './describe';
import type { DesktopStatus, NextStep } from './desktop-status';
import { elapsed } from './relative-time';

export const CLIENT_NAME: Record<SessionClient, MessageKey> = {
  deskbridge: 'status.client.deskbridge',
  workspaces: 'status.client.workspaces',
  'windows-app': 'status.client.windowsApp',
  'microsoft-remote-desktop': 'status.client.microsoftRemoteDesktop',
  mstsc: 'status.client.mstsc',
  xfreerdp: 'status.client.xfreerdp',
  remmina: 'status.client.remmina',
  'dcv-viewer': 'status.client.dcvViewer',
};

const NEXT: Record<NextStep, MessageKey> = {
  webAccess: 'status.next.webAccess',
  askIt: 'status.next.askIt',
  tryAgain: 'status.next.tryAgain',
};

interface Props {
  readonly desktop: DesktopEntry;
  readonly status: DesktopStatus;
  readonly onDismiss: (desktop: DesktopEntry) => void;
}

/** The desktop's one status line, with the buttons its state calls for (Web Access, the viewer, Dismiss). */
export function StatusLine({ desktop: d, status, onDismiss }: Props) {
  const t = useT();
  if (status.kind === 'none') return null;
  const text = ((): string => {
    switch (status.kind) {
      case 'busy':
        return t('desktops.busy', { action: t(`action.${status.action}`) });
      case 'starting':
        return t('status.starting', { name: d.name, elapsed: elapsed(status.elapsedMs) });
      case 'waiting':
        return t('status.waiting');
      case 'opening':
        return t('status.opening', { client: t(CLIENT_NAME[status.client]) });
      case 'open':
        return status.session.status === 'handed-off'
          ? t('status.handedOff', { client: t(CLIENT_NAME[status.client]) })
          : t('status.open', { client: t(CLIENT_NAME[status.client]) });
      case 'failed':
        return `${t('desktops.problem', { action: t(`action.${status.action}`), message: problemText(t, status.error, { desktop: d.name, user: d.userName }) })} ${t(NEXT[status.next])}`;
    }
  })();
  const session = status.kind === 'opening' || status.kind === 'open' || status.kind === 'failed' ? status.session : undefined;
  return (
    <div className={`status-line status-${status.kind}`} data-status={status.kind}>
      <p aria-live="polite" aria-busy={status.kind === 'starting' || status.kind === 'waiting' || status.kind === 'busy'}>
        {text}
      </p>
      {status.kind === 'failed' && status.error.details !== undefined ? (
        <details>
          <summary>{t('desktops.problemDetails')}</summary>
          <p className="code">{status.error.details}</p>
        </details>
      ) : null}
      {status.kind === 'failed' && status.next === 'webAccess' ? (
        <button type="button" onClick={() => void api().sessions.openWebAccess(d.orgId)}>
          {t('sessions.noHandler.webAccess')}
        </button>
      ) : null}
      {session?.method === 'vnc' && status.kind !== 'failed' ? (
        <button type="button" className="link-button" onClick={() => void connectDesktop(session.desktopKey)}>
          {t('sessions.openViewer')}
        </button>
      ) : null}
      {status.kind === 'failed' ? (
        <button type="button" className="link-button" onClick={() => (session === undefined ? onDismiss(d) : void api().sessions.disconnect(session.id))}>
          {t('desktops.dismiss')}
        </button>
      ) : null}
      {session?.status === 'handed-off' ? (
        <button type="button" className="link-button" onClick={() => void api().sessions.disconnect(session.id)} aria-label={t('sessions.dismiss')}>
          ×
        </button>
      ) : null}
    </div>
  );
}
