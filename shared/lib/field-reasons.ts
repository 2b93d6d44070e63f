/**
 * Why a field of an organization (typed, from a link or a file) was refused, as a closed list of
 * codes with their params: core and the shared checks send these; the renderer words each one in
 * the user's language (renderer/src/features/orgs/field-reasons-*.ts). The English below is for
 * logs and the technical details only, never shown as the field's message.
 */
export const FIELD_REASONS = [
  // any text field
  'required',
  'too-long',
  'disguising-characters',
  'invalid',
  // formats
  'not-region',
  'not-role-arn',
  'not-account-id',
  'not-role-name',
  'not-directory-id',
  'not-claim',
  'not-saml-attribute',
  // the Region a code needs
  'region-unknown-site',
  'region-needed',
  // the registration code (shared/lib/registration-code.ts)
  'code-empty',
  'code-too-long',
  'code-opaque-too-long',
  'code-invalid-characters',
  'code-malformed',
  'code-invalid-alias',
  // a service address (shared/lib/external-url.ts)
  'url-spaces',
  'url-invalid',
  'url-not-https',
  'url-credentials',
  'url-not-ascii',
  // the organization's default connection (shared/lib/connect-target.ts)
  'connect-not-text',
  'connect-empty',
  'connect-too-long',
  'connect-spaces',
  'connect-format',
  'connect-protocol',
  'connect-host',
  'connect-port',
  'connect-port-range',
  'connect-fragment',
  'connect-session',
  'connect-no-address',
  // who may set which address (shared/lib/org-trust.ts)
  'trust-plain-http',
  'trust-endpoint',
  'trust-saml-acs',
  'trust-default-connect',
  'trust-broker',
] as const;

export type FieldReason = (typeof FIELD_REASONS)[number];
export type FieldParams = Readonly<Record<string, string | number>>;

/** One refused field: its path in the organization ("signIn.issuer"), why, and the values the wording needs. */
export interface FieldIssue {
  readonly path: string;
  readonly reason: FieldReason;
  readonly params?: FieldParams;
}

/** A reason with its params, before it is attached to a field. */
export interface ReasonOf {
  readonly reason: FieldReason;
  readonly params?: FieldParams;
}

export function isFieldReason(value: unknown): value is FieldReason {
  return typeof value === 'string' && (FIELD_REASONS as readonly string[]).includes(value);
}

const NEEDS_IT = 'needs your IT department’s managed configuration';

/** English for logs and details (never the UI's words): `{name}` filled from the params. */
const ENGLISH: Readonly<Record<FieldReason, string>> = {
  required: 'Required.',
  'too-long': 'At most {max} characters.',
  'disguising-characters': 'Control, invisible and text-direction characters are not allowed.',
  invalid: 'Not a valid value.',
  'not-region': 'Not an AWS Region name (for example us-east-1).',
  'not-role-arn': 'Not an IAM role ARN (arn:aws:iam::123456789012:role/Name).',
  'not-account-id': 'An AWS account id has 12 digits.',
  'not-role-name': 'Not an IAM role name.',
  'not-directory-id': 'A directory id looks like d-1234567890.',
  'not-claim': 'Not a claim name (a name such as preferred_username, or a URL such as https://example.com/username).',
  'not-saml-attribute': 'Not a SAML attribute name.',
  'region-unknown-site': 'Unknown site: choose the Region.',
  'region-needed': 'Choose the Region for this code.',
  'code-empty': 'Enter a registration code.',
  'code-too-long': 'A registration code or alias has at most {max} characters.',
  'code-opaque-too-long': 'A registration code has at most {max} characters (or enter a connection alias such as desktop.example.com).',
  'code-invalid-characters': 'A registration code may contain only letters, digits, "+", "-" and "_".',
  'code-malformed': 'A registration code has 6 letters or digits after the "+", for example SLiad+S393HD.',
  'code-invalid-alias': '"{value}" is not a valid connection alias (a host name such as desktop.example.com).',
  'url-spaces': 'An address must not contain spaces or control characters.',
  'url-invalid': 'Not a valid address.',
  'url-not-https': 'Must be an https:// address (http:// only on 127.0.0.1 or [::1]).',
  'url-credentials': 'An address must not contain a user name or password.',
  'url-not-ascii': 'Write the host name in ASCII: an international domain name in its punycode form (xn--…).',
  'connect-not-text': 'The value is not text.',
  'connect-empty': 'The value is empty.',
  'connect-too-long': 'The value is longer than {max} characters.',
  'connect-spaces': 'The value contains spaces or control characters.',
  'connect-format': 'Expected rdp://host:port, vnc://host:port or dcv://host:port/#session.',
  'connect-protocol': '"{value}" is not a supported protocol (rdp, vnc or dcv).',
  'connect-host': '"{value}" is not a valid host name or address.',
  'connect-port': '"{value}" is not a port number.',
  'connect-port-range': 'Port {value} is outside 1–65535.',
  'connect-fragment': 'Only dcv:// addresses may name a session after #.',
  'connect-session': '"{value}" is not a valid DCV session id.',
  'connect-no-address': 'The desktop has no IP address to connect to.',
  'trust-plain-http': `Plain http:// on 127.0.0.1 is for local testing and ${NEEDS_IT}.`,
  'trust-endpoint': `{host} is not AWS’s own {service} address (like {example}); any other address ${NEEDS_IT}.`,
  'trust-saml-acs': `Catching the SAML sign-in on this computer instead of AWS’s sign-in address ${NEEDS_IT}.`,
  'trust-broker': `{host} is your organization’s own broker, not an AWS address; using it ${NEEDS_IT}.`,
  'trust-default-connect': `A default connection to a named host ${NEEDS_IT}; use handoff, or rdp, vnc or dcv alone (the desktop’s own address).`,
};

/** The English of a reason, for logs and details. */
export function englishReason({ reason, params }: ReasonOf): string {
  return ENGLISH[reason].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

/** One line per field ("signIn.issuer: Must be an https:// address …"): the details core logs and shows as technical text. */
export function describeFieldIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${englishReason(issue)}` : englishReason(issue))).join('\n');
}
