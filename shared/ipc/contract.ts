/**
 * The one IPC contract: served by electron/main/ipc, exposed by electron/preload, and served
 * again by test/harness over a WebSocket. Every method is async request/response and returns a
 * Result; pushes from core are events.
 */
import { appEvents, appMethods, type AppApi, type AppEvents } from './domains/app';
import { authEvents, authMethods, type AuthApi, type AuthEvents } from './domains/auth';
import { desktopsEvents, desktopsMethods, type DesktopsApi, type DesktopsEvents } from './domains/desktops';
import { diagnosticsEvents, diagnosticsMethods, type DiagnosticsApi, type DiagnosticsEvents } from './domains/diagnostics';
import { orgsEvents, orgsMethods, type OrgsApi, type OrgsEvents } from './domains/orgs';
import { sessionsEvents, sessionsMethods, type SessionsApi, type SessionsEvents } from './domains/sessions';
import { settingsEvents, settingsMethods, type SettingsApi, type SettingsEvents } from './domains/settings';
import { networkEvents, networkMethods, type NetworkApi, type NetworkEvents } from './domains/network';

export interface DeskbridgeApi {
  readonly app: AppApi;
  readonly orgs: OrgsApi;
  readonly auth: AuthApi;
  readonly sessions: SessionsApi;
  readonly desktops: DesktopsApi;
  readonly diagnostics: DiagnosticsApi;
  readonly settings: SettingsApi;
  readonly network: NetworkApi;
}

export type DeskbridgeEvents = AppEvents & OrgsEvents & AuthEvents & SessionsEvents & DesktopsEvents & DiagnosticsEvents & SettingsEvents & NetworkEvents;

export type Domain = keyof DeskbridgeApi;

/** Runtime manifest: every domain's method names. Channel names are `domain:method`. */
export const API_MANIFEST = {
  app: appMethods,
  orgs: orgsMethods,
  auth: authMethods,
  sessions: sessionsMethods,
  desktops: desktopsMethods,
  diagnostics: diagnosticsMethods,
  settings: settingsMethods,
  network: networkMethods,
} as const satisfies { readonly [D in Domain]: readonly (keyof DeskbridgeApi[D])[] };

export const EVENT_NAMES = [
  ...appEvents,
  ...orgsEvents,
  ...authEvents,
  ...sessionsEvents,
  ...desktopsEvents,
  ...diagnosticsEvents,
  ...settingsEvents,
  ...networkEvents,
] as const satisfies readonly (keyof DeskbridgeEvents)[];

// Compile-time proof that the manifest lists every method and every event of the interfaces.
type Missing<D extends Domain> = Exclude<keyof DeskbridgeApi[D], (typeof API_MANIFEST)[D][number]>;
type AssertNever<T extends never> = T;
export type ManifestIsComplete = AssertNever<{ [D in Domain]: Missing<D> }[Domain]>;
export type EventsAreComplete = AssertNever<Exclude<keyof DeskbridgeEvents, (typeof EVENT_NAMES)[number]>>;

export function channelName(domain: string, method: string): string {
  return `${domain}:${method}`;
}

export const EVENT_CHANNEL_PREFIX = 'event:';

export type EventListener<E extends keyof DeskbridgeEvents> = (payload: DeskbridgeEvents[E]) => void;

/** What renderer code sees as window.deskbridge, whichever host serves it. */
export type DeskbridgeBridge = DeskbridgeApi & {
  on<E extends keyof DeskbridgeEvents>(event: E, listener: EventListener<E>): () => void;
};

/** Who called, as the host saw it (the IPC sender frame, the web host's socket): never from a page's arguments. */
export interface Caller {
  /** `protocol//host` of the calling page, e.g. `app://deskbridge`. */
  readonly origin: string;
}

/** Methods the host calls with the Caller appended after the page's (validated) arguments. */
export const CALLER_BOUND_CHANNELS: readonly string[] = ['sessions:vncTicket'];
