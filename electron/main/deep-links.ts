import { DEEP_LINK_SCHEME } from '@shared/lib/deep-link';

/** Windows and Linux pass a deep link as a command-line argument of the (second) instance. */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}
