import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import type { SessionClient, SessionInfo } from '@shared/ipc/domains/sessions';
import type { AppError } from '@shared/ipc/result';
import type { SelfServiceAction } from '@shared/lib/self-service';

/** What the user can do about a failure, shown after its reason. */
export type NextStep = 'webAccess' | 'askIt' | 'tryAgain';

/**
 * A desktop's one status line. A launch reads as one sequence: starting (elapsed) → waiting for
 * AWS → opening with <client> → open in <client>, or → failed: <reason> and <next step>.
 */
export type DesktopStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'busy'; readonly action: SelfServiceAction }
  | { readonly kind: 'starting'; readonly elapsedMs: number }
  | { readonly kind: 'waiting' }
  | { readonly kind: 'opening'; readonly client: SessionClient; readonly session: SessionInfo }
  | { readonly kind: 'open'; readonly client: SessionClient; readonly session: SessionInfo }
  | {
      readonly kind: 'failed';
      readonly action: SelfServiceAction | 'connect';
      readonly error: AppError;
      readonly next: NextStep;
      /** The failed session, when the failure is a session's (to clear it). */
      readonly session?: SessionInfo;
    };

const OPENING = new Set<SessionInfo['status']>(['launching', 'connecting', 'reconnecting']);
/** Failures only the IT department can fix (a setting, a permission). */
const ASK_IT = /^(connect-setting-invalid|desktops\.refused\.|desktops\.denied|handoff-refused)/;

/** The next step after a failure, by its code. */
export function nextStepFor(code: string): NextStep {
  if (code === 'handoff-no-handler') return 'webAccess';
  return ASK_IT.test(code) ? 'askIt' : 'tryAgain';
}

function sessionStatus(session: SessionInfo): DesktopStatus {
  if (session.status === 'failed') {
    const error: AppError = session.error ?? { code: 'internal-error', message: '' };
    return { kind: 'failed', action: 'connect', error, next: nextStepFor(error.code), session };
  }
  return OPENING.has(session.status) ? { kind: 'opening', client: session.client, session } : { kind: 'open', client: session.client, session };
}

/**
 * The one status of a desktop, from its list entry and its session (if any), at `now`. A problem
 * wins over everything (a failed launch must not also read "opening"); then an action in flight;
 * then the connect's progress; then the session.
 */
export function desktopStatus(d: DesktopEntry, session: SessionInfo | undefined, now: number): DesktopStatus {
  if (d.problem !== undefined) {
    const { action, at: _at, ...error } = d.problem;
    return { kind: 'failed', action, error, next: nextStepFor(error.code) };
  }
  if (d.pending !== undefined) {
    if (d.pending.action !== 'connect') return { kind: 'busy', action: d.pending.action };
    return { kind: 'starting', elapsedMs: now - (d.connect?.startedAt ?? d.pending.startedAt) };
  }
  if (d.connect?.phase === 'starting') return { kind: 'starting', elapsedMs: now - d.connect.startedAt };
  if (d.connect?.phase === 'ready') {
    // A session from before this connect says nothing about it.
    const fresh = session !== undefined && session.startedAt >= d.connect.startedAt ? session : undefined;
    return fresh === undefined ? { kind: 'waiting' } : sessionStatus(fresh);
  }
  return session === undefined ? { kind: 'none' } : sessionStatus(session);
}
