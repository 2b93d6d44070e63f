import { isErrorCode, type ErrorParams } from '@shared/ipc/errors';
import type { Translate } from './index';

/** What the renderer needs of an error to word it: never core's English message. */
export interface CodedError {
  readonly code: string;
  readonly params?: ErrorParams;
}

/**
 * An error from core in the user's language, by its code; `context` gives values the renderer
 * knows (the desktop's name, the user) and the error's own params win. A code outside the
 * closed lists (an older or newer core) gets a generic message naming the code, never English.
 */
export function errorText(t: Translate, error: CodedError, context: ErrorParams = {}): string {
  if (!isErrorCode(error.code)) return t('error.unknown', { code: error.code });
  return t(`error.${error.code}`, { ...context, ...error.params });
}
