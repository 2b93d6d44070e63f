import { useId, useState, type KeyboardEvent } from 'react';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import { needsAttention, stateInfo } from '@shared/lib/desktop-state';
import { availableActions, connectPlan, type SelfServiceAction } from '@shared/lib/self-service';
import type { SelfServicePermissions } from '@shared/models/desktop';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import { useT } from '@renderer/i18n';
import { ActionsMenu } from './actions-menu';
import { desktopStatus } from './desktop-status';
import { osLabel, protocolLabel } from './describe';
import { relativeTime } from './relative-time';
import { StateBadge } from './state-badge';
import { StatusLine } from './status-line';

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
  /** The organization's name, shown when the user has more than one. */
  readonly orgName?: string;
  /** The only desktop the user has: the card fills the view. */
  readonly hero?: boolean;
}

/** One desktop: its name and state, one status line, the action that fits its state; details on request. */
export function DesktopRow({ desktop: d, permissions, now, locale, onAction, onConnect, onDismiss, session, orgName, hero = false }: Props) {
  const t = useT();
  const nameId = useId();
  const whyId = useId();
  const [whyOpen, setWhyOpen] = useState(false);
  const actions = permissions === undefined ? [] : availableActions(d, permissions, now);
  const plan = connectPlan(d);
  const status = desktopStatus(d, session, now);
  const underWay = status.kind === 'starting' || status.kind === 'waiting';
  const canConnect = !underWay && plan !== 'unavailable' && d.pending === undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    // Enter on the card itself (not on one of its buttons) connects.
    if (event.key !== 'Enter' || event.target !== event.currentTarget || !canConnect) return;
    event.preventDefault();
    onConnect(d);
  };

  return (
    <article
      className={`desktop-row tone-${stateInfo(d.state).tone}${hero ? ' desktop-hero' : ''}`}
      aria-labelledby={nameId}
      data-key={d.key}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <header className="desktop-head">
        <h3 id={nameId} className="desktop-name">
          {d.name}
        </h3>
        <StateBadge state={d.state} />
        {orgName === undefined ? null : <span className="desktop-org">{orgName}</span>}
      </header>
      <StatusLine desktop={d} status={status} onDismiss={onDismiss} />
      <div className="desktop-buttons">
        {underWay || plan === 'launch' ? (
          <button type="button" className="primary" disabled={!canConnect} aria-label={t('desktops.connectTo', { name: d.name })} onClick={() => onConnect(d)}>
            {t('desktops.connect')}
          </button>
        ) : plan === 'start-then-launch' ? (
          <button
            type="button"
            className="primary"
            disabled={!canConnect}
            aria-label={t('desktops.startConnectTo', { name: d.name })}
            onClick={() => onConnect(d)}
          >
            {t('desktops.startConnect')}
          </button>
        ) : (
          <button
            type="button"
            aria-expanded={whyOpen}
            aria-controls={whyId}
            aria-label={t('desktops.whyTo', { name: d.name })}
            onClick={() => setWhyOpen((open) => !open)}
          >
            {t('desktops.why')}
          </button>
        )}
        <ActionsMenu name={d.name} actions={actions} disabled={d.pending !== undefined} onPick={(action) => onAction(action, d)} />
      </div>
      {plan === 'unavailable' && !underWay ? <WhyNot id={whyId} open={whyOpen} desktop={d} actions={actions} permissions={permissions} /> : null}
      <Details desktop={d} now={now} locale={locale} />
    </article>
  );
}

interface WhyProps {
  readonly id: string;
  readonly open: boolean;
  readonly desktop: DesktopEntry;
  readonly actions: readonly SelfServiceAction[];
  readonly permissions: SelfServicePermissions | undefined;
}

/** "Why can't I connect?": what the state means and what the user can do about it. */
function WhyNot({ id, open, desktop: d, actions, permissions }: WhyProps) {
  const t = useT();
  return (
    <div id={id} className="desktop-why" hidden={!open}>
      <p>
        {t(stateInfo(d.state).explainKey)}{' '}
        {needsAttention(d.state)
          ? actions.includes('restart')
            ? t('desktops.attention')
            : permissions?.restartWorkspace
              ? t('desktops.attentionNoRestartState')
              : t('desktops.attentionNoRestart')
          : null}
      </p>
      {d.errorCode !== undefined || d.errorMessage !== undefined ? (
        <p className="error-text">{t('desktops.error', { code: d.errorCode ?? '', message: d.errorMessage ?? '' })}</p>
      ) : null}
    </div>
  );
}

/** Volumes, compute, protocol, running mode and connection, behind a disclosure. */
function Details({ desktop: d, now, locale }: { readonly desktop: DesktopEntry; readonly now: number; readonly locale: string }) {
  const t = useT();
  const facts: [string, string | undefined][] = [
    [t('desktops.os'), osLabel(d.os)],
    [t('desktops.protocol'), protocolLabel(d.protocols)],
    [t('desktops.compute'), d.computeType],
    [t('desktops.runningMode'), d.runningMode === undefined ? undefined : t(`desktops.mode.${d.runningMode}`)],
    [t('desktops.volumes'), d.rootVolumeGib === undefined ? undefined : t('desktops.volumesValue', { root: d.rootVolumeGib, user: d.userVolumeGib ?? '–' })],
  ];
  const connection =
    d.connectionState === 'CONNECTED'
      ? t('desktops.connected')
      : d.connectionState === 'DISCONNECTED'
        ? t('desktops.disconnected')
        : t('desktops.connectionUnknown');
  const last =
    d.lastConnectedAt === undefined ? t('desktops.neverConnected') : t('desktops.lastConnected', { when: relativeTime(d.lastConnectedAt, now, locale) });
  return (
    <details className="desktop-details">
      <summary>{t('desktops.details')}</summary>
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
          <dd>
            {connection}, {last}
          </dd>
        </div>
      </dl>
      {d.modifications.length > 0 ? (
        <p className="desktop-note">{t('desktops.modifying', { what: d.modifications.map((m) => m.resource).join(', ') })}</p>
      ) : null}
    </details>
  );
}
