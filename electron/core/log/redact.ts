/** Removes secrets from text before it is logged, shown or exported. */
const PATTERNS: readonly [RegExp, string][] = [
  [/(authorization|x-amz-security-token|x-amz-sso_bearer_token|cookie)(["']?\s*[:=]\s*["']?)[^"',\s}]+(\s+[^"',\s}]+)?/gi, '$1$2[redacted]'],
  [/(access_?token|refresh_?token|id_?token|client_?secret|secret_?access_?key|session_?token|password|code_verifier|device_code)(["']?\s*[:=]\s*["']?)[^"'&,\s}]+/gi, '$1$2[redacted]'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[access-key]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[jwt]'],
  [/([?&](code|state|token)=)[^&#\s]+/gi, '$1[redacted]'],
];

export function redact(text: string): string {
  return PATTERNS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
