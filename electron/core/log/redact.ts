/** Removes secrets from text before it is logged, shown or exported. */
const PATTERNS: readonly [RegExp, string][] = [
  // Header values in any printed form: `name: value`, `name=value`, JSON, and Node's inspected
  // header lists (`'name', 'value'` and `'name': [ 'name', 'value' ]`).
  [
    /(authorization|x-amz-security-token|x-amz-sso_bearer_token|set-cookie|cookie)(["']?\s*[:=,]\s*\[?\s*["']?)(?:\1["']?\s*,\s*["']?)?[^"',\s}\]]+(\s+[^"',\s}\]]+)?/gi,
    '$1$2[redacted]',
  ],
  [/(access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|session_?token|password|code_verifier|device_code)(["']?\s*[:=]\s*["']?)[^"'&,\s}]+/gi, '$1$2[redacted]'],
  // The rest of a SigV4 Authorization header or presigned URL.
  [/\b((?:X-Amz-)?(?:Signature|Credential|Security-Token))(=)[^"'&,\s}]+/gi, '$1$2[redacted]'],
  [/\bBearer\s+[\w.~+/-]+=*/gi, 'Bearer [redacted]'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[access-key]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[jwt]'],
  [/([?&](code|state|token)=)[^&#\s]+/gi, '$1[redacted]'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Last line of defence, whatever the surrounding format: long opaque runs with letters and
 * digits (session tokens, refresh tokens, signatures, client secrets). Request ids (UUIDs) stay.
 */
function redactOpaqueTokens(text: string): string {
  return text.replace(/[A-Za-z0-9+=_-]{32,}/g, (run) => (UUID.test(run) || !/\d/.test(run) || !/[A-Za-z]/.test(run) ? run : '[redacted]'));
}

export function redact(text: string): string {
  return redactOpaqueTokens(PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text));
}
