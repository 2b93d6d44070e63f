import { stateInfo } from '@shared/lib/desktop-state';
import type { DesktopState } from '@shared/models/desktop';
import { useT } from '@renderer/i18n';
import { StateIcon } from './state-icon';

/** The state in plain language with its own colour and icon; the explanation as a tooltip and for screen readers. */
export function StateBadge({ state }: { readonly state: DesktopState }) {
  const t = useT();
  const info = stateInfo(state);
  return (
    <span className={`state-badge state-${state.toLowerCase()} tone-${info.tone}`} title={t(info.explainKey)} data-state={state}>
      <StateIcon icon={info.icon} />
      <span className="state-label">{t(info.labelKey)}</span>
      {info.transitional ? <span className="state-spinner" aria-hidden="true" /> : null}
    </span>
  );
}
