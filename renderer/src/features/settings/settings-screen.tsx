import { Fragment, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '@shared/ipc/domains/app';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES, type PreferenceName, type PreferencesView, type UserPreferences } from '@shared/ipc/domains/settings';
import { DiagnosticsButton } from '../diagnostics/log-viewer';
import { NetworkSection } from '../network/network-settings';
import { errorText } from '@renderer/i18n/error-text';
import { useT } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';
import licences from './licences.json';
import './theme.css';

interface Props {
  readonly view: PreferencesView;
  readonly onClose: () => void;
}

/** Settings (PRODUCT §6): language, theme, connection preferences, diagnostics and About. */
export function SettingsScreen({ view, onClose }: Props) {
  const t = useT();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // What the user just chose shows at once; core's answer (settings:changed) then takes over.
  const [pending, setPending] = useState<Partial<UserPreferences>>({});
  const change = (patch: Partial<UserPreferences>): void => {
    setError(undefined);
    setPending((current) => ({ ...current, ...patch }));
    void api()
      .settings.update(patch)
      .then((result) => {
        if (!result.ok) setError(`${t('settings.saveFailed')} ${errorText(t, result.error)}`);
      })
      .finally(() => setPending((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !(name in patch)))));
  };
  const shown: UserPreferences = { ...view.preferences, ...pending };
  const isLocked = (name: PreferenceName) => view.locked.includes(name);

  return (
    <div
      className="settings"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="settings-head">
        <h2 ref={heading} tabIndex={-1}>
          {t('settings.title')}
        </h2>
        <button type="button" onClick={onClose}>
          {t('settings.back')}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="settings-appearance">
        <h3 id="settings-appearance">{t('settings.appearance')}</h3>
        <Choice
          label={t('settings.language')}
          locked={isLocked('language')}
          value={shown.language}
          onChange={(language) => change({ language })}
          options={LANGUAGE_PREFERENCES.map((value) => ({ value, label: t(`settings.language.${value}`) }))}
        />
        <Choice
          label={t('settings.theme')}
          locked={isLocked('theme')}
          value={shown.theme}
          onChange={(theme) => change({ theme })}
          options={THEME_PREFERENCES.map((value) => ({ value, label: t(`settings.theme.${value}`) }))}
          hint={t('settings.theme.highContrast')}
        />
      </section>
      <section aria-labelledby="settings-connecting">
        <h3 id="settings-connecting">{t('settings.connecting')}</h3>
        <Switch
          label={t('settings.connectOnOpen')}
          locked={isLocked('connectOnOpen')}
          checked={shown.connectOnOpen}
          onChange={(connectOnOpen) => change({ connectOnOpen })}
        />
        <Switch
          label={t('settings.rdpFullScreen')}
          locked={isLocked('rdpFullScreen')}
          checked={shown.rdpFullScreen}
          onChange={(rdpFullScreen) => change({ rdpFullScreen })}
        />
      </section>
      <NetworkSection />
      <section aria-labelledby="settings-diagnostics">
        <h3 id="settings-diagnostics">{t('settings.diagnostics')}</h3>
        <p className="hint">{t('settings.diagnosticsBody')}</p>
        <DiagnosticsButton />
      </section>
      <About />
    </div>
  );
}

function Locked({ id, locked }: { readonly id: string; readonly locked: boolean }): ReactNode {
  const t = useT();
  return locked ? (
    <p className="locked" id={id}>
      {t('settings.locked')}
    </p>
  ) : null;
}

function Choice<V extends string>(props: {
  readonly label: string;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly locked: boolean;
  readonly hint?: string;
  readonly onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <div className="setting">
      <label htmlFor={`${id}-select`}>{props.label}</label>
      <select
        id={`${id}-select`}
        value={props.value}
        disabled={props.locked}
        aria-describedby={[props.locked ? `${id}-locked` : '', props.hint ? `${id}-hint` : ''].join(' ').trim() || undefined}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Locked id={`${id}-locked`} locked={props.locked} />
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

function Switch(props: { readonly label: string; readonly checked: boolean; readonly locked: boolean; readonly onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="setting">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          disabled={props.locked}
          aria-describedby={props.locked ? `${id}-locked` : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      <Locked id={`${id}-locked`} locked={props.locked} />
    </div>
  );
}

/** The browser's own version where the host cannot report Chromium's (the web host). */
function browserVersion(): string | undefined {
  return /(?:Chrome|Chromium)\/([\d.]+)/.exec(navigator.userAgent)?.[1];
}

function About() {
  const t = useT();
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => {
    void api()
      .app.info()
      .then((result) => {
        if (result.ok) setInfo(result.value);
      });
  }, []);
  const versions = info?.versions;
  const chromium = versions?.chromium ?? browserVersion();
  const rows: [string, string | undefined][] = [
    [t('settings.version'), info?.version],
    [t('settings.runtime.electron'), versions?.electron],
    [versions?.chromium ? t('settings.runtime.chromium') : t('settings.runtime.browser'), chromium],
    [t('settings.runtime.node'), versions?.node],
  ];
  return (
    <section aria-labelledby="settings-about">
      <h3 id="settings-about">{t('settings.about')}</h3>
      <dl className="versions">
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
      <h4>{t('settings.licences')}</h4>
      <p>{t('settings.licencesBody', { count: licences.length })}</p>
      <div className="licences-scroller" tabIndex={0} role="region" aria-label={t('settings.licences')}>
        <table className="licences">
          <thead>
            <tr>
              <th scope="col">{t('settings.licence.package')}</th>
              <th scope="col">{t('settings.licence.version')}</th>
              <th scope="col">{t('settings.licence.licence')}</th>
            </tr>
          </thead>
          <tbody>
            {licences.map((entry) => (
              <tr key={`${entry.name}@${entry.version}`}>
                <td>{entry.name}</td>
                <td>{entry.version}</td>
                <td>{entry.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
