import type { NetworkSettings } from '@shared/models/network';
import type { Result } from '../result';

/** What Settings → Network shows: the settings in force, who set them, and what is used now. */
export interface NetworkState {
  /** The settings in force (the user's, or IT's when managed configuration sets them). */
  readonly settings: NetworkSettings;
  /** IT's managed configuration presets the network settings. */
  readonly managed: boolean;
  /** IT locked them: shown, not changeable. */
  readonly locked: boolean;
  /** The active choice, e.g. `DIRECT`, `PROXY proxy.corp:3128`, `HTTPS_PROXY=…`; and where it came from. */
  readonly active: { readonly description: string; readonly source: 'settings' | 'managed' | 'environment' | 'default' };
}

/** A proxy asks for credentials: the dialog names the proxy, the host Deskbridge was reaching, and why. */
export interface ProxyLoginQuestion {
  readonly id: string;
  /** `host:port` of the proxy. */
  readonly proxy: string;
  readonly forHost: string;
  readonly scheme: string;
  readonly realm?: string;
  /** 1 for the first ask in this run; more means the last answer was not accepted. */
  readonly attempt: number;
}

/** Kept in memory for this run only; never stored, never logged. */
export interface ProxyLoginAnswer {
  readonly username: string;
  readonly password: string;
}

export interface NetworkApi {
  get(): Promise<Result<NetworkState>>;
  update(settings: NetworkSettings): Promise<Result<NetworkState>>;
  /** null cancels: the request that needed the proxy fails with network.proxyCancelled. */
  answerProxyLogin(id: string, answer: ProxyLoginAnswer | null): Promise<Result<null>>;
}

export interface NetworkEvents {
  'network:proxyLogin': ProxyLoginQuestion;
  'network:changed': NetworkState;
}

export const networkMethods = ['get', 'update', 'answerProxyLogin'] as const;
export const networkEvents = ['network:proxyLogin', 'network:changed'] as const;
