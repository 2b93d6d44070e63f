import { englishReason, type ReasonOf } from './field-reasons';

/**
 * How a desktop is launched: the WorkSpace's `deskbridge:connect` tag (rdp://host:port,
 * vnc://host:port, dcv://host:port/#session) → else the organization's default → else hand-off
 * to the official client. Parsed strictly: a malformed value is a configuration error, never run.
 */

export type ConnectProtocol = 'rdp' | 'vnc' | 'dcv';

export interface ConnectTarget {
  readonly protocol: ConnectProtocol;
  /** A DNS name, an IPv4 address, or an IPv6 address without brackets. */
  readonly host: string;
  readonly port: number;
  /** DCV only: the session id after `#`. */
  readonly session?: string;
}

export type ConnectSource = 'tag' | 'org';

export type ConnectMethod =
  | { readonly kind: 'handoff' }
  | { readonly kind: 'direct'; readonly target: ConnectTarget; readonly source: ConnectSource }
  | { readonly kind: 'invalid'; readonly source: ConnectSource; readonly value: string; readonly reason: string };

/** A refusal's `reason` is English (logs, details); its `code` is the reason code the UI words. */
export type ParsedTarget = { readonly ok: true; readonly target: ConnectTarget } | { readonly ok: false; readonly reason: string; readonly code: ReasonOf };

export const DEFAULT_PORTS: Readonly<Record<ConnectProtocol, number>> = { rdp: 3389, vnc: 5900, dcv: 8443 };
const PROTOCOLS: readonly ConnectProtocol[] = ['rdp', 'vnc', 'dcv'];
const MAX_LENGTH = 300;

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
const SESSION = /^[A-Za-z0-9._-]{1,128}$/;
const TAG = /^([A-Za-z]+):\/\/(\[[^\]]*\]|[^:/#[\]]*)(?::([^/#]*))?(\/)?(?:#(.*))?$/;

function isProtocol(value: string): value is ConnectProtocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

function validHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.endsWith('.') ? host.slice(0, -1).split('.') : host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  // All-numeric dotted names must be real IPv4 addresses (no 999.1.1.1, no 1.2.3).
  return !labels.every((label) => /^\d+$/.test(label)) || IPV4.test(host);
}

function validIpv6(host: string): boolean {
  if (!IPV6.test(host) || !host.includes(':')) return false;
  const double = host.split('::').length - 1;
  if (double > 1) return false;
  const groups = host.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1] ?? '';
  const v4Tail = last.includes('.');
  if (v4Tail && !IPV4.test(last)) return false;
  const hexGroups = v4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (v4Tail ? 2 : 0);
  return double === 1 ? count < 8 : count === 8;
}

function parsePort(text: string | undefined, protocol: ConnectProtocol): number | ReasonOf {
  if (text === undefined) return DEFAULT_PORTS[protocol];
  if (!/^\d{1,5}$/.test(text)) return { reason: 'connect-port', params: { value: text } };
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : { reason: 'connect-port-range', params: { value: port } };
}

/** A refusal: the reason code and params (for the UI), and the same in English (logs, details). */
function refuse(problem: ReasonOf): { readonly ok: false; readonly reason: string; readonly code: ReasonOf } {
  return { ok: false, reason: englishReason(problem), code: problem };
}

