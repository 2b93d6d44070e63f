import type { ErrorParams, NetworkFailureCode } from '@shared/ipc/errors';
import type { AppError } from '@shared/ipc/result';
import { NETWORK_FAILURE_CODES } from '@shared/ipc/errors';

/** The sign-in failures the user can be told about, each with a specific message. */
export type AuthErrorCode =
  | 'sign-in-cancelled'
  | 'sign-in-denied'
  | 'sign-in-timeout'
  | 'sign-in-in-progress'
  | 'idp-unreachable'
  | 'idp-timeout'
  | 'idp-discovery-invalid'
  | 'idp-client-refused'
  | 'idp-scope-refused'
  | 'idp-error'
  | 'idp-invalid-answer'
  | 'idp-userinfo-refused'
  | 'idp-unexpected'
  | 'sign-in-url-insecure'
  | 'browser-failed'
  | 'state-mismatch'
  | 'invalid-id-token'
  | 'id-token-expired'
  | 'clock-skew'
  | 'role-trust-refused'
  | 'role-session-too-long'
  | 'sts-region-disabled'
  | 'aws-refused-token'
  | 'identity-center-refused'
  | 'identity-center-incomplete'
  | 'identity-center-no-assignment'
  | 'sign-in-expired'
  | 'sign-in-too-old'
  | 'user-name-missing'
  | 'user-name-invalid'
  | 'unknown-organization'
  | 'not-signed-in'
  | 'aws-unreachable'
  | 'idp-response-too-large'
  | 'idp-sign-in-too-old'
  | 'subject-changed'
  | 'saml-invalid-response'
  | 'saml-no-role'
  | 'saml-role-not-offered'
  | 'saml-assertion-expired'
  | 'saml-token-expired'
  | 'saml-window-closed'
  | 'saml-needs-prompt'
  | 'saml-idp-status'
  | 'saml-unavailable'
  | NetworkFailureCode;

/** Thrown inside the auth flows and turned into a Result at the service boundary. Never carries a secret. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly details?: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  toAppError(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }
}

/** A sign-in page whose address is not https (nor loopback) is never opened. */
export function insecureSignInUrl(url: string): AuthError {
  const origin = URL.canParse(url) ? new URL(url).origin : 'not a URL';
  return new AuthError(
    'sign-in-url-insecure',
    'The sign-in page’s address is not secure (https), so Deskbridge did not open it. Check the organization’s settings.',
    `Refused to open ${origin}`,
    { origin: origin.slice(0, 120) },
  );
}

/** The system browser could not be started for a sign-in. */
export function browserFailed(error: unknown): AuthError {
  return new AuthError('browser-failed', 'Deskbridge could not open your web browser for the sign-in.', describeCause(error));
}

/** What goes into a details part: the error's name and message, cut short, with anything token-like removed. */
export function describeCause(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return scrub(text).slice(0, 400);
}

/** Removes JWTs, long opaque strings and query parameters that can carry codes or tokens. */
export function scrub(text: string): string {
  return text
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]')
    .replace(/([?&](?:code|state|token|refresh_token|id_token|access_token|code_verifier|nonce)=)[^&\s]+/gi, '$1[removed]')
    .replace(/\b[A-Za-z0-9+/_-]{40,}={0,2}/g, '[removed]');
}

const TRANSIENT: ReadonlySet<string> = new Set<AuthErrorCode>(['idp-unreachable', 'idp-timeout', 'aws-unreachable', ...NETWORK_FAILURE_CODES]);

/** A failure that may pass by itself (network, an IdP in trouble): keep what is remembered and retry. */
export function isTransient(code: string): boolean {
  return TRANSIENT.has(code);
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
