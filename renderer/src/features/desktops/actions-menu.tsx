import { useId, useRef, useState } from 'react';
import type { SelfServiceAction } from '@shared/lib/self-service';
import { useT } from '@renderer/i18n';

interface Props {
  readonly name: string;
  readonly actions: readonly SelfServiceAction[];
  readonly disabled: boolean;
  readonly onPick: (action: SelfServiceAction) => void;
}

/** A disclosure with the self-service actions this desktop offers now (only those). */
export function ActionsMenu({ name, actions, disabled, onPick }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div
      className="actions-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) close();
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t('desktops.actionsFor', { name })}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {t('desktops.actions')} ▾
      </button>
      {open ? (
        <ul id={listId} className="actions-list">
          {actions.length === 0 ? <li className="hint">{t('desktops.noActions')}</li> : null}
          {actions.map((action) => (
            <li key={action}>
              <button
                type="button"
                onClick={() => {
                  close();
                  onPick(action);
                }}
              >
                {t(`action.${action}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
