import type { FieldReason } from '@shared/lib/field-reasons';

/** A message key per field reason (shared/lib/field-reasons.ts): the renderer words every refused field itself. */
export type FieldReasonKey = `fieldReason.${FieldReason}`;

/** English words for why a field of an organization was refused; `{name}` placeholders come from the reason's params. */
export const fieldReasonsEn: Readonly<Record<FieldReasonKey, string>> = {
  'fieldReason.required': 'Required.',
  'fieldReason.too-long': 'At most {max} characters.',
  'fieldReason.disguising-characters': 'Control, invisible and text-direction characters are not allowed.',
  'fieldReason.invalid': 'This value cannot be used here.',
  'fieldReason.not-region': 'Not an AWS Region name (for example us-east-1).',
  'fieldReason.not-role-arn': 'Not an IAM role ARN (arn:aws:iam::123456789012:role/Name).',
  'fieldReason.not-account-id': 'An AWS account id has 12 digits.',
  'fieldReason.not-role-name': 'Not an IAM role name.',
  'fieldReason.not-directory-id': 'A directory id looks like d-1234567890.',
  'fieldReason.not-claim': 'Not a claim name (a name such as preferred_username, or a URL such as https://example.com/username).',
  'fieldReason.not-saml-attribute': 'Not a SAML attribute name.',
  'fieldReason.region-unknown-site': 'Unknown site: choose the Region.',
  'fieldReason.region-needed': 'Choose the Region for this code.',
  'fieldReason.code-empty': 'Enter a registration code.',
  'fieldReason.code-too-long': 'A registration code or alias has at most {max} characters.',
  'fieldReason.code-opaque-too-long': 'A registration code has at most {max} characters (or enter a connection alias such as desktop.example.com).',
  'fieldReason.code-invalid-characters': 'A registration code may contain only letters, digits, "+", "-" and "_".',
  'fieldReason.code-malformed': 'A registration code has 6 letters or digits after the "+", for example SLiad+S393HD.',
  'fieldReason.code-invalid-alias': '"{value}" is not a valid connection alias (a host name such as desktop.example.com).',
  'fieldReason.url-spaces': 'An address must not contain spaces or control characters.',
  'fieldReason.url-invalid': 'Not a valid address.',
  'fieldReason.url-not-https': 'Must be an https:// address (http:// only on 127.0.0.1 or [::1]).',
  'fieldReason.url-credentials': 'An address must not contain a user name or password.',
  'fieldReason.url-not-ascii': 'Write the host name in ASCII: an international domain name in its punycode form (xn--…).',
  'fieldReason.connect-not-text': 'The value is not text.',
  'fieldReason.connect-empty': 'The value is empty.',
  'fieldReason.connect-too-long': 'The value is longer than {max} characters.',
  'fieldReason.connect-spaces': 'The value contains spaces or control characters.',
  'fieldReason.connect-format': 'Expected rdp://host:port, vnc://host:port or dcv://host:port/#session.',
  'fieldReason.connect-protocol': '"{value}" is not a supported protocol (rdp, vnc or dcv).',
  'fieldReason.connect-host': '"{value}" is not a valid host name or address.',
  'fieldReason.connect-port': '"{value}" is not a port number.',
  'fieldReason.connect-port-range': 'Port {value} is outside 1–65535.',
  'fieldReason.connect-fragment': 'Only dcv:// addresses may name a session after #.',
  'fieldReason.connect-session': '"{value}" is not a valid DCV session id.',
  'fieldReason.connect-no-address': 'The desktop has no IP address to connect to.',
  'fieldReason.trust-plain-http': 'Plain http:// on 127.0.0.1 is for local testing and needs your IT department’s managed configuration.',
  'fieldReason.trust-endpoint':
    '{host} is not AWS’s own {service} address (like {example}); any other address needs your IT department’s managed configuration.',
  'fieldReason.trust-saml-acs': 'Catching the SAML sign-in on this computer instead of AWS’s sign-in address needs your IT department’s managed configuration.',
  'fieldReason.trust-broker': '{host} is your organization’s own broker, not an AWS address; using it needs your IT department’s managed configuration.',
  'fieldReason.trust-default-connect':
    'A default connection to a named host needs your IT department’s managed configuration; use handoff, or rdp, vnc or dcv alone (the desktop’s own address).',
};
