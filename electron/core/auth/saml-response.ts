import { DOMParser } from '@xmldom/xmldom';
import { roleArnSchema } from '@shared/lib/org-input';
import { AuthError } from './auth-error';

/**
 * Reads what Deskbridge needs from a SAMLResponse: the roles on offer, the session name and
 * duration, the session tags and when the assertion stops being valid. This is for choosing and
 * explaining only: the client never trusts the assertion for authorization (AWS verifies its
 * signature), so no signature is checked here.
 */

/** The form field as posted (base64): STS's own limit for SAMLAssertion is 100,000 characters. */
export const MAX_SAML_RESPONSE_CHARS = 100_000;
const MAX_XML_BYTES = 75_000;
/** Elements (and markup in general, counted as '<' before parsing) bound the parser's work. */
const MAX_ELEMENTS = 2_000;
const MAX_MARKUP = 2 * MAX_ELEMENTS;
const MAX_DEPTH = 32;
const MAX_ROLES = 100;
const MAX_TAGS = 50;

const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export const AWS_ATTRIBUTE = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  principalTagPrefix: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:',
} as const;

const PROVIDER_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:saml-provider\/[\w+=,.@-]{1,128}$/;

/** One Role attribute value: the role and the IAM SAML provider that may assume it. */
export interface SamlRole {
  readonly roleArn: string;
  readonly principalArn: string;
}

export interface SamlAssertion {
  readonly roles: readonly SamlRole[];
  readonly roleSessionName?: string;
  readonly nameId?: string;
  /** SessionDuration in seconds, when the IdP sends one. */
  readonly sessionDurationSeconds?: number;
  /** Session tags from PrincipalTag:<Key> attributes. */
  readonly principalTags: Readonly<Record<string, string>>;
  /** The earliest NotOnOrAfter (bearer confirmation and Conditions), epoch ms; null when absent. */
  readonly notOnOrAfter: number | null;
  /**
   * When the user authenticated at the IdP (the AuthnStatement's AuthnInstant; the earliest if
   * several), epoch ms; null when absent or unreadable. A reused IdP session repeats its own.
   */
  readonly authnInstant: number | null;
  /** Every attribute by name (first values), for the organization's user-name attribute. */
  readonly attributes: ReadonlyMap<string, readonly string[]>;
}

function invalid(details: string): AuthError {
  return new AuthError('saml-invalid-response', 'Your identity provider’s answer could not be read as a SAML response.', details);
}

/** base64 → UTF-8 XML, within the size limits; anything else is refused before parsing. */
function decode(samlResponse: string): string {
  if (samlResponse.length === 0) throw invalid('The SAMLResponse was empty.');
  if (samlResponse.length > MAX_SAML_RESPONSE_CHARS) throw invalid(`The SAMLResponse is longer than ${MAX_SAML_RESPONSE_CHARS} characters.`);
  const compact = samlResponse.replace(/[\r\n\t ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw invalid('The SAMLResponse is not base64.');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_XML_BYTES) throw invalid(`The SAML response is larger than ${MAX_XML_BYTES} bytes.`);
  const xml = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // No DTD at all: no entity expansion, no external references (SAML never needs one).
  const upper = xml.toUpperCase();
  if (upper.includes('<!DOCTYPE') || upper.includes('<!ENTITY')) throw invalid('The SAML response contains a document type declaration.');
  let markup = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    if ((markup += 1) > MAX_MARKUP) throw invalid(`The SAML response has more than ${MAX_ELEMENTS} elements.`);
  }
  return xml;
}

function parseXml(xml: string): Document {
  const problems: string[] = [];
  const parser = new DOMParser({
    locator: {},
    errorHandler: {
      warning: () => undefined,
      error: (message: string) => problems.push(message),
      fatalError: (message: string) => problems.push(message),
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, 'text/xml');
  } catch (error) {
    throw invalid(`Not well-formed XML: ${error instanceof Error ? error.message.slice(0, 200) : 'parse error'}`);
  }
  if (problems.length > 0 || !doc?.documentElement) throw invalid(`Not well-formed XML: ${(problems[0] ?? 'no root element').slice(0, 200)}`);
  if (doc.doctype) throw invalid('The SAML response contains a document type declaration.');
  checkShape(doc.documentElement);
  return doc;
}

/** Bounds the tree's size and depth so that every later walk is cheap. */
function checkShape(root: Element): void {
  let count = 0;
  const stack: { node: Element; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    count += 1;
    if (count > MAX_ELEMENTS) throw invalid(`The SAML response has more than ${MAX_ELEMENTS} elements.`);
    if (depth > MAX_DEPTH) throw invalid(`The SAML response is nested deeper than ${MAX_DEPTH} levels.`);
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) stack.push({ node: child as Element, depth: depth + 1 });
    }
  }
}

