import { z } from 'zod';

/** How Deskbridge reaches the network (Settings → Network; managed configuration may set or lock it). */

export type ProxySetting =
  /** The OS's proxy settings, PAC and WPAD (Electron); HTTPS_PROXY/HTTP_PROXY/NO_PROXY elsewhere. */
  | { readonly mode: 'system' }
  /** A proxy URL (`http://host:port`); credentials are asked when the proxy wants them, never stored. */
  | { readonly mode: 'manual'; readonly url: string }
  | { readonly mode: 'none' };

export interface NetworkSettings {
  readonly proxy: ProxySetting;
  /** A PEM file of extra CA certificates (Node host; Electron uses the OS certificate store). */
  readonly caFile?: string;
}

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = { proxy: { mode: 'system' } };

/** Two settings say the same (a change of either resets what the proxy sign-in remembered). */
export function sameNetworkSettings(a: NetworkSettings, b: NetworkSettings): boolean {
  const proxyUrl = (s: NetworkSettings): string => (s.proxy.mode === 'manual' ? s.proxy.url : '');
  return a.proxy.mode === b.proxy.mode && proxyUrl(a) === proxyUrl(b) && (a.caFile ?? '') === (b.caFile ?? '');
}

const proxySettingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('system') }),
  z.object({ mode: z.literal('manual'), url: z.string().min(1).max(2048) }),
  z.object({ mode: z.literal('none') }),
]);

/** Settings → Network as stored in the settings file's preferences and sent over IPC (the URL's own rules are checked by core). */
export const networkSettingsSchema = z.object({ proxy: proxySettingSchema, caFile: z.string().min(1).max(4096).optional() });

/** What IT's managed configuration may preset (`network`): the proxy, a CA file, and whether the user may change them. */
export interface ManagedNetworkPolicy {
  readonly proxy?: ProxySetting;
  readonly caFile?: string;
  /** True: the user sees the settings but cannot change them. */
  readonly locked?: boolean;
}

export const managedNetworkSchema = z.strictObject({
  proxy: proxySettingSchema.optional(),
  caFile: z.string().min(1).max(4096).optional(),
  locked: z.boolean().optional(),
});
