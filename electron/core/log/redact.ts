/** Removes secrets from text before it is logged, shown or exported. */

/** Names whose value is a secret, in any spelling (`access_token`, `accessToken`, `AccessToken`). */
const SECRET_KEYS =
  'access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|secret_?key|session_?token|password|passwd|passphrase|code_verifier|device_code';

const PATTERNS: readonly [RegExp, string][] = [
  // Header values in any printed form: `name: value`, `name=value`, JSON, and Node's inspected
  // header lists (`'name', 'value'` and `'name': [ 'name', 'value' ]`).
  [
    /(authorization|x-amz-security-token|x-amz-sso_bearer_token|set-cookie|cookie)(["']?\s*[:=,]\s*\[?\s*["']?)(?:\1["']?\s*,\s*["']?)?[^"',\s}\]]+(\s+[^"',\s}\]]+)?/gi,
    '$1$2[redacted]',
  ],
  // A quoted secret, spaces, commas and escaped quotes included (`password: "two words"`, JSON),
  // up to its closing quote or, cut short, the end of the text.
  [new RegExp(`(${SECRET_KEYS})(["']?\\s*[:=]\\s*)(["'])(?:\\\\.|(?!\\3)[^\\\\])*(?:\\3|$)`, 'gi'), '$1$2$3[redacted]$3'],
  // An unquoted secret runs to the next space, quote or `&` (`password=a,b`).
  [new RegExp(`(${SECRET_KEYS})(["']?\\s*[:=]\\s*)(?!\\[redacted\\])[^"'&\\s]+`, 'gi'), '$1$2[redacted]'],
  // XML elements (STS answers `<SecretAccessKey>…</SecretAccessKey>`), any namespace prefix.
  [new RegExp(`(<(?:[\\w-]{1,64}:)?(?:${SECRET_KEYS})\\b[^<>]{0,256}>)[^<]*`, 'gi'), '$1[redacted]'],
  // The password (and user) of a URL: `https://user:pass@host`.
  // Bounded and without overlapping classes, so a hostile line cannot make it backtrack for long.
  [/\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@:]{0,256}:[^\s/?#@]{0,1024}@/gi, '$1[redacted]@'],
  // The rest of a SigV4 Authorization header or presigned URL.
  [/\b((?:X-Amz-)?(?:Signature|Credential|Security-Token))(=)[^"'&,\s}]+/gi, '$1$2[redacted]'],
  [/\bBearer\s+[\w.~+/-]+=*/gi, 'Bearer [redacted]'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[access-key]'],
  // A JWS has 3 dot-separated parts, a JWE 5 (its encrypted key may be empty).
  [/\beyJ[\w-]+(?:\.[\w-]*){2,4}/g, '[jwt]'],
  [/([?&](code|state|token)=)[^&#\s]+/gi, '$1[redacted]'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64_RUN = /[A-Za-z0-9+/=_-]{32,}/g;
const AWS_SECRET_KEY = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g;

/** A run of 32+ letters and digits without a slash: a token unless it is a UUID or a word. */
function isOpaqueToken(run: string): boolean {
  return run.length >= 32 && !UUID.test(run) && /\d/.test(run) && /[A-Za-z]/.test(run);
}

/** Upper case, lower case and digits mixed in one piece: random, not a path or a word. */
function looksRandom(piece: string): boolean {
  return /[A-Z]/.test(piece) && /[a-z]/.test(piece) && /\d/.test(piece);
}

/**
 * Base64 secrets may contain `/` (about half of AWS secret keys, most session tokens): a run with
 * slashes is a secret when one of its pieces is opaque or looks random, or it has a `+`; a path
 * (`/home/alice/t15-sessions/app`) stays.
 */
function isSecretRun(run: string): boolean {
  if (!run.includes('/')) return isOpaqueToken(run);
  const pieces = run.split('/');
  return run.includes('+') || pieces.some((piece) => isOpaqueToken(piece) || looksRandom(piece));
}

/** Exactly 40 base64 characters, as an AWS secret access key, unless all one case of letters. */
function isAwsSecretKey(run: string): boolean {
  return /[\d+/]/.test(run) || (/[A-Z]/.test(run) && /[a-z]/.test(run));
}

/**
 * Last line of defence, whatever the surrounding format: long opaque runs with letters and
 * digits (session tokens, refresh tokens, signatures, client secrets, AWS secret keys). Request ids
 * (UUIDs), words and paths stay.
 */
function redactOpaqueTokens(text: string): string {
  return text
    .replace(AWS_SECRET_KEY, (run) => (isAwsSecretKey(run) ? '[redacted]' : run))
    .replace(BASE64_RUN, (run) => (isSecretRun(run) ? '[redacted]' : run));
}

export function redact(text: string): string {
  return redactOpaqueTokens(PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text));
}
