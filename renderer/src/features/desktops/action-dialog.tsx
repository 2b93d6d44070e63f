import { useState } from 'react';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import {
  computeDirection,
  computeTargets,
  rebuildConfirmed,
  runningModeTargets,
  volumeChoices,
  volumeRequestProblem,
  volumeTargets,
  type SelfServiceAction,
  type SizeRange,
  type Volume,
  type VolumeProblem,
} from '@shared/lib/self-service';
import type { RunningMode } from '@shared/models/desktop';
import { Modal } from '@renderer/components/modal';
import { useT } from '@renderer/i18n';

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
  const current = { rootGib: d.rootVolumeGib, userGib: d.userVolumeGib };
  const growable = (['root', 'user'] as const).filter((v) => volumeTargets(v, current).length > 0);
  /** The smallest size a volume may grow to, as the field's starting value. */
  const firstSize = (v: Volume | undefined): string => String((v === undefined ? undefined : volumeTargets(v, current)[0]?.min) ?? '');
  const [volume, setVolume] = useState<Volume | undefined>(growable[0]);
  const [size, setSize] = useState(() => firstSize(growable[0]));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
  const sizeGib = num(size);
  const volumeRequest = volume === undefined || sizeGib === undefined ? null : volume === 'root' ? { rootGib: sizeGib } : { userGib: sizeGib };
  const volumeIssue: VolumeProblem | null = volumeRequest === null ? null : volumeRequestProblem(current, volumeRequest);
  const chooseVolume = (v: Volume): void => {
    setVolume(v);
    setSize(firstSize(v));
  };
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
      (action === 'increaseVolume' && volumeRequest !== null && volumeIssue === null) ||
      action === 'switchRunningMode');

  const value = (): Submit => {
    switch (action) {
      case 'restart':
        return { action };
      case 'rebuild':
        return { action, confirmation: typed };
      case 'changeComputeType':
        return { action, computeType: target };
      case 'increaseVolume':
        return { action, ...volumeRequest };
      case 'switchRunningMode':
        return { action, mode };
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
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
              <p className="rule" aria-live="polite">
                {direction === 'up' ? t('compute.up') : direction === 'down' ? t('compute.down') : ''}
              </p>
              <p className="hint">{t('compute.restart')}</p>
            </>
          )
        ) : null}
        {action === 'increaseVolume' ? (
          <>
            <p className="rule">{t('volume.rules')}</p>
            {volume === undefined ? (
              <p>{t('volume.none')}</p>
            ) : (
              <>
                <fieldset className="modes">
                  <legend>{t('volume.which')}</legend>
                  {growable.map((v) => (
                    <label key={v}>
                      <input type="radio" name="volume" value={v} checked={volume === v} onChange={() => chooseVolume(v)} />{' '}
                      {t(v === 'root' ? 'volume.root' : 'volume.user', { size: (v === 'root' ? d.rootVolumeGib : d.userVolumeGib) ?? '–' })}
                    </label>
                  ))}
                </fieldset>
                <VolumeSize targets={volumeTargets(volume, current)} value={size} onChange={setSize} problem={volumeIssue} />
              </>
            )}
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
        {error !== null ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className={action === 'rebuild' ? 'danger' : 'primary'} disabled={!canSubmit}>
            {action === 'rebuild' ? t('rebuild.submit', { name: d.name }) : t(`action.${action}`)}
          </button>
          <button type="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The new size: a list when AWS offers only set sizes, else a number within the allowed range. */
function VolumeSize(props: { targets: readonly SizeRange[]; value: string; onChange: (v: string) => void; problem: VolumeProblem | null }) {
  const t = useT();
  const choices = volumeChoices(props.targets);
  const allowed = props.targets.map((r) => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`)).join(', ');
  const hintId = 'volume-size-hint';
  return (
    <div className="field">
      <label htmlFor="volume-size">{t('volume.newSize')}</label>
      {choices !== null ? (
        <select id="volume-size" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {choices.map((c) => (
            <option key={c} value={String(c)}>
              {t('volume.sizeOption', { size: c })}
            </option>
          ))}
        </select>
      ) : (
        <input
          id="volume-size"
          type="number"
          inputMode="numeric"
          min={props.targets[0]?.min}
          max={props.targets.at(-1)?.max}
          value={props.value}
          aria-invalid={props.problem !== null}
          aria-describedby={hintId}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      <p id={hintId} className={props.problem === null ? 'hint' : 'error'}>
        {props.problem === null ? t('volume.allowed', { sizes: allowed }) : `${t(`volume.${props.problem}`)} ${t('volume.allowed', { sizes: allowed })}`}
      </p>
    </div>
  );
}
