import { startLocalBroker, type LocalBroker, type LocalBrokerOptions } from '../../broker/src/local-server';
import { DIRECTORY_FULL, DIRECTORY_RESTRICTED, OIDC_CLIENT_ID } from './seed';

/** What the broker needs of a running local cloud (an Emulator, or the banner `npm start` reads). */
export interface BrokerHost {
  readonly endpoints: { readonly workspaces: string; readonly oidcIssuer: string };
  readonly brokerCredentials: LocalBrokerOptions['credentials'];
  readonly region?: string;
}

/**
 * The local cloud's broker: the broker's handler on 127.0.0.1 in front of the emulator's
 * WorkSpaces with the broker's own role, trusting the emulator's identity provider (the demo
 * client as audience), over both demo directories. `npm start`, the tests and the benchmarks
 * start it here and change only what they are about.
 */
export function startDemoBroker(host: BrokerHost, overrides: Partial<LocalBrokerOptions> = {}): Promise<LocalBroker> {
  return startLocalBroker({
    workspacesEndpoint: host.endpoints.workspaces,
    region: host.region ?? 'us-east-1',
    credentials: host.brokerCredentials,
    issuer: host.endpoints.oidcIssuer,
    audience: OIDC_CLIENT_ID,
    userNameClaim: 'preferred_username',
    name: 'Deskbridge Demo (Broker)',
    directoryIds: [DIRECTORY_FULL, DIRECTORY_RESTRICTED],
    log: () => undefined,
    ...overrides,
  });
}