/** Parses one `deskbridge:connect` value. Never throws. */
export function parseConnectTag(raw: unknown): ParsedTarget {
  if (typeof raw !== 'string') return refuse({ reason: 'connect-not-text' });
  const value = raw.trim();
  if (value.length === 0) return refuse({ reason: 'connect-empty' });
  if (value.length > MAX_LENGTH) return refuse({ reason: 'connect-too-long', params: { max: MAX_LENGTH } });
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return refuse({ reason: 'connect-spaces' });
  const match = TAG.exec(value);
  if (!match) return refuse({ reason: 'connect-format' });
  const [, schemeText = '', hostText = '', portText, , fragment] = match;
  const protocol = schemeText.toLowerCase();
  if (!isProtocol(protocol)) return refuse({ reason: 'connect-protocol', params: { value: schemeText } });
  const bracketed = hostText.startsWith('[');
  const host = bracketed ? hostText.slice(1, -1) : hostText;
  if (bracketed ? !validIpv6(host) : !validHostName(host)) return refuse({ reason: 'connect-host', params: { value: hostText } });
  const port = parsePort(portText, protocol);
  if (typeof port !== 'number') return refuse(port);
  if (fragment !== undefined && protocol !== 'dcv') return refuse({ reason: 'connect-fragment' });
  if (fragment !== undefined && !SESSION.test(fragment)) return refuse({ reason: 'connect-session', params: { value: fragment } });
  const target: ConnectTarget = fragment ? { protocol, host: host.toLowerCase(), port, session: fragment } : { protocol, host: host.toLowerCase(), port };
  return { ok: true, target };
}

/** The canonical text of a target (parses back to the same target). */
export function formatConnectTarget(target: ConnectTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const base = `${target.protocol}://${host}:${target.port}`;
  return target.protocol === 'dcv' ? `${base}/${target.session ? `#${target.session}` : ''}` : base;
}

/**
 * The organization default: `handoff`, a protocol alone (`rdp`, `vnc:5901`, meaning the desktop's
 * own IP address), or a full address like a tag.
 */
export function parseOrgDefault(raw: string, ipAddress: string | undefined): ParsedTarget | { readonly ok: true; readonly handoff: true } {
  const value = raw.trim().toLowerCase();
  if (value === 'handoff' || value === '') return { ok: true, handoff: true };
  const short = /^(rdp|vnc|dcv)(?::(\d{1,5}))?$/.exec(value);
  if (!short) return parseConnectTag(raw);
  if (!ipAddress) return refuse({ reason: 'connect-no-address' });
  const protocol = short[1] as ConnectProtocol;
  const host = ipAddress.includes(':') ? `[${ipAddress}]` : ipAddress;
  return parseConnectTag(`${protocol}://${host}${short[2] ? `:${short[2]}` : ''}`);
}

/** Checks an organization default before it is saved: null when usable, else why not (a reason code). */
export function orgDefaultReason(raw: string): ReasonOf | null {
  const value = raw.trim().toLowerCase();
  if (value === 'handoff' || value === '') return null;
  const short = /^(rdp|vnc|dcv)(?::(\d{1,5}))?$/.exec(value);
  if (short)
    return short[2] !== undefined && (Number(short[2]) < 1 || Number(short[2]) > 65535) ? { reason: 'connect-port-range', params: { value: short[2] } } : null;
  const parsed = parseConnectTag(raw);
  return parsed.ok ? null : parsed.code;
}

/** orgDefaultReason in English (logs, details). */
export function checkOrgDefault(raw: string): string | null {
  const problem = orgDefaultReason(raw);
  return problem === null ? null : englishReason(problem);
}

/** Tag → organization default → hand-off. */
export function chooseConnectMethod(input: { readonly connectTag?: string; readonly defaultConnect?: string; readonly ipAddress?: string }): ConnectMethod {
  if (input.connectTag !== undefined && input.connectTag.trim() !== '') {
    const parsed = parseConnectTag(input.connectTag);
    return parsed.ok
      ? { kind: 'direct', target: parsed.target, source: 'tag' }
      : { kind: 'invalid', source: 'tag', value: input.connectTag.slice(0, MAX_LENGTH), reason: parsed.reason };
  }
  if (input.defaultConnect !== undefined) {
    const parsed = parseOrgDefault(input.defaultConnect, input.ipAddress);
    if (!parsed.ok) return { kind: 'invalid', source: 'org', value: input.defaultConnect.slice(0, MAX_LENGTH), reason: parsed.reason };
    if ('handoff' in parsed) return { kind: 'handoff' };
    return { kind: 'direct', target: parsed.target, source: 'org' };
  }
  return { kind: 'handoff' };
}
