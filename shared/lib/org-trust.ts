/**
 * Who may set what (docs/architecture.md, "Who may set what"): IT's managed configuration may point an organization anywhere the
 * address rule allows; a profile the user types, opens from a link or imports from a file may use
 * only AWS's own endpoint of each service, no default connection to a named host, and no plain-http
 * loopback address, unless managed configuration trusts that host (`trustedHosts`).
 */
import type { EndpointOverrides, OrgInput } from '../models/org';
import { parseConnectTag } from './connect-target';
import { englishReason, type FieldParams, type FieldReason, type ReasonOf } from './field-reasons';
import { parseUrl } from './parse-url';

/** The AWS services whose endpoint a profile may override (the SAML ACS override is not an address). */
export type EndpointService = Exclude<keyof EndpointOverrides, 'samlAcs'>;

/** The parts of a profile (input or stored) that hold addresses. */
export type OrgAddressFields = Pick<OrgInput, 'signIn' | 'endpoints' | 'defaultConnect'>;

const SUFFIX = String.raw`(?:amazonaws\.com|amazonaws\.com\.cn|amazonaws-us-gov\.com)`;
const REGION = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}`;

/**
 * AWS's own host names per service, FIPS variants included (the SDK's endpoint rules). A bare
 * suffix match would not do: customers own names under amazonaws.com (API Gateway, S3, EC2, ELB).
 */
const AWS_HOSTS: Readonly<Record<EndpointService, RegExp>> = {
  sts: new RegExp(`^sts(?:-fips)?(?:\\.${REGION})?\\.${SUFFIX}$`),
  workspaces: new RegExp(`^workspaces(?:-fips)?\\.${REGION}\\.${SUFFIX}$`),
  sso: new RegExp(`^portal\\.sso(?:-fips)?\\.${REGION}\\.${SUFFIX}$`),
  ssoOidc: new RegExp(`^oidc(?:-fips)?\\.${REGION}\\.${SUFFIX}$`),
};

export const ENDPOINT_EXAMPLES: Readonly<Record<EndpointService, string>> = {
  sts: 'https://sts.us-east-1.amazonaws.com',
  workspaces: 'https://workspaces.us-east-1.amazonaws.com',
  sso: 'https://portal.sso.us-east-1.amazonaws.com',
  ssoOidc: 'https://oidc.us-east-1.amazonaws.com',
};

/** True when `hostname` (as URL().hostname gives it) is AWS's own endpoint host for the service. */
export function isAwsServiceHost(service: EndpointService, hostname: string): boolean {
  return AWS_HOSTS[service].test(hostname);
}

/** A trusted-host entry: a host name or IP address, optionally with `:port` ([::1]:4566 for IPv6). */
export const TRUSTED_HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/;

export interface OrgTrust {
  /** Deployed by IT's managed configuration: any address the profile schema allows. */
  readonly managed: boolean;
  /** Hosts (`host` or `host:port`) managed configuration lets user profiles use beyond AWS's own. */
  readonly trustedHosts: readonly string[];
}

/** One address only IT may set: its field, why (a reason code for the UI), and the English for logs. */
export interface TrustIssue {
  readonly path: string;
  readonly message: string;
  readonly reason: FieldReason;
  readonly params?: FieldParams;
}

function issue(path: string, problem: ReasonOf): TrustIssue {
  return { path, message: englishReason(problem), ...problem };
}

function trusts(trustedHosts: readonly string[], hostname: string, port: string): boolean {
  const host = hostname.toLowerCase();
  return trustedHosts.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted === host || (port !== '' && wanted === `${host}:${port}`);
  });
}

function urlTrusted(value: string, trustedHosts: readonly string[]): boolean {
  const url = new URL(value);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return trusts(trustedHosts, url.hostname, port);
}

function signInIssue(input: OrgAddressFields, trustedHosts: readonly string[]): TrustIssue | null {
  const [path, value] = signInAddress(input);
  if (new URL(value).protocol !== 'http:' || urlTrusted(value, trustedHosts)) return null;
  return issue(path, { reason: 'trust-plain-http' });
}

/** A broker is never an AWS host: only managed configuration, or a host it trusts, may name one. */
function brokerIssue(input: OrgAddressFields, trustedHosts: readonly string[]): TrustIssue | null {
  if (input.signIn.method !== 'broker' || urlTrusted(input.signIn.brokerUrl, trustedHosts)) return null;
  return issue('signIn.brokerUrl', { reason: 'trust-broker', params: { host: new URL(input.signIn.brokerUrl).host } });
}

function endpointIssues(endpoints: EndpointOverrides | undefined, trustedHosts: readonly string[]): TrustIssue[] {
  const issues: TrustIssue[] = [];
  for (const service of Object.keys(AWS_HOSTS) as EndpointService[]) {
    const value = endpoints?.[service];
    if (value === undefined) continue;
    const url = new URL(value);
    if ((url.protocol === 'https:' && isAwsServiceHost(service, url.hostname)) || urlTrusted(value, trustedHosts)) continue;
    issues.push(issue(`endpoints.${service}`, { reason: 'trust-endpoint', params: { host: url.host, service, example: ENDPOINT_EXAMPLES[service] } }));
  }
  if (endpoints?.samlAcs !== undefined) {
    issues.push(issue('endpoints.samlAcs', { reason: 'trust-saml-acs' }));
  }
  return issues;
}

function defaultConnectIssue(value: string | undefined, trustedHosts: readonly string[]): TrustIssue | null {
  if (value === undefined) return null;
  const short = value.trim().toLowerCase();
  if (short === '' || short === 'handoff' || /^(rdp|vnc|dcv)(?::\d{1,5})?$/.test(short)) return null;
  const parsed = parseConnectTag(value);
  if (parsed.ok) {
    const { host, port } = parsed.target;
    if (trusts(trustedHosts, host.includes(':') ? `[${host}]` : host, String(port))) return null;
  }
  return issue('defaultConnect', { reason: 'trust-default-connect' });
}

/**
 * Checks the addresses of a profile that already passed the profile schema against who supplies
 * it. Empty when it may be used; else one issue per address, each naming its field.
 */
export function checkOrgTrust(input: OrgAddressFields, trust: OrgTrust): readonly TrustIssue[] {
  if (trust.managed) return [];
  const issues = [
    signInIssue(input, trust.trustedHosts),
    brokerIssue(input, trust.trustedHosts),
    ...endpointIssues(input.endpoints, trust.trustedHosts),
    defaultConnectIssue(input.defaultConnect, trust.trustedHosts),
  ];
  return issues.filter((issue): issue is TrustIssue => issue !== null);
}

export type AddressRole = 'issuer' | 'startUrl' | 'samlSignInUrl' | 'broker' | EndpointService | 'defaultConnect';

export interface OrgAddress {
  readonly role: AddressRole;
  /** The address as it will be used, in ASCII: punycode host, percent-encoded path. */
  readonly shown: string;
  /** The host is an international domain name (an xn-- label): worth a second look. */
  readonly international: boolean;
}

/** An address in the ASCII form every confirmation shows (URL serialisation: punycode, %-escapes). */
export function displayAddress(value: string): string {
  const url = parseUrl(value);
  if (url === null) return value;
  const shown = url.toString();
  // URL() writes an empty path as "/"; show the address as given (an issuer is compared exactly).
  const hadPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\//i.test(value);
  return !hadPath && url.pathname === '/' && !url.search && !url.hash && shown.endsWith('/') ? shown.slice(0, -1) : shown;
}

function addressOf(role: AddressRole, value: string): OrgAddress {
  const shown = displayAddress(value);
  const host = parseUrl(shown)?.hostname ?? /^[a-z]+:\/\/([^/:#]*)/i.exec(shown)?.[1] ?? '';
  return { role, shown, international: host.split('.').some((label) => label.toLowerCase().startsWith('xn--')) };
}

/** Where a profile signs in: the issuer (OIDC), the start URL (Identity Center) or the IdP's sign-in URL (SAML). */
function signInAddress(input: OrgAddressFields): readonly [path: string, value: string, role: AddressRole] {
  switch (input.signIn.method) {
    case 'oidc':
    case 'broker':
      return ['signIn.issuer', input.signIn.issuer, 'issuer'];
    case 'saml':
      return ['signIn.signInUrl', input.signIn.signInUrl, 'samlSignInUrl'];
    default:
      return ['signIn.startUrl', input.signIn.startUrl, 'startUrl'];
  }
}

/** Every address a profile would use, in the order a confirmation lists them. */
export function orgAddresses(input: OrgAddressFields): readonly OrgAddress[] {
  const addresses: OrgAddress[] = [addressOf(signInAddress(input)[2], signInAddress(input)[1])];
  if (input.signIn.method === 'broker') addresses.push(addressOf('broker', input.signIn.brokerUrl));
  for (const service of ['sts', 'sso', 'ssoOidc', 'workspaces'] as const) {
    const value = input.endpoints?.[service];
    if (value !== undefined) addresses.push(addressOf(service, value));
  }
  if (input.defaultConnect !== undefined && input.defaultConnect.trim() !== '') addresses.push(addressOf('defaultConnect', input.defaultConnect.trim()));
  return addresses;
}