function children(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).namespaceURI === ns && (child as Element).localName === localName) found.push(child as Element);
  }
  return found;
}

function only(parent: Element, ns: string, localName: string, required: true): Element;
function only(parent: Element, ns: string, localName: string, required: false): Element | null;
function only(parent: Element, ns: string, localName: string, required: boolean): Element | null {
  const found = children(parent, ns, localName);
  if (found.length > 1) throw invalid(`More than one ${localName} in ${parent.localName ?? 'the response'}.`);
  if (found.length === 0 && required) throw invalid(`No ${localName} in ${parent.localName ?? 'the response'}.`);
  return found[0] ?? null;
}

function text(element: Element): string {
  return (element.textContent ?? '').trim();
}

function instant(value: string | null, what: string): number | null {
  if (value === null || value === '') return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw invalid(`${what} is not a date and time.`);
  return ms;
}

function readStatus(response: Element): void {
  const status = only(response, PROTOCOL_NS, 'Status', true);
  const code = only(status, PROTOCOL_NS, 'StatusCode', true).getAttribute('Value') ?? '';
  if (code !== SUCCESS) {
    const said = code.split(':').pop()?.slice(0, 100) ?? '';
    const status = /^[A-Za-z]{1,100}$/.test(said) ? said : 'unrecognised';
    throw new AuthError('saml-idp-status', `Your identity provider did not sign you in (SAML status ${status}).`, `SAML status: ${said || 'none'}`, { status });
  }
}

function readAttributes(assertion: Element): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const statement of children(assertion, ASSERTION_NS, 'AttributeStatement')) {
    for (const attribute of children(statement, ASSERTION_NS, 'Attribute')) {
      const name = attribute.getAttribute('Name') ?? '';
      if (name === '' || name.length > 512) continue;
      const values = children(attribute, ASSERTION_NS, 'AttributeValue').map(text);
      attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    }
  }
  return attributes;
}

/** "role,provider" or "provider,role" → the pair; anything else is skipped. */
export function parseRoleValue(value: string): SamlRole | null {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length !== 2) return null;
  const [a = '', b = ''] = parts;
  const isRole = (arn: string): boolean => roleArnSchema.safeParse(arn).success;
  if (isRole(a) && PROVIDER_ARN.test(b)) return { roleArn: a, principalArn: b };
  if (isRole(b) && PROVIDER_ARN.test(a)) return { roleArn: b, principalArn: a };
  return null;
}

function readRoles(values: readonly string[]): SamlRole[] {
  const roles: SamlRole[] = [];
  for (const value of values.slice(0, MAX_ROLES)) {
    const role = parseRoleValue(value);
    if (role && !roles.some((r) => r.roleArn === role.roleArn)) roles.push(role);
  }
  return roles;
}

function readTags(attributes: ReadonlyMap<string, readonly string[]>): Record<string, string> {
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [name, values] of attributes) {
    if (!name.startsWith(AWS_ATTRIBUTE.principalTagPrefix)) continue;
    const key = name.slice(AWS_ATTRIBUTE.principalTagPrefix.length);
    const value = values[0];
    if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(key) || value === undefined || value.length > 256) continue;
    if ((count += 1) > MAX_TAGS) break;
    tags[key] = value;
  }
  return tags;
}

function readNotOnOrAfter(assertion: Element): number | null {
  const limits: number[] = [];
  const subject = only(assertion, ASSERTION_NS, 'Subject', false);
  for (const confirmation of subject ? children(subject, ASSERTION_NS, 'SubjectConfirmation') : []) {
    if (confirmation.getAttribute('Method') !== BEARER) continue;
    const data = only(confirmation, ASSERTION_NS, 'SubjectConfirmationData', false);
    const at = instant(data?.getAttribute('NotOnOrAfter') ?? null, 'SubjectConfirmationData NotOnOrAfter');
    if (at !== null) limits.push(at);
  }
  const conditions = only(assertion, ASSERTION_NS, 'Conditions', false);
  const at = instant(conditions?.getAttribute('NotOnOrAfter') ?? null, 'Conditions NotOnOrAfter');
  if (at !== null) limits.push(at);
  return limits.length === 0 ? null : Math.min(...limits);
}

