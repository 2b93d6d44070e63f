/** Core: every Node-only service of Deskbridge, composed from injected ports; never imports electron. */
import type { DeskbridgeApi } from '@shared/ipc/contract';
import type { AppInfo } from '@shared/ipc/domains/app';
import { createApi } from './api';
import { NoticeCenter } from './app/notice-center';
import { AuthService } from './auth/auth-service';
import type { SamlCapture } from './auth/saml-capture';
import { EventBus } from './events';
import { Logger } from './log/logger';
import { NetworkCheck } from './network/network-check';
import type { NetworkFactory } from './network/port';
import type { NetworkProbe } from './network/probe';
import type { GatewayTable } from './network/probe-gateways';
import { nodeNetworkProbe } from './network/probe-node';
import { LinkInbox } from './orgs/link-inbox';
import { loadManagedPolicy, type ManagedConfigSource, policyFileSource } from './orgs/managed-policy';
import { OrgService } from './orgs/org-service';
import { type Browser, type Clock, type Paths, type SecretStore, systemClock } from './ports';
import { NetworkService } from './network/network-service';
import { nodeNetwork } from './network/node-network';
import { createSessions, type SessionPorts } from './sessions';
import { PreferencesService } from './settings/preferences-service';
import { withRuntimeVersions } from './settings/runtime-versions';
import { SettingsStore } from './settings/settings-store';
import { boundedSecretStore } from './vault/bounded-secret-store';
import { SignInVault } from './vault/sign-in-vault';
import { createDesktops } from './workspaces';
import { fetchBrokerConfig } from './workspaces/broker-client';

export interface CoreDeps {
  readonly info: AppInfo;
  readonly paths: Paths;
  readonly secrets: SecretStore;
  readonly browser: Browser;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /**
   * IT's managed configuration from the OS's admin-only channel; `paths.policyFile`, when set (a
   * development build or a test), is read instead.
   */
  readonly managedConfig?: ManagedConfigSource;
  /** Native clients, the workspaces:// handler and session windows (Node defaults when absent). */
  readonly sessions?: SessionPorts;
  /** SAML's sign-in window (Electron); absent on hosts without it. */
  readonly samlWindow?: SamlCapture;
  /** The one network port for all of core's HTTP (Electron: Chromium's stack; default: undici). */
  readonly network?: NetworkFactory;
  /** The network check's raw probes and gateway table (defaults: node:dns/net/tls, AWS's table). */
  readonly networkCheck?: { readonly probe?: NetworkProbe; readonly gateways?: GatewayTable; readonly totalMs?: number };
}

export interface Core {
  readonly api: DeskbridgeApi;
  readonly events: EventBus;
  readonly logger: Logger;
  /** A deskbridge:// link from the OS (argv, open-url) or a test. */
  receiveDeepLink(url: unknown): void;
  dispose(): Promise<void>;
}

export async function createCore(deps: CoreDeps): Promise<Core> {
  const events = new EventBus();
  const logger = deps.logger ?? new Logger();
  const notices = new NoticeCenter(events);
  const store = new SettingsStore(deps.paths.settingsFile);
  const loaded = await store.load();
  if (loaded.recovery) notices.add('warning', 'settings-reset', loaded.recovery.message, loaded.recovery.details);
  const policy = await loadManagedPolicy(deps.paths.policyFile ? policyFileSource(deps.paths.policyFile) : (deps.managedConfig ?? null));
  if (policy.kind === 'invalid') notices.add('error', 'policy-ignored', policy.message, `${policy.message}\n${policy.details}`);
  const orgs = new OrgService(store, policy.kind === 'loaded' ? policy.policy : null, events);
  const preferences = new PreferencesService(store, policy.kind === 'loaded' ? policy.policy.preferences : undefined, events);
  const networkService = new NetworkService(store, policy.kind === 'loaded' ? policy.policy.network : undefined, events, logger.scoped('network'));
  const network = (deps.network ?? nodeNetwork())({ askProxyCredentials: networkService.askProxyCredentials });
  await networkService.attach(network);
  const links = new LinkInbox(
    events,
    notices,
    (input) => orgs.vet(input),
    (brokerUrl) => fetchBrokerConfig(brokerUrl, network.fetch),
  );
  const clock = deps.clock ?? systemClock;
  const auth = new AuthService({
    orgs,
    events,
    notices,
    vault: new SignInVault(deps.secrets, clock),
    browser: deps.browser,
    clock,
    fetch: network.fetch,
    log: logger.scoped('auth'),
    ...(deps.samlWindow ? { samlWindow: deps.samlWindow } : {}),
  });
  const desktops = createDesktops({ auth, clock, events, log: logger.scoped('desktops'), fetch: network.fetch });
  const sessions = createSessions(
    {
      events,
      logger,
      // Remembered VNC passwords: read at each launch, wiped at sign-out, removal and when a
      // dropped profile goes at start; a keychain that never answers must not hold any of these.
      secrets: boundedSecretStore(deps.secrets, clock),
      browser: deps.browser,
      orgs,
      clock,
      auth,
      findDesktop: (key) => desktops.service.find(key),
      onReady: (listener) => desktops.service.onReady(listener),
      preferences: () => preferences.current(),
      onLaunched: (key, error) => (error === null ? desktops.service.markLaunched(key) : desktops.service.reportLaunchFailure(key, error)),
    },
    deps.sessions,
  );
  // Profiles that break the trust rules go now, with what their removal hooks wipe (keychain
  // entries of auth and sessions), before any remembered sign-in is restored.
  for (const dropped of await orgs.dropUntrusted()) {
    notices.add(
      'warning',
      'org-removed-untrusted',
      `“${dropped.name}” (${dropped.code}) was removed: it used addresses that only your IT department can set.`,
      dropped.details,
      { name: dropped.name, code: dropped.code },
    );
  }
  // Remembered sign-ins come back in the background; the window shows "signing in" meanwhile.
  void auth.restore();
  const networkCheck = new NetworkCheck({
    orgs: () => orgs.snapshot().organizations,
    network,
    probe: deps.networkCheck?.probe ?? nodeNetworkProbe(),
    info: deps.info,
    ...(deps.networkCheck?.gateways ? { gateways: deps.networkCheck.gateways } : {}),
    ...(deps.networkCheck?.totalMs ? { totalMs: deps.networkCheck.totalMs } : {}),
  });
  const api = createApi({
    info: withRuntimeVersions(deps.info),
    notices,
    orgs,
    links,
    auth,
    sessions,
    desktops,
    logger,
    networkCheck,
    preferences,
    network: networkService,
  });
  logger.log('info', 'core', `Deskbridge core started (${deps.info.host})`);
  return {
    api,
    events,
    logger,
    receiveDeepLink: (url) => {
      links.receive(url);
    },
    dispose: async () => {
      desktops.service.dispose();
      auth.dispose();
      await sessions.dispose();
      networkService.dispose();
      await network.dispose();
      logger.log('info', 'core', 'Deskbridge core stopped');
    },
  };
}
