/**
 * The network check in Diagnostics (issue 13): for each organization, every endpoint it needs —
 * identity provider, Identity Center, STS, the WorkSpaces API of its Region and the Region's
 * streaming gateways — probed for DNS, TCP, TLS and HTTP, in parallel within a total bound.
 * Results stay on this machine: the report is text the user may copy for their IT department.
 */
import { setMaxListeners } from 'node:events';
import type { AppInfo } from '@shared/ipc/domains/app';
import type { NetworkCheckReport, NetworkProbeResult, NetworkTargetKind, ProbeStep } from '@shared/ipc/domains/diagnostics';
import type { OrgProfile } from '@shared/models/org';
import { DEFAULT_REGION, endpointsOf } from '../auth/aws-config';
import type { ActiveNetwork, NetworkPort } from './port';
import type { NetworkProbe } from './probe';
import { awsStreamingGateways, GATEWAY_SOURCE, type GatewayTable } from './probe-gateways';

/** The whole check ends within about this long; a probe still waiting then reports "timed out". */
export const NETWORK_CHECK_TOTAL_MS = 10_000;

export interface NetworkTarget {
  readonly orgName: string;
  readonly kind: NetworkTargetKind;
  readonly host: string;
  readonly port: number;
  /** HTTP endpoints only: what is fetched (through the NetworkPort) after DNS, TCP and TLS. */
  readonly url?: string;
}

export interface NetworkCheckDeps {
  readonly orgs: () => readonly OrgProfile[];
  /** `active` (when the host has it) names the proxy choice at the top of the report. */
  readonly network: Pick<NetworkPort, 'fetch' | 'resolveProxy'> & Partial<Pick<NetworkPort, 'active'>>;
  readonly probe: NetworkProbe;
  readonly info: AppInfo;
  /** The Region's streaming gateways (AWS's published table unless a test points elsewhere). */
  readonly gateways?: GatewayTable;
  readonly totalMs?: number;
  readonly now?: () => number;
}

function httpTarget(orgName: string, kind: NetworkTargetKind, url: string): NetworkTarget {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'http:' ? 80 : 443;
  return { orgName, kind, host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port, url: parsed.href };
}

function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/** Every endpoint one organization needs, in the order a sign-in and a connection reach them. */
export function targetsOf(org: OrgProfile, gateways: GatewayTable = awsStreamingGateways): NetworkTarget[] {
  const region = org.region ?? DEFAULT_REGION;
  const endpoints = endpointsOf(org);
  const targets: NetworkTarget[] = [];
  switch (org.signIn.method) {
    case 'oidc':
      targets.push(httpTarget(org.name, 'idp', discoveryUrl(org.signIn.issuer)), httpTarget(org.name, 'sts', endpoints.sts));
      break;
    case 'saml':
      targets.push(httpTarget(org.name, 'idp', org.signIn.signInUrl), httpTarget(org.name, 'sts', endpoints.sts));
      break;
    case 'identity-center':
      targets.push(
        httpTarget(org.name, 'idp', org.signIn.startUrl),
        httpTarget(org.name, 'identity-center-oidc', endpoints.ssoOidc),
        httpTarget(org.name, 'identity-center-portal', endpoints.sso),
      );
      break;
  }
  targets.push(httpTarget(org.name, 'workspaces-api', org.endpoints?.workspaces ?? `https://workspaces.${region}.amazonaws.com`));
  for (const gateway of gateways(region)) targets.push({ orgName: org.name, kind: 'streaming-gateway', host: gateway.host, port: gateway.port });
  return targets;
}

/** An error's code and message, and its cause's (fetch wraps the socket's error). */
export function describeProbeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const own = `${code ? `${code}: ` : ''}${error.message}`;
  return error.cause === undefined ? own : `${own} (${describeProbeError(error.cause)})`;
}

const SKIPPED: ProbeStep = { status: 'skipped' };

function isDirect(proxy: string): boolean {
  const first = proxy.split(';')[0]?.trim().toUpperCase() ?? '';
  return first === '' || first === 'DIRECT';
}

