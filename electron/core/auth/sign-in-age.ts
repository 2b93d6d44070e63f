import type { OrgPolicy } from '@shared/models/org';
import { AuthError } from './auth-error';
import type { Expiring, Grant } from './grants';

const HOUR_MS = 3_600_000;

/**
 * OrgPolicy.maxSignInHours: how long a sign-in may be kept alive without the user authenticating
 * at the identity provider again. Nothing is stored for it.
 *
 * - OIDC: measured from the ID token's `auth_time` (the OIDC client asks for it with `max_age`);
 *   every refreshed ID token repeats it, so a remembered sign-in is dated on restore too. A
 *   browser sign-in is checked as well, since some IdPs ignore `max_age` (staleSignInRefusal).
 * - SAML: measured from the assertion's AuthnInstant (a reused IdP session repeats its own), else
 *   from the interactive sign-in (saml-flow.ts). A sign-in past the limit is not renewed by a
 *   hidden capture: the user signs in again, in a wiped sign-in window.
 * - IAM Identity Center: not enforced here. It issues no ID token, and the client registration's
 *   clientIdIssuedAt dates Deskbridge's registration, which is reused across sign-ins for as long
 *   as it is valid (up to 90 days), not the user's authentication: no sound proxy. Identity
 *   Center ends its refresh tokens with its own session duration, configured in Identity Center.
 */
export function signInAgeRefusal(grant: Grant<Expiring>, policy: OrgPolicy, now: number): AuthError | null {
  const hours = policy.maxSignInHours;
  if (grant.method === 'identity-center' || hours === undefined) return null;
  const message = `Your organization asks you to sign in again every ${hours === 1 ? 'hour' : `${hours} hours`}.`;
  const at = grant.authenticatedAt;
  if (at === null) {
    return new AuthError(
      'sign-in-too-old',
      message,
      `The identity provider did not say when you signed in (no auth_time in its ID token), so the ${hours}-hour limit cannot be checked.`,
    );
  }
  const ageMs = now - at;
  if (ageMs <= hours * HOUR_MS) return null;
  return new AuthError(
    'sign-in-too-old',
    message,
    `Last signed in at the identity provider ${Math.floor(ageMs / HOUR_MS)} h ago; the organization allows ${hours} h.`,
  );
}

/**
 * A browser sign-in whose ID token says the user authenticated longer ago than the limit: the IdP
 * reused an old session and ignored max_age (OIDC Core 3.1.2.1 and 3.1.3.7). Refused before any
 * AWS credentials are issued; signing in again would only reuse the same IdP session.
 */
export function staleSignInRefusal(grant: Grant<Expiring>, policy: OrgPolicy, now: number): AuthError | null {
  const refusal = signInAgeRefusal(grant, policy, now);
  if (refusal === null || grant.authenticatedAt === null) return null;
  const hours = policy.maxSignInHours ?? 0;
  const ago = Math.floor((now - grant.authenticatedAt) / HOUR_MS);
  return new AuthError(
    'idp-sign-in-too-old',
    `Your identity provider used a sign-in from ${ago === 1 ? 'an hour' : `${ago} hours`} ago, but your organization asks you to sign in again every ${hours === 1 ? 'hour' : `${hours} hours`}. Sign out at your identity provider in the browser, then sign in here again.`,
    `${refusal.details ?? ''} The identity provider ignored max_age.`.trim(),
  );
}

/**
 * New credentials from a grant, unless the sign-in has outlived the organization's limit (then its
 * refresh token is revoked, or SAML's IdP session wiped). A sign-in known to be past the limit
 * already is refused before the IdP is asked (SAML: no hidden capture); one not yet dated (a
 * restored OIDC grant) is checked on what its renewal says.
 */
export async function renewWithinPolicy<T extends Expiring>(grant: Grant<T>, policy: OrgPolicy, now: () => number): Promise<T> {
  const refuse = async (refusal: AuthError): Promise<never> => {
    // Best effort, as at sign-out: the tokens leave memory either way.
    await grant.revoke().catch(() => grant.dispose());
    throw refusal;
  };
  if (grant.authenticatedAt !== null) {
    const before = signInAgeRefusal(grant, policy, now());
    if (before) return refuse(before);
  }
  const credentials = await grant.renew();
  const refusal = signInAgeRefusal(grant, policy, now());
  if (refusal) return refuse(refusal);
  return credentials;
}
