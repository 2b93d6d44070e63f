/**
 * The tray / menu-bar entry: the desktops with Connect, "Open Deskbridge", and "Quit", which ends
 * every session before the app quits. It follows core's desktops snapshot and the language
 * preference through the contract, like any other client of core.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { DeskbridgeApi } from '@shared/ipc/contract';
import type { DesktopsSnapshot } from '@shared/ipc/domains/desktops';
import type { EventBus } from '../core/events';
import { connectPlan } from '@shared/lib/self-service';
import { fill, TRAY_LABELS, trayLanguage, type TrayLabels } from './tray-labels';

export interface TrayElectron {
  readonly Tray: new (image: NativeImage | string) => Tray;
  readonly Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
}

export interface TrayDeps {
  readonly electron: TrayElectron;
  readonly icon: NativeImage | string;
  readonly api: Pick<DeskbridgeApi, 'desktops' | 'sessions' | 'settings'>;
  readonly events: Pick<EventBus, 'on'>;
  /** The OS's locale (app.getLocale()), for the "system" language. */
  readonly osLocale: string;
  readonly openMain: () => void;
  readonly quit: () => void;
  readonly log: (message: string, error?: unknown) => void;
}

export interface DeskbridgeTray {
  /** The template of the menu shown now (tests, and a rebuild after changes). */
  template(): MenuItemConstructorOptions[];
  /** Ends every session, then quits. */
  quit(): Promise<void>;
  dispose(): void;
}

const EMPTY: DesktopsSnapshot = { orgs: [], desktops: [], offline: false };

export function desktopItems(snapshot: DesktopsSnapshot, labels: TrayLabels, connect: (key: string) => void): MenuItemConstructorOptions[] {
  if (snapshot.desktops.length === 0) return [{ label: labels.noDesktops, enabled: false }];
  return snapshot.desktops.map((desktop) => {
    const plan = connectPlan(desktop);
    return {
      id: `desktop:${desktop.key}`,
      label: fill(plan === 'start-then-launch' ? labels.startAndConnect : labels.connect, desktop.name),
      enabled: plan !== 'unavailable' && desktop.pending === undefined,
      click: () => connect(desktop.key),
    };
  });
}

export function createTray(deps: TrayDeps): DeskbridgeTray {
  let snapshot = EMPTY;
  let language = trayLanguage('system', deps.osLocale);
  let quitting = false;
  const tray = new deps.electron.Tray(deps.icon);

  const connect = (key: string): void => {
    void deps.api.desktops.connect(key).then((result) => {
      if (!result.ok) deps.log(`Connect from the tray was refused (${result.error.code})`);
    });
  };

  const template = (): MenuItemConstructorOptions[] => {
    const labels = TRAY_LABELS[language];
    return [
      { label: labels.desktops, enabled: false },
      ...desktopItems(snapshot, labels, connect),
      { type: 'separator' },
      { id: 'open', label: labels.open, click: () => deps.openMain() },
      { id: 'quit', label: labels.quit, click: () => void quit() },
    ];
  };

  const render = (): void => {
    tray.setToolTip(TRAY_LABELS[language].tooltip);
    tray.setContextMenu(deps.electron.Menu.buildFromTemplate(template()));
  };

  const quit = async (): Promise<void> => {
    if (quitting) return;
    quitting = true;
    try {
      const listed = await deps.api.sessions.list();
      const sessions = listed.ok ? listed.value.sessions : [];
      await Promise.all(sessions.map((s) => deps.api.sessions.disconnect(s.id)));
    } catch (error) {
      deps.log('Ending sessions before quitting failed', error);
    }
    deps.quit();
  };

  const unsubscribe = [
    deps.events.on('desktops:changed', (next) => {
      snapshot = next;
      render();
    }),
    deps.events.on('settings:changed', (view) => {
      language = trayLanguage(view.preferences.language, deps.osLocale);
      render();
    }),
  ];
  tray.on('click', () => deps.openMain());
  render();
  void Promise.all([deps.api.desktops.list(), deps.api.settings.get()]).then(([desktops, settings]) => {
    if (desktops.ok) snapshot = desktops.value;
    if (settings.ok) language = trayLanguage(settings.value.preferences.language, deps.osLocale);
    render();
  });

  return {
    template,
    quit,
    dispose: () => {
      for (const off of unsubscribe) off();
      tray.destroy();
    },
  };
}