class ProbeRun {
  constructor(
    private readonly deps: NetworkCheckDeps,
    private readonly signal: AbortSignal,
    private readonly now: () => number,
  ) {}

  /** Runs one step, timing it; a step cut off by the total bound reports "timed out". */
  private async step<T>(run: () => Promise<T>, detail: (value: T) => string | undefined): Promise<{ step: ProbeStep; value?: T }> {
    if (this.signal.aborted) return { step: { status: 'timed-out' } };
    const start = this.now();
    try {
      const value = await run();
      const text = detail(value);
      return { step: { status: 'ok', ms: Math.round(this.now() - start), ...(text ? { detail: text } : {}) }, value };
    } catch (error) {
      const ms = Math.round(this.now() - start);
      if (this.signal.aborted) return { step: { status: 'timed-out', ms } };
      return { step: { status: 'failed', ms, detail: describeProbeError(error) } };
    }
  }

  async probe(target: NetworkTarget): Promise<NetworkProbeResult> {
    const base = {
      orgName: target.orgName,
      kind: target.kind,
      target: `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`,
      ...(target.url ? { url: target.url } : {}),
    };
    // Streaming is TCP straight to the gateway; only HTTP endpoints go through the proxy.
    const proxy = target.url ? await this.deps.network.resolveProxy(target.url).catch((error: unknown) => `unknown (${describeProbeError(error)})`) : 'DIRECT';
    if (!isDirect(proxy)) {
      const through: ProbeStep = { status: 'skipped', detail: `through ${proxy}` };
      const http = await this.http(target);
      return { ...base, proxy, dns: through, tcp: through, tls: through, http, ok: http.status === 'ok' };
    }
    const dns = await this.step(
      () => this.deps.probe.lookup(target.host, this.signal),
      (addresses) => addresses.join(', '),
    );
    const address = dns.value?.[0];
    const tcp =
      address === undefined
        ? { step: SKIPPED }
        : await this.step(
            () => this.deps.probe.connect(address, target.port, this.signal),
            () => address,
          );
    const tls = address !== undefined && tcp.step.status === 'ok' && target.url?.startsWith('https:') ? await this.tls(target, address) : SKIPPED;
    const http = target.url && tcp.step.status === 'ok' ? await this.http(target) : SKIPPED;
    const steps = [dns.step, tcp.step, tls, http];
    return { ...base, proxy, dns: dns.step, tcp: tcp.step, tls, http, ok: steps.every((step) => step.status === 'ok' || step.status === 'skipped') };
  }

  private async tls(target: NetworkTarget, address: string): Promise<ProbeStep> {
    const result = await this.step(
      () => this.deps.probe.handshake(target.host, address, target.port, this.signal),
      (handshake) => `issuer ${handshake.issuer}${handshake.trusted ? '' : `, not trusted: ${handshake.authorizationError ?? 'unknown reason'}`}`,
    );
    const handshake = result.value;
    if (!handshake) return result.step;
    return { ...result.step, status: handshake.trusted ? 'ok' : 'failed', ms: Math.round(handshake.ms) };
  }

  private async http(target: NetworkTarget): Promise<ProbeStep> {
    const url = target.url;
    if (url === undefined) return SKIPPED;
    const result = await this.step(
      async () => {
        const response = await this.deps.network.fetch(url, { method: 'GET', redirect: 'manual', signal: this.signal });
        await response.body?.cancel().catch(() => undefined);
        return response.status;
      },
      (status) => `HTTP ${status}`,
    );
    return result.step;
  }
}

function timedOut(target: NetworkTarget): NetworkProbeResult {
  const step: ProbeStep = { status: 'timed-out' };
  return {
    orgName: target.orgName,
    kind: target.kind,
    target: `${target.host}:${target.port}`,
    ...(target.url ? { url: target.url } : {}),
    proxy: 'unknown',
    dns: step,
    tcp: step,
    tls: step,
    http: step,
    ok: false,
  };
}

