/**
 * STS AssumeRoleWithSAML as AWS documents it: the assertion's signature is verified against the
 * IAM SAML provider's metadata certificate, then its audience, Recipient, NotOnOrAfter and the
 * role/provider pair; session tags come from PrincipalTag attributes. Everything is read from the
 * signed bytes only (what xml-crypto reports as signed), never from the surrounding document, so
 * an XML signature-wrapping attempt finds nothing to smuggle in.
 */
import { randomUUID } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { Clock } from './clock';
import type { CredentialRegistry, Principal } from './credentials';
import type { Reply } from './http-server';
import { stsError } from './sts';
import { toXml, type XmlValue } from './xml';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const PROTOCOL_NS = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const AWS_AUDIENCES = ['https://signin.aws.amazon.com/saml', 'urn:amazon:webservices'];
const ROLE_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/Role';
const SESSION_NAME_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/RoleSessionName';
const DURATION_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/SessionDuration';
const TAG_PREFIX = 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:';

/** An IAM SAML identity provider: its ARN and the metadata certificate IT uploaded. */
export interface SamlProviderEntry {
  readonly arn: string;
  readonly entityId: string;
  readonly certificate: string;
}

/** A role whose trust policy lets a SAML provider assume it (sts:AssumeRoleWithSAML, sts:TagSession, SAML:aud). */
export interface SamlRoleEntry {
  readonly arn: string;
  readonly trustedProvider: string;
  readonly maxSessionSeconds: number;
}

export interface StsSamlDeps {
  readonly registry: CredentialRegistry;
  readonly clock: Clock;
  readonly samlProviders: () => readonly SamlProviderEntry[];
  readonly samlRoles: () => readonly SamlRoleEntry[];
}

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** AWS's recipients: the global endpoint and its regional, GovCloud and China variants. */
function isAwsRecipient(value: string): boolean {
  return (
    value === 'https://signin.aws.amazon.com/saml' ||
    /^https:\/\/[a-z]{2}(-gov)?-[a-z]+-\d\.signin\.aws\.amazon\.com\/saml$/.test(value) ||
    value === 'https://signin.amazonaws-us-gov.com/saml' ||
    value === 'https://signin.amazonaws.cn/saml'
  );
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function elements(parent: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<Element>);
}

function childElements(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).namespaceURI === ns && (child as Element).localName === localName) found.push(child as Element);
  }
  return found;
}

function parse(xml: string): Document {
  let broken = false;
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => (broken = true), fatalError: () => (broken = true) } }).parseFromString(
    xml,
    'text/xml',
  );
  if (broken || !doc?.documentElement || doc.doctype) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: not well-formed XML.');
  return doc;
}

/** Verifies the one Assertion's enveloped signature and returns the Assertion as signed. */
function verifiedAssertion(xml: string, provider: SamlProviderEntry): Element {
  const doc = parse(xml);
  const root = doc.documentElement;
  if (root.namespaceURI !== PROTOCOL_NS || root.localName !== 'Response')
    throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: root is not a Response.');
  const assertions = elements(doc, ASSERTION_NS, 'Assertion');
  if (assertions.length !== 1) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: expected exactly one Assertion.');
  const assertion = assertions[0]!;
  if (assertion.parentNode !== root) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: the Assertion is not a child of the Response.');
  const signatures = childElements(assertion, DSIG_NS, 'Signature');
  if (signatures.length !== 1 || elements(doc, DSIG_NS, 'Signature').length !== 1) throw new Refusal('InvalidIdentityToken', 'Response signature invalid');
  const sig = new SignedXml({ publicCert: provider.certificate });
  let valid = false;
  try {
    sig.loadSignature(signatures[0]!);
    valid = sig.checkSignature(xml);
  } catch {
    valid = false;
  }
  const references = sig.getReferences();
  const id = assertion.getAttribute('ID') ?? '';
  if (!valid || references.length !== 1 || references[0]?.uri !== `#${id}` || id === '')
    throw new Refusal('InvalidIdentityToken', 'Response signature invalid');
  const signed = sig.getSignedReferences();
  if (signed.length !== 1) throw new Refusal('InvalidIdentityToken', 'Response signature invalid');
  const signedAssertion = parse(signed[0]!).documentElement;
  if (signedAssertion.namespaceURI !== ASSERTION_NS || signedAssertion.localName !== 'Assertion')
    throw new Refusal('InvalidIdentityToken', 'Response signature invalid');
  return signedAssertion;
}

