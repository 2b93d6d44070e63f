import { useId } from 'react';
import type { DesktopEntry } from '../../../../shared/ipc/domains/desktops';
import { needsAttention, stateInfo } from '../../../../shared/lib/desktop-state';
import { availableActions, connectPlan, type SelfServiceAction } from '../../../../shared/lib/self-service';
import type { SelfServicePermissions } from '../../../../shared/models/desktop';
import type { SessionInfo } from '../../../../shared/ipc/domains/sessions';
import { useT } from '../../i18n';
import { api } from '../../ipc/api';
import { SessionBadge } from '../sessions/session-badge';
import { ActionsMenu } from './actions-menu';
import { osLabel, problemText, protocolLabel } from './describe';
import { elapsed, relativeTime } from './relative-time';
import { StateBadge } from './state-badge';

interface Props {
  readonly desktop: DesktopEntry;
  readonly permissions: SelfServicePermissions | undefined;
  readonly now: number;
  readonly locale: string;
  readonly onAction: (action: SelfServiceAction, desktop: DesktopEntry) => void;
  readonly onConnect: (desktop: DesktopEntry) => void;
  readonly onDismiss: (desktop: DesktopEntry) => void;
  /** Where this desktop's session is open, if it is. */
  readonly session?: SessionInfo;
}

/** One desktop: what it is, its state in words, colour and icon, what is going on, and what the user can do. */
export function DesktopRow({ desktop: d, permissions, now, locale, onAction, onConnect, onDismiss, session }: Props) {
  const t = useT();
  const nameId = useId();
  const actions = permissions === undefined ? [] : availableActions(d, permissions, now);
  const plan = connectPlan(d);
  const progress = connectProgress(d, session);
  const facts: [string, string | undefined][] = [
    [t('desktops.os'), osLabel(d.os)],
    [t('desktops.protocol'), protocolLabel(d.protocols)],
    [t('desktops.compute'), d.computeType],
    [t('desktops.runningMode'), d.runningMode === undefined ? undefined : t(`desktops.mode.${d.runningMode}`)],
    [t('desktops.volumes'), d.rootVolumeGib === undefined ? undefined : t('desktops.volumesValue', { root: d.rootVolumeGib, user: d.userVolumeGib ?? '–' })],
  ];
  const connection =
    d.connectionState === 'CONNECTED' ? t('desktops.connected') : d.connectionState === 'DISCONNECTED' ? t('desktops.disconnected') : t('desktops.connectionUnknown');
  const last = d.lastConnectedAt === undefined ? t('desktops.neverConnected') : t('desktops.lastConnected', { when: relativeTime(d.lastConnectedAt, now, locale) });

  return (
    <article className={`desktop-row tone-${stateInfo(d.state).tone}`} aria-labelledby={nameId} data-key={d.key}>
      <header className="desktop-head">
        <h4 id={nameId} className="desktop-name">{d.name}</h4>
        <StateBadge state={d.state} />
      </header>
      <dl className="desktop-facts">
        {facts.map(([label, value]) =>
          value === undefined ? null : (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ),
        )}
        <div>
          <dt>{t('desktops.connection')}</dt>
          <dd>{connection}, {last}</dd>
        </div>
      </dl>
      {d.modifications.length > 0 ? <p className="desktop-note">{t('desktops.modifying', { what: d.modifications.map((m) => m.resource).join(', ') })}</p> : null}
      {needsAttention(d.state) ? (
        <p className="desktop-note attention">
          {t(stateInfo(d.state).explainKey)}{' '}
          {actions.includes('restart')
            ? t('desktops.attention')
            : permissions?.restartWorkspace
              ? t('desktops.attentionNoRestartState')
              : t('desktops.attentionNoRestart')}
        </p>
      ) : null}
      {d.errorCode !== undefined || d.errorMessage !== undefined ? (
        <p className="desktop-note error-text">{t('desktops.error', { code: d.errorCode ?? '', message: d.errorMessage ?? '' })}</p>
      ) : null}
      {d.pending !== undefined ? <p className="desktop-note" aria-busy="true">{t('desktops.busy', { action: t(`action.${d.pending.action}`) })}</p> : null}
      {progress === 'starting' && d.connect !== undefined ? (
        <p className="desktop-note progress">
          {t('desktops.connecting', { name: d.name, state: t(stateInfo(d.state).labelKey), elapsed: elapsed(now - d.connect.startedAt) })}
        </p>
      ) : null}
      {progress === 'ready' ? (
        <p className="desktop-note ready">
          {t('desktops.ready', { name: d.name })}{' '}
          <button type="button" className="link-button" onClick={() => onDismiss(d)}>{t('desktops.dismiss')}</button>
        </p>
      ) : null}
      {d.problem !== undefined ? (
        <div className="desktop-problem">
          <p>{t('desktops.problem', { action: t(`action.${d.problem.action}`), message: problemText(t, d.problem, { desktop: d.name, user: d.userName }) })}</p>
          {d.problem.details !== undefined ? (
            <details>
              <summary>{t('desktops.problemDetails')}</summary>
              <p className="code">{d.problem.details}</p>
            </details>
          ) : null}
          {d.problem.code === 'handoff-no-handler' ? (
            <button type="button" onClick={() => void api().sessions.openWebAccess(d.orgId)}>{t('sessions.noHandler.webAccess')}</button>
          ) : null}
          <button type="button" className="link-button" onClick={() => onDismiss(d)}>{t('desktops.dismiss')}</button>
        </div>
      ) : null}
      {session && d.problem?.action !== 'connect' ? <SessionBadge session={session} /> : null}
      <div className="desktop-buttons">
        {plan !== 'unavailable' && d.connect?.phase !== 'starting' ? (
          <button type="button" className="primary" disabled={d.pending !== undefined} aria-label={t('desktops.connectTo', { name: d.name })} onClick={() => onConnect(d)}>
            {t('desktops.connect')}
          </button>
        ) : null}
        <ActionsMenu name={d.name} actions={actions} disabled={d.pending !== undefined} onPick={(action) => onAction(action, d)} />
      </div>
    </article>
  );
}

/**
 * The connect's progress note, when it is the desktop's one status: a problem or an open session
 * says more (and a failed launch must not read "opening your session" beside its error).
 */
function connectProgress(d: DesktopEntry, session: SessionInfo | undefined): 'starting' | 'ready' | null {
  if (d.problem !== undefined || d.connect === undefined) return null;
  if (d.connect.phase === 'starting') return 'starting';
  return d.connect.phase === 'ready' && session === undefined ? 'ready' : null;
}
