/**
 * The tray menu's words. The menu is drawn by the OS from the main process, where the renderer's
 * catalogs are out of reach, so its few strings live here, in every language the renderer ships.
 */
import type { Language } from '@shared/ipc/domains/settings';

export interface TrayLabels {
  readonly tooltip: string;
  readonly desktops: string;
  readonly noDesktops: string;
  /** `{name}`: the desktop's name. */
  readonly connect: string;
  /** `{name}`: a stopped desktop is started, then opened. */
  readonly startAndConnect: string;
  readonly open: string;
  readonly quit: string;
}

export const TRAY_LABELS: Readonly<Record<Language, TrayLabels>> = {
  en: {
    tooltip: 'Deskbridge',
    desktops: 'Desktops',
    noDesktops: 'No desktops yet',
    connect: 'Connect to {name}',
    startAndConnect: 'Start and connect to {name}',
    open: 'Open Deskbridge',
    quit: 'Quit Deskbridge',
  },
  de: {
    tooltip: 'Deskbridge',
    desktops: 'Desktops',
    noDesktops: 'Noch keine Desktops',
    connect: 'Mit {name} verbinden',
    startAndConnect: '{name} starten und verbinden',
    open: 'Deskbridge öffnen',
    quit: 'Deskbridge beenden',
  },
  fr: {
    tooltip: 'Deskbridge',
    desktops: 'Bureaux',
    noDesktops: 'Aucun bureau pour l’instant',
    connect: 'Se connecter à {name}',
    startAndConnect: 'Démarrer {name} et s’y connecter',
    open: 'Ouvrir Deskbridge',
    quit: 'Quitter Deskbridge',
  },
  es: {
    tooltip: 'Deskbridge',
    desktops: 'Escritorios',
    noDesktops: 'Todavía no hay escritorios',
    connect: 'Conectar a {name}',
    startAndConnect: 'Iniciar {name} y conectar',
    open: 'Abrir Deskbridge',
    quit: 'Salir de Deskbridge',
  },
  ja: {
    tooltip: 'Deskbridge',
    desktops: 'デスクトップ',
    noDesktops: 'デスクトップはまだありません',
    connect: '{name} に接続',
    startAndConnect: '{name} を起動して接続',
    open: 'Deskbridge を開く',
    quit: 'Deskbridge を終了',
  },
};

/** The language the tray speaks: the preference, else the OS's locale, else English. */
export function trayLanguage(preference: string, osLocale: string): Language {
  const wanted = preference === 'system' ? osLocale.slice(0, 2).toLowerCase() : preference;
  return Object.hasOwn(TRAY_LABELS, wanted) ? (wanted as Language) : 'en';
}

export function fill(template: string, name: string): string {
  return template.replace('{name}', name);
}
