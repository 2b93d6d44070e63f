/**
 * Which proxy a request takes under mode `system` on hosts without Chromium's stack: the
 * environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl and undici's EnvHttpProxyAgent read
 * them (lower case first). Kept here so the choice is one function the adapter and Diagnostics share.
 */

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

function pick(env: ProxyEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** `proxy:3128` → `http://proxy:3128`; the URL as given otherwise. */
export function normalizeProxyUrl(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/** NO_PROXY: `*`, host names (a leading dot or none: the domain and its subdomains), IPs, each with an optional :port. */
export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || defaultPort(target.protocol);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!match?.[1]) continue;
    if (match[2] !== undefined && match[2] !== port) continue;
    const name = match[1].replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy URL the environment names for `url`, or null for a direct connection. */
export function environmentProxyFor(url: string, env: ProxyEnv): string | null {
  const target = new URL(url);
  if (bypassesProxy(target, pick(env, 'no_proxy'))) return null;
  const value = target.protocol === 'https:' ? (pick(env, 'https_proxy') ?? pick(env, 'http_proxy')) : pick(env, 'http_proxy');
  return value === undefined ? null : normalizeProxyUrl(value);
}

/** Whether the environment names any proxy at all (for Diagnostics' "active choice"). */
export function environmentProxies(env: ProxyEnv): { readonly https?: string; readonly http?: string; readonly noProxy?: string } {
  const https = pick(env, 'https_proxy');
  const http = pick(env, 'http_proxy');
  const noProxy = pick(env, 'no_proxy');
  return { ...(https ? { https } : {}), ...(http ? { http } : {}), ...(noProxy ? { noProxy } : {}) };
}
