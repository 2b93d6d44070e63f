/**
 * The network check's raw probes (issue 13, Diagnostics): DNS, TCP connect and the TLS handshake,
 * below the NetworkPort. The HTTP part of a check goes through `NetworkPort.fetch`, so it takes the
 * same proxy and certificates as every other request. Node's implementation: probe-node.ts.
 */

/** What the TLS handshake showed: who issued the server's certificate and whether it is trusted. */
export interface TlsHandshake {
  /** Milliseconds from TCP connected to handshake done. */
  readonly ms: number;
  /** The issuer of the server's certificate (CN, else O), as the server presented it. */
  readonly issuer: string;
  readonly trusted: boolean;
  /** Why the certificate is not trusted (e.g. SELF_SIGNED_CERT_IN_CHAIN), when it is not. */
  readonly authorizationError?: string;
}

export interface NetworkProbe {
  /** Every address the host resolves to (IP literals resolve to themselves). */
  lookup(host: string, signal: AbortSignal): Promise<readonly string[]>;
  /** Opens and closes a TCP connection. */
  connect(address: string, port: number, signal: AbortSignal): Promise<void>;
  /** A TLS handshake with `host` (SNI) at `address`; resolves even when the certificate is not trusted. */
  handshake(host: string, address: string, port: number, signal: AbortSignal): Promise<TlsHandshake>;
}
