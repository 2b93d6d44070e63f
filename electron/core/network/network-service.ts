/**
 * Settings → Network in core: the settings in force (the user's, or IT's preset, maybe locked),
 * applied to the network port, and the proxy sign-in questions the port asks the user (an event
 * out, an answer back; the answer lives in the port's memory for this run only).
 */
import { randomBytes } from 'node:crypto';
import type { NetworkApi, NetworkState, ProxyLoginAnswer } from '@shared/ipc/domains/network';
import { fail, ok, type Result } from '@shared/ipc/result';
import { DEFAULT_NETWORK_SETTINGS, type ManagedNetworkPolicy, type NetworkSettings } from '@shared/models/network';
import type { EventBus } from '../events';
import type { ScopedLogger } from '../log/logger';
import type { SettingsStore } from '../settings/settings-store';
import { checkProxyUrl, NetworkSettingsError } from './node-network';
import type { NetworkPort, ProxyChallenge, ProxyCredentials } from './port';

export class NetworkService {
  private port: NetworkPort | null = null;
  private readonly questions = new Map<string, (answer: ProxyCredentials | null) => void>();

  constructor(
    private readonly store: SettingsStore,
    private readonly managed: ManagedNetworkPolicy | undefined,
    private readonly events: EventBus,
    private readonly log: ScopedLogger,
  ) {}

  /** The settings in force: locked IT settings; else the user's; else IT's preset; else the default. */
  settings(): NetworkSettings {
    const preset = this.preset();
    if (this.managed?.locked && preset) return preset;
    return this.store.get().preferences.network ?? preset ?? DEFAULT_NETWORK_SETTINGS;
  }

  private preset(): NetworkSettings | null {
    if (!this.managed || (this.managed.proxy === undefined && this.managed.caFile === undefined)) return null;
    return { proxy: this.managed.proxy ?? DEFAULT_NETWORK_SETTINGS.proxy, ...(this.managed.caFile ? { caFile: this.managed.caFile } : {}) };
  }

  /** Connects the port and applies the settings in force; a setting it cannot use is logged and the default used. */
  async attach(port: NetworkPort): Promise<void> {
    this.port = port;
    try {
      await port.configure(this.settings());
    } catch (error) {
      this.log.warn(`Network settings could not be applied, using the defaults: ${(error as Error).message}`);
      await port.configure(DEFAULT_NETWORK_SETTINGS).catch(() => undefined);
    }
  }

  state(): NetworkState {
    const active = this.port?.active();
    const fromIt = this.preset() !== null && (this.managed?.locked === true || this.store.get().preferences.network === undefined);
    return {
      settings: this.settings(),
      managed: this.preset() !== null,
      locked: this.managed?.locked === true,
      active: { description: active?.description ?? 'DIRECT', source: fromIt ? 'managed' : (active?.source ?? 'default') },
    };
  }

  async update(settings: NetworkSettings): Promise<Result<NetworkState>> {
    if (this.managed?.locked) return fail('network.locked', 'Your IT department manages the network settings.');
    try {
      if (settings.proxy.mode === 'manual') checkProxyUrl(settings.proxy.url);
      await this.port?.configure(settings);
    } catch (error) {
      if (!(error instanceof NetworkSettingsError)) throw error;
      await this.port?.configure(this.settings()).catch(() => undefined);
      return error.field === 'proxy'
        ? fail('network.invalidProxyUrl', error.message, error.message)
        : fail('network.caFileUnusable', error.message, error.message);
    }
    await this.store.update((current) => ({ ...current, preferences: { ...current.preferences, network: settings } }));
    const state = this.state();
    this.log.info(`Network settings changed: ${state.active.description}`);
    this.events.emit('network:changed', state);
    return ok(state);
  }

  /** The port's hook: asks the user through the window, waits for the answer (null: cancelled). */
  askProxyCredentials = (challenge: ProxyChallenge): Promise<ProxyCredentials | null> => {
    const id = randomBytes(12).toString('hex');
    return new Promise((resolve) => {
      this.questions.set(id, resolve);
      this.log.info(`The proxy ${challenge.proxy} asks for credentials (reaching ${challenge.forHost}, try ${challenge.attempt})`);
      this.events.emit('network:proxyLogin', {
        id,
        proxy: challenge.proxy,
        forHost: challenge.forHost,
        scheme: challenge.scheme,
        attempt: challenge.attempt,
        ...(challenge.realm ? { realm: challenge.realm } : {}),
      });
    });
  };

  answer(id: string, answer: ProxyLoginAnswer | null): Result<null> {
    const resolve = this.questions.get(id);
    if (!resolve) return fail('network.noQuestion', 'That proxy sign-in question was already answered.');
    this.questions.delete(id);
    resolve(answer === null ? null : { username: answer.username, password: answer.password });
    return ok(null);
  }

  dispose(): void {
    for (const resolve of this.questions.values()) resolve(null);
    this.questions.clear();
  }
}

export function createNetworkApi(service: NetworkService): NetworkApi {
  return {
    get: async () => ok(service.state()),
    update: (settings) => service.update(settings),
    answerProxyLogin: async (id, answer) => service.answer(id, answer),
  };
}
