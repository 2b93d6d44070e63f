import { API_MANIFEST, CALLER_BOUND_CHANNELS, channelName, type Caller, type DeskbridgeApi } from '@shared/ipc/contract';
import { fail, type Result } from '@shared/ipc/result';
import { ARG_SCHEMAS } from '@shared/ipc/schemas';
import { describeIssues } from '@shared/lib/org-input';
import type { ScopedLogger } from './log/logger';

type AnyMethod = (...args: unknown[]) => Promise<Result<unknown>>;

/** Splits `domain:method` and checks both against the manifest (own names only, never the prototype). */
export function resolveChannel(channel: unknown): { domain: keyof DeskbridgeApi; method: string } | null {
  if (typeof channel !== 'string' || channel.length > 64) return null;
  const [domain, method, extra] = channel.split(':');
  if (extra !== undefined || !domain || !method || !Object.hasOwn(API_MANIFEST, domain)) return null;
  const methods: readonly string[] = API_MANIFEST[domain as keyof DeskbridgeApi];
  return methods.includes(method) ? { domain: domain as keyof DeskbridgeApi, method } : null;
}

/**
 * The single entry from any host (Electron IPC, harness socket) into core: the channel must be
 * in the manifest and the arguments must match the method's schema before the service is reached.
 * `caller` is what the host knows of the calling page; caller-bound methods get it appended.
 */
export async function dispatch(api: DeskbridgeApi, channel: unknown, args: unknown, log?: ScopedLogger, caller?: Caller): Promise<Result<unknown>> {
  const target = resolveChannel(channel);
  if (!target) return fail('unknown-method', 'Deskbridge received a request it does not know.', `Channel: ${String(channel).slice(0, 64)}`);
  const schemas = ARG_SCHEMAS[target.domain] as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } }>;
  const schema = schemas[target.method];
  const parsed = schema?.safeParse(Array.isArray(args) ? args : [args]);
  if (!parsed || !parsed.success) {
    const details = parsed?.error ? describeIssues(parsed.error as Parameters<typeof describeIssues>[0]) : 'No schema.';
    log?.warn(`Refused ${target.domain}:${target.method}: invalid arguments`);
    return fail('invalid-arguments', `Invalid arguments for ${target.domain}:${target.method}.`, details, { method: `${target.domain}:${target.method}` });
  }
  const domainApi = api[target.domain] as unknown as Record<string, AnyMethod>;
  const method = domainApi[target.method];
  if (!method) return fail('unknown-method', 'Deskbridge received a request it does not know.');
  try {
    const callArgs = CALLER_BOUND_CHANNELS.includes(channelName(target.domain, target.method))
      ? [...(parsed.data as unknown[]), caller]
      : (parsed.data as unknown[]);
    return await method.apply(domainApi, callArgs);
  } catch (error) {
    log?.error(`${target.domain}:${target.method} failed unexpectedly`, error);
    return fail('internal-error', 'Something went wrong inside Deskbridge. The details are in the log.');
  }
}
