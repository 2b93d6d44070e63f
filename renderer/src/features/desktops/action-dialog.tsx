import { useState } from 'react';
import type { DesktopEntry } from '../../../../shared/ipc/domains/desktops';
import {
  computeDirection, computeTargets, rebuildConfirmed, runningModeTargets, volumeProblem, type SelfServiceAction,
} from '../../../../shared/lib/self-service';
import type { RunningMode } from '../../../../shared/models/desktop';
import { Modal } from '../../components/modal';
import { useT } from '../../i18n';

export type DialogAction = Exclude<SelfServiceAction, 'start'>;

export type Submit =
  | { readonly action: 'restart' }
  | { readonly action: 'rebuild'; readonly confirmation: string }
  | { readonly action: 'changeComputeType'; readonly computeType: string }
  | { readonly action: 'increaseVolume'; readonly rootGib?: number; readonly userGib?: number }
  | { readonly action: 'switchRunningMode'; readonly mode: RunningMode };

interface Props {
  readonly action: DialogAction;
  readonly desktop: DesktopEntry;
  /** Resolves with an error message to show in the dialog, or null when done. */
  readonly onSubmit: (submit: Submit) => Promise<string | null>;
  readonly onClose: () => void;
}

/** Confirmation and choices before a self-service action, with AWS's rules said up front. */
export function ActionDialog({ action, desktop: d, onSubmit, onClose }: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [target, setTarget] = useState(() => computeTargets(d.computeType)[0] ?? '');
  const [mode, setMode] = useState<RunningMode>(() => runningModeTargets(d.runningMode)[0] ?? 'AUTO_STOP');
  const [root, setRoot] = useState('');
  const [user, setUser] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
  const rootProblem = volumeProblem(d.rootVolumeGib, num(root));
  const userProblem = volumeProblem(d.userVolumeGib, num(user));
  const direction = target === '' || d.computeType === undefined ? 'invalid' : computeDirection(d.computeType, target);

  const submit = async (value: Submit): Promise<void> => {
    setBusy(true);
    const message = await onSubmit(value);
    setBusy(false);
    if (message === null) onClose();
    else setError(message);
  };

  const titles: Record<DialogAction, string> = {
    restart: t('restart.title', { name: d.name }),
    rebuild: t('rebuild.title', { name: d.name }),
    changeComputeType: t('compute.title', { name: d.name }),
    increaseVolume: t('volume.title', { name: d.name }),
    switchRunningMode: t('runningMode.title', { name: d.name }),
  };
  const canSubmit =
    !busy &&
    (action === 'restart' ||
      (action === 'rebuild' && rebuildConfirmed(d.name, typed)) ||
      (action === 'changeComputeType' && direction !== 'invalid') ||
      (action === 'increaseVolume' && (num(root) !== undefined || num(user) !== undefined) && rootProblem === null && userProblem === null) ||
      action === 'switchRunningMode');

  const value = (): Submit => {
    switch (action) {
      case 'restart': return { action };
      case 'rebuild': return { action, confirmation: typed };
      case 'changeComputeType': return { action, computeType: target };
      case 'increaseVolume': {
        const r = num(root);
        const u = num(user);
        return { action, ...(r === undefined ? {} : { rootGib: r }), ...(u === undefined ? {} : { userGib: u }) };
      }
      case 'switchRunningMode': return { action, mode };
    }
  };

  return (
    <Modal title={titles[action]} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canSubmit) void submit(value());
        }}
      >
        {action === 'restart' ? <p>{t('restart.body', { name: d.name })}</p> : null}
        {action === 'rebuild' ? (
          <>
            <p>{t('rebuild.body')}</p>
            <div className="field">
              <label htmlFor="rebuild-confirm">{t('rebuild.type', { name: d.name })}</label>
              <input id="rebuild-confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
            </div>
          </>
        ) : null}
        {action === 'changeComputeType' ? (
          computeTargets(d.computeType).length === 0 ? (
            <p>{t('compute.none')}</p>
          ) : (
            <>
              <p>{t('compute.current', { type: d.computeType ?? '–' })}</p>
              <div className="field">
                <label htmlFor="compute-target">{t('compute.target')}</label>
                <select id="compute-target" value={target} onChange={(e) => setTarget(e.target.value)}>
                  {computeTargets(d.computeType).map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
              </div>
              <p className="rule" aria-live="polite">{direction === 'up' ? t('compute.up') : direction === 'down' ? t('compute.down') : ''}</p>
              <p className="hint">{t('compute.restart')}</p>
            </>
          )
        ) : null}
        {action === 'increaseVolume' ? (
          <>
            <p className="rule">{t('volume.rules')}</p>
            <VolumeField id="volume-root" label={t('volume.root', { size: d.rootVolumeGib ?? '–' })} value={root} onChange={setRoot} problem={rootProblem} />
            <VolumeField id="volume-user" label={t('volume.user', { size: d.userVolumeGib ?? '–' })} value={user} onChange={setUser} problem={userProblem} />
          </>
        ) : null}
        {action === 'switchRunningMode' ? (
          <fieldset className="modes">
            <legend>{t('desktops.runningMode')}</legend>
            {runningModeTargets(d.runningMode).map((m) => (
              <label key={m}>
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`runningMode.${m}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {error !== null ? <p className="error" role="alert">{error}</p> : null}
        <div className="actions">
          <button type="submit" className={action === 'rebuild' ? 'danger' : 'primary'} disabled={!canSubmit}>
            {action === 'rebuild' ? t('rebuild.submit', { name: d.name }) : t(`action.${action}`)}
          </button>
          <button type="button" onClick={onClose}>{t('action.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}

function VolumeField(props: { id: string; label: string; value: string; onChange: (v: string) => void; problem: ReturnType<typeof volumeProblem> }) {
  const t = useT();
  const hintId = `${props.id}-problem`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={1}
        max={2000}
        value={props.value}
        aria-invalid={props.problem !== null}
        aria-describedby={props.problem !== null ? hintId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problem !== null ? <p id={hintId} className="error">{t(`volume.${props.problem}`)}</p> : null}
    </div>
  );
}
