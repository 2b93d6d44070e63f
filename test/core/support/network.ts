import { NodeNetwork } from '@core/network/node-network';
import type { NetworkFetch } from '@core/network/port';

/**
 * Core's network port as tests use it by default: the real undici adapter, direct (no proxy from
 * the test machine's environment), Node's own CAs. Proxy tests build their own.
 */
export const directNetwork = new NodeNetwork(
  { askProxyCredentials: () => Promise.resolve(null) },
  { env: {}, systemCaFiles: [], settings: { proxy: { mode: 'none' } } },
);

export const testFetch: NetworkFetch = directNetwork.fetch;
