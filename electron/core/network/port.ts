/**
 * The one network port (issue 13): every HTTP request core makes — the AWS SDK clients, OIDC and
 * Identity Center, JWKS, SAML — goes through `NetworkPort.fetch`. Electron's host implements it on
 * Chromium's stack (`net.request`: system proxy, PAC/WPAD, NTLM/Kerberos, OS certificates);
 * the web host, tests and plain Node implement it on undici.
 */
import type { NetworkSettings } from '@shared/models/network';

/** WHATWG fetch semantics (what oauth4webapi, jose and the SDK handler expect). */
export type NetworkFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A proxy asks for credentials (HTTP 407, or Electron's `login` event with `isProxy`). */
export interface ProxyChallenge {
  /** `host:port` of the proxy asking, in ASCII. */
  readonly proxy: string;
  /** `basic`, `digest`, `ntlm`, `negotiate`… lower case, as the proxy announced it. */
  readonly scheme: string;
  readonly realm?: string;
  /** The host Deskbridge was trying to reach, so the dialog can say why it is asking. */
  readonly forHost: string;
  /** 1 for the first ask in this run for this proxy; the caller stops after a bounded number. */
  readonly attempt: number;
}

export interface ProxyCredentials {
  readonly username: string;
  readonly password: string;
}

/** Asks the user (a Deskbridge dialog); null when they cancel. Answers live in memory for this run. */
export type ProxyCredentialsPrompt = (challenge: ProxyChallenge) => Promise<ProxyCredentials | null>;

export interface NetworkHooks {
  readonly askProxyCredentials: ProxyCredentialsPrompt;
}

/** What the host uses, for errors and Diagnostics: e.g. `DIRECT`, `PROXY proxy.corp:3128`. */
export interface ActiveNetwork {
  readonly settings: NetworkSettings;
  /** Where the choice came from: the user's settings, managed configuration, or the environment. */
  readonly source: 'settings' | 'managed' | 'environment' | 'default';
  readonly description: string;
}

export interface NetworkPort {
  readonly fetch: NetworkFetch;
  /** The proxy the host would use for `url`, in PAC result form (`DIRECT`, `PROXY host:port`). */
  resolveProxy(url: string): Promise<string>;
  /** Apply new settings (Settings → Network); later requests use them. */
  configure(settings: NetworkSettings): Promise<void>;
  active(): ActiveNetwork;
  dispose(): Promise<void>;
}

/** The composition root injects a factory: core hands it the hooks (the proxy sign-in dialog). */
export type NetworkFactory = (hooks: NetworkHooks) => NetworkPort;
