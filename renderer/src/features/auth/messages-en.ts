/** English messages of the sign-in feature (spread into i18n/en.ts): the sign-in failures the renderer words itself, by code. */
export const authEn = {
  'auth.error.idp-sign-in-too-old':
    'Your identity provider used an earlier sign-in that is older than your organization allows, instead of asking you to sign in again. Sign out at your identity provider in the browser, then sign in here again.',
  'auth.error.subject-changed': 'Your identity provider answered for a different user than the one signed in, so Deskbridge ended this sign-in. Sign in again.',
  'auth.error.idp-response-too-large':
    'Your organization’s identity provider sent an answer far larger than a sign-in needs, so Deskbridge stopped reading it. Try again later; if this repeats, contact your IT department.',
} as const;