function readAuthnInstant(assertion: Element): number | null {
  const instants: number[] = [];
  for (const statement of children(assertion, ASSERTION_NS, 'AuthnStatement')) {
    const raw = statement.getAttribute('AuthnInstant') ?? '';
    const ms = Date.parse(raw);
    // Unreadable: treated as absent, so the sign-in is dated by Deskbridge instead (saml-flow.ts).
    if (/^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(ms)) instants.push(ms);
  }
  return instants.length === 0 ? null : Math.min(...instants);
}

function readSessionDuration(values: readonly string[] | undefined): number | undefined {
  const raw = values?.[0];
  if (raw === undefined || !/^\d{1,6}$/.test(raw)) return undefined;
  return Number(raw);
}

/** Decodes and reads a SAMLResponse; throws an AuthError with a specific code on anything unexpected. */
export function parseSamlResponse(samlResponse: string): SamlAssertion {
  const doc = parseXml(decode(samlResponse));
  const response = doc.documentElement;
  if (response.namespaceURI !== PROTOCOL_NS || response.localName !== 'Response') throw invalid('The root element is not a SAML 2.0 Response.');
  readStatus(response);
  if (children(response, ASSERTION_NS, 'EncryptedAssertion').length > 0 && children(response, ASSERTION_NS, 'Assertion').length === 0) {
    throw new AuthError(
      'saml-no-role',
      'Your identity provider encrypts its SAML assertions, so Deskbridge cannot see which AWS roles it offers.',
      'IdP setting: turn off assertion encryption for the AWS app (AWS accepts unencrypted assertions; the signature protects them).',
    );
  }
  const assertion = only(response, ASSERTION_NS, 'Assertion', true);
  const attributes = readAttributes(assertion);
  const subject = only(assertion, ASSERTION_NS, 'Subject', false);
  const nameIdElement = subject ? only(subject, ASSERTION_NS, 'NameID', false) : null;
  const nameId = nameIdElement ? text(nameIdElement).slice(0, 256) : '';
  const roleSessionName = attributes.get(AWS_ATTRIBUTE.roleSessionName)?.[0];
  const sessionDurationSeconds = readSessionDuration(attributes.get(AWS_ATTRIBUTE.sessionDuration));
  return {
    roles: readRoles(attributes.get(AWS_ATTRIBUTE.role) ?? []),
    ...(roleSessionName ? { roleSessionName: roleSessionName.slice(0, 256) } : {}),
    ...(nameId ? { nameId } : {}),
    ...(sessionDurationSeconds === undefined ? {} : { sessionDurationSeconds }),
    principalTags: readTags(attributes),
    notOnOrAfter: readNotOnOrAfter(assertion),
    authnInstant: readAuthnInstant(assertion),
    attributes,
  };
}

/** The WorkSpaces user name: the organization's attribute, else RoleSessionName, else NameID. */
export function samlUserName(assertion: SamlAssertion, attribute: string | undefined): string {
  const configured = attribute ? assertion.attributes.get(attribute)?.[0] : undefined;
  return (configured ?? assertion.roleSessionName ?? assertion.nameId ?? '').trim().slice(0, 128);
}

/**
 * The role to assume: the organization's preferred role (which must be on offer), else the one
 * the user chose before when still on offer, else the only one; null when the user must choose.
 */
export function pickRole(assertion: SamlAssertion, configured: string | undefined, remembered: string | undefined): SamlRole | null {
  if (assertion.roles.length === 0) {
    throw new AuthError(
      'saml-no-role',
      'Your identity provider sent no AWS role. Ask your administrator to map the Role attribute in the AWS app.',
      `IdP setting: the attribute ${AWS_ATTRIBUTE.role} with values "arn:aws:iam::<account>:role/<role>,arn:aws:iam::<account>:saml-provider/<provider>".`,
    );
  }
  if (configured !== undefined) {
    const match = assertion.roles.find((role) => role.roleArn === configured);
    if (match) return match;
    throw new AuthError(
      'saml-role-not-offered',
      `The role set for this organization (${configured}) is not among the roles your identity provider offers you. Ask your administrator to assign it to you in the AWS app.`,
      `Roles offered: ${assertion.roles.map((role) => role.roleArn).join(', ')}`,
    );
  }
  const previous = remembered === undefined ? undefined : assertion.roles.find((role) => role.roleArn === remembered);
  if (previous) return previous;
  return assertion.roles.length === 1 ? (assertion.roles[0] ?? null) : null;
}