function attributesOf(assertion: Element): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const statement of childElements(assertion, ASSERTION_NS, 'AttributeStatement')) {
    for (const attribute of childElements(statement, ASSERTION_NS, 'Attribute')) {
      const name = attribute.getAttribute('Name') ?? '';
      const values = childElements(attribute, ASSERTION_NS, 'AttributeValue').map((v) => (v.textContent ?? '').trim());
      map.set(name, [...(map.get(name) ?? []), ...values]);
    }
  }
  return map;
}

function checkConditions(assertion: Element, now: number): void {
  const subject = childElements(assertion, ASSERTION_NS, 'Subject')[0];
  const bearer = subject
    ? childElements(subject, ASSERTION_NS, 'SubjectConfirmation').find((c) => c.getAttribute('Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer')
    : undefined;
  const data = bearer ? childElements(bearer, ASSERTION_NS, 'SubjectConfirmationData')[0] : undefined;
  if (!data) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: no bearer SubjectConfirmationData.');
  const recipient = data.getAttribute('Recipient') ?? '';
  if (!isAwsRecipient(recipient)) throw new Refusal('IDPRejectedClaim', 'The Recipient of the SAML assertion is not a sign-in endpoint of AWS.', 403);
  const conditions = childElements(assertion, ASSERTION_NS, 'Conditions')[0];
  const audiences = conditions
    ? childElements(conditions, ASSERTION_NS, 'AudienceRestriction').flatMap((r) =>
        childElements(r, ASSERTION_NS, 'Audience').map((a) => (a.textContent ?? '').trim()),
      )
    : [];
  if (!audiences.some((audience) => AWS_AUDIENCES.includes(audience))) {
    throw new Refusal('IDPRejectedClaim', 'The audience of the SAML assertion is not https://signin.aws.amazon.com/saml.', 403);
  }
  const limits = [data.getAttribute('NotOnOrAfter'), conditions?.getAttribute('NotOnOrAfter') ?? null]
    .filter((v): v is string => v !== null && v !== '')
    .map((v) => Date.parse(v));
  if (limits.length === 0 || limits.some(Number.isNaN)) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: no NotOnOrAfter.');
  const until = Math.min(...limits);
  if (until <= now)
    throw new Refusal('ExpiredTokenException', `Token expired: current date/time ${iso(now)} must be before the expiration date/time ${iso(until)}`);
  const notBefore = conditions?.getAttribute('NotBefore');
  if (notBefore && Date.parse(notBefore) > now + 300_000) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: the assertion is not valid yet.');
}

function required(p: URLSearchParams, name: string, min: number, max: number): string {
  const value = p.get(name);
  const field = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  if (value === null)
    throw new Refusal('ValidationError', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  if (value.length < min || value.length > max) {
    throw new Refusal(
      'ValidationError',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length between ${min} and ${max}`,
    );
  }
  return value;
}

function success(result: Readonly<Record<string, XmlValue | undefined>>): Reply {
  const body = `<AssumeRoleWithSAMLResponse xmlns="${NS}">${toXml('AssumeRoleWithSAMLResult', result)}${toXml('ResponseMetadata', { RequestId: randomUUID() })}</AssumeRoleWithSAMLResponse>`;
  return { status: 200, operation: 'AssumeRoleWithSAML', output: result, headers: { 'content-type': 'text/xml' }, body };
}

function assume(p: URLSearchParams, deps: StsSamlDeps): Reply {
  const roleArn = required(p, 'RoleArn', 20, 2048);
  const principalArn = required(p, 'PrincipalArn', 20, 2048);
  const assertionParam = required(p, 'SAMLAssertion', 4, 100_000);
  const durationParam = p.get('DurationSeconds');
  const provider = deps.samlProviders().find((entry) => entry.arn === principalArn);
  if (provider === undefined)
    throw new Refusal('InvalidIdentityToken', `Specified provider doesn't exist (Service: AWSOpenIdDiscoveryService; Status Code: 400)`);
  const xml = Buffer.from(assertionParam, 'base64').toString('utf8');
  const assertion = verifiedAssertion(xml, provider);
  const issuer = (childElements(assertion, ASSERTION_NS, 'Issuer')[0]?.textContent ?? '').trim();
  if (issuer !== provider.entityId) throw new Refusal('InvalidIdentityToken', 'Issuer of the SAML assertion does not match the provider.');
  const now = deps.clock.now();
  checkConditions(assertion, now);
  const attributes = attributesOf(assertion);
  const pairs = (attributes.get(ROLE_ATTRIBUTE) ?? []).map((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .sort(),
  );
  const wanted = [roleArn, principalArn].sort();
  if (!pairs.some((pair) => pair.length === 2 && pair[0] === wanted[0] && pair[1] === wanted[1])) {
    throw new Refusal('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML', 403);
  }
  const role = deps.samlRoles().find((entry) => entry.arn === roleArn);
  if (role === undefined || role.trustedProvider !== principalArn) throw new Refusal('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML', 403);
  const sessionName = attributes.get(SESSION_NAME_ATTRIBUTE)?.[0] ?? '';
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) throw new Refusal('InvalidIdentityToken', 'Invalid SAML response: RoleSessionName is missing or not valid.');
  const requested = durationParam === null ? Number(attributes.get(DURATION_ATTRIBUTE)?.[0] ?? 3600) : Number(durationParam);
  if (!Number.isInteger(requested) || requested < 900 || requested > 43200) {
    throw new Refusal(
      'ValidationError',
      `1 validation error detected: Value '${String(requested)}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  if (requested > role.maxSessionSeconds)
    throw new Refusal('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  const tags: Record<string, string> = {};
  for (const [name, values] of attributes) {
    if (name.startsWith(TAG_PREFIX) && values[0] !== undefined) tags[name.slice(TAG_PREFIX.length)] = values[0];
  }
  if (Object.keys(tags).length > 50) throw new Refusal('PackedPolicyTooLarge', 'Packed policy consumes more than 100% of the allotted space.');
  const roleName = role.arn.split('/').pop() ?? 'role';
  const account = role.arn.split(':')[4] ?? '123456789012';
  const roleId = `AROA${Buffer.from(roleName).toString('hex').toUpperCase().slice(0, 17).padEnd(17, 'X')}`;
  const subject = (childElements(childElements(assertion, ASSERTION_NS, 'Subject')[0] ?? assertion, ASSERTION_NS, 'NameID')[0]?.textContent ?? '').trim();
  const principal: Principal = {
    arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    account,
    userId: `${roleId}:${sessionName}`,
    endUser: true,
    ...(Object.keys(tags).length > 0 ? { principalTags: tags } : {}),
  };
  const key = deps.registry.issueTemporary(principal, now + requested * 1000);
  return success({
    Credentials: {
      AccessKeyId: key.accessKeyId,
      SecretAccessKey: key.secretAccessKey,
      SessionToken: key.sessionToken ?? '',
      Expiration: iso(key.expiresAt ?? now),
    },
    AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
    PackedPolicySize: Object.keys(tags).length,
    Subject: subject,
    SubjectType: 'transient',
    Issuer: provider.entityId,
    Audience: 'https://signin.aws.amazon.com/saml',
    NameQualifier: Buffer.from(`${provider.entityId}${account}/${principalArn.split('/').pop() ?? ''}`)
      .toString('base64')
      .slice(0, 28),
  });
}

/** The AssumeRoleWithSAML action of the emulator's STS. */
export function assumeRoleWithSaml(p: URLSearchParams, deps: StsSamlDeps): Reply {
  try {
    return assume(p, deps);
  } catch (error) {
    if (error instanceof Refusal) return stsError(error.code, error.message, error.status, 'Sender', 'AssumeRoleWithSAML');
    throw error;
  }
}