/** After the bound, how long probes get to report what they found before they are cut off. */
const GRACE_MS = 250;

/**
 * Settles with `work`, or with `fallback` shortly after the signal aborts: probes honour the signal
 * and report their partial results, and one that ignores it cannot hold the check.
 */
function boundBy<T>(work: Promise<T>, signal: AbortSignal, fallback: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    let grace: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      grace = setTimeout(() => resolve(fallback()), GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    void work.then((value) => {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(grace);
      resolve(value);
    });
  });
}

const KIND_LABELS: Record<NetworkTargetKind, string> = {
  idp: 'Identity provider',
  'identity-center-portal': 'Identity Center portal',
  'identity-center-oidc': 'Identity Center sign-in (OIDC)',
  sts: 'AWS STS',
  'workspaces-api': 'WorkSpaces API',
  'streaming-gateway': 'Streaming gateway (health check host)',
};

function stepText(name: string, step: ProbeStep): string {
  return `${name} ${step.status}${step.ms === undefined ? '' : ` ${step.ms} ms`}${step.detail ? ` (${step.detail})` : ''}`;
}

/** The "Copy for IT" text: plain, technical, English (like the log export). */
export function formatNetworkReport(
  results: readonly NetworkProbeResult[],
  info: AppInfo,
  startedAt: number,
  durationMs: number,
  active?: ActiveNetwork,
): string {
  const lines = [
    `Deskbridge network check — Deskbridge ${info.version} (${info.host}, ${info.platform})`,
    `Run at ${new Date(startedAt).toISOString()}, took ${durationMs} ms. Nothing was sent anywhere; this text is for your IT department.`,
    ...(active ? [`Proxy setting: ${active.description} (from ${active.source})`] : []),
    `Streaming gateway hosts and ports (TCP 443, 4172 PCoIP, 4195 DCV/WSP): ${GATEWAY_SOURCE}`,
  ];
  if (results.length === 0) lines.push('', 'No organizations are set up, so there was nothing to check.');
  let org: string | null = null;
  for (const result of results) {
    if (result.orgName !== org) {
      org = result.orgName;
      lines.push('', `Organization: ${org}`);
    }
    lines.push(`  [${result.ok ? 'OK' : 'PROBLEM'}] ${KIND_LABELS[result.kind]} ${result.url ?? result.target}`);
    lines.push(
      `      proxy ${result.proxy} | ${[stepText('DNS', result.dns), stepText('TCP', result.tcp), stepText('TLS', result.tls), stepText('HTTP', result.http)].join(' | ')}`,
    );
  }
  return lines.join('\n') + '\n';
}

export class NetworkCheck {
  constructor(private readonly deps: NetworkCheckDeps) {}

  async run(): Promise<NetworkCheckReport> {
    const now = this.deps.now ?? (() => performance.now());
    const startedAt = Date.now();
    const started = now();
    const targets = this.deps.orgs().flatMap((org) => targetsOf(org, this.deps.gateways));
    const controller = new AbortController();
    // Every probe and fetch listens on the one signal that carries the total bound: a few listeners
    // per target. A finite number: with 0 ("unlimited") Node 20's getMaxListeners, which undici's
    // Request calls, throws on an AbortSignal.
    setMaxListeners(Math.max(10, targets.length * 8), controller.signal);
    const timer = setTimeout(() => controller.abort(new Error('The network check ran out of time.')), this.deps.totalMs ?? NETWORK_CHECK_TOTAL_MS);
    try {
      const run = new ProbeRun(this.deps, controller.signal, now);
      const results = await Promise.all(targets.map((target) => boundBy(run.probe(target), controller.signal, () => timedOut(target))));
      const durationMs = Math.round(now() - started);
      return { startedAt, durationMs, results, text: formatNetworkReport(results, this.deps.info, startedAt, durationMs, this.deps.network.active?.()) };
    } finally {
      clearTimeout(timer);
    }
  }
}
