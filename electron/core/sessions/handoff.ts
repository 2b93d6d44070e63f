import { isWorkspacesHandoffUrl } from '@shared/lib/external-url';
import { WORKSPACES_SCHEME, workspacesHandoffUrl } from '@shared/lib/launch-files';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { ScopedLogger } from '../log/logger';
import type { UrlHandoff } from './ports';

/**
 * Hands a desktop to the official client with `workspaces://<user>@<code>`: 'no-handler' when
 * nothing is registered for the scheme (the caller offers Web Access instead).
 */
export async function handOff(port: UrlHandoff, userName: string, code: string, log: ScopedLogger): Promise<Result<'opened' | 'no-handler'>> {
  const url = workspacesHandoffUrl(userName, code);
  if (!isWorkspacesHandoffUrl(url)) return fail('handoff-refused', 'Deskbridge could not build a safe link for the WorkSpaces client.');
  const handler = await port.handlerFor(WORKSPACES_SCHEME).catch(() => undefined);
  if (handler === null) return ok('no-handler');
  try {
    await port.open(url);
    log.info(`Handed a desktop to ${handler ?? 'the workspaces:// handler'}`);
    return ok('opened');
  } catch (error) {
    log.warn('The OS could not open the workspaces:// link', error);
    // Where the platform cannot tell in advance, a failed open means no handler.
    return handler === undefined ? ok('no-handler') : fail('handoff-failed', 'The WorkSpaces client did not open.', `Registered handler: ${handler}`);
  }
}
