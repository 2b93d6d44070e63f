/** NetworkProbe on node:dns, node:net and node:tls. */
import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';
import * as tls from 'node:tls';
import { connect as tlsConnect, rootCertificates, type PeerCertificate } from 'node:tls';
import type { NetworkProbe, TlsHandshake } from './probe';

export interface NodeProbeOptions {
  /** Extra CA certificates (PEM) trusted besides Node's own, as Settings → Network's CA file. */
  readonly ca?: readonly string[];
}

function aborted(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The probe was stopped.');
}

/** Runs `start` and settles with the first of its result or the signal's abort. */
function untilAborted<T>(signal: AbortSignal, start: (settle: (error: Error | null, value?: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(aborted(signal));
      return;
    }
    let cleanup: () => void = () => undefined;
    const onAbort = () => {
      cleanup();
      reject(aborted(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    cleanup = start((error, value) => {
      signal.removeEventListener('abort', onAbort);
      cleanup();
      if (error) reject(error);
      else resolve(value as T);
    });
  });
}

function issuerOf(certificate: PeerCertificate | undefined): string {
  const issuer: Partial<Record<string, string | string[]>> | undefined = certificate?.issuer;
  const name = issuer?.CN ?? issuer?.O;
  return Array.isArray(name) ? name.join(', ') : (name ?? 'unknown');
}

type CaStore = 'default' | 'system';

/**
 * What the handshake trusts: Node's own CAs, the OS store where this Node can read it (as
 * Chromium does; Node 22.15+), and the configured extra CAs. Passing `ca` replaces Node's
 * defaults, so they are listed too. Undefined: Node's defaults as they are.
 */
export function trustedCertificates(extra: readonly string[] = []): string[] | undefined {
  const read = (tls as unknown as { getCACertificates?: (store: CaStore) => string[] }).getCACertificates;
  if (!read && extra.length === 0) return undefined;
  const base = read ? [...read('default'), ...read('system')] : [...rootCertificates];
  return [...base, ...extra];
}

export function nodeNetworkProbe(options: NodeProbeOptions = {}): NetworkProbe {
  const ca = trustedCertificates(options.ca);
  return {
    lookup: async (host, signal) => {
      if (isIP(host)) return [host];
      const found = await untilAborted<{ address: string }[]>(signal, (settle) => {
        lookup(host, { all: true }).then(
          (addresses) => settle(null, addresses),
          (error: Error) => settle(error),
        );
        return () => undefined;
      });
      return found.map((entry) => entry.address);
    },
    connect: (address, port, signal) =>
      untilAborted<void>(signal, (settle) => {
        const socket = new Socket();
        socket.once('connect', () => settle(null));
        socket.once('error', (error) => settle(error));
        socket.connect({ host: address, port });
        return () => socket.destroy();
      }),
    handshake: (host, address, port, signal) =>
      untilAborted<TlsHandshake>(signal, (settle) => {
        let connectedAt = 0;
        const socket = tlsConnect({
          host: address,
          port,
          ...(isIP(host) ? {} : { servername: host }),
          // Not trusting is a finding to report (TLS inspection), not a reason to stop: verified below.
          rejectUnauthorized: false,
          ...(ca ? { ca } : {}),
        });
        socket.once('connect', () => {
          connectedAt = performance.now();
        });
        socket.once('secureConnect', () => {
          const ms = performance.now() - connectedAt;
          const error = socket.authorizationError;
          settle(null, {
            ms,
            issuer: issuerOf(socket.getPeerCertificate()),
            trusted: socket.authorized,
            ...(error ? { authorizationError: typeof error === 'string' ? error : ((error as NodeJS.ErrnoException).code ?? error.message) } : {}),
          });
        });
        socket.once('error', (error: Error) => settle(error));
        return () => socket.destroy();
      }),
  };
}
