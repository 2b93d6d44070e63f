/**
 * A SAML 2.0 identity provider with an "AWS" app, as Okta, Entra ID or ADFS run it: IdP-initiated
 * sign-in, a login form, an IdP session cookie (a second sign-in completes without a prompt) and
 * a signed Response auto-posted to AWS's sign-in endpoint (or, for hosts without Electron, to a
 * loopback ACS the host names). Signing uses xml-crypto; the key and certificate are made fresh
 * at every start.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { SignedXml } from 'xml-crypto';
import { parseUrl } from '@shared/lib/parse-url';
import type { Clock } from './clock';
import { loginPage, messagePage } from './html';
import { ACCOUNT_ID, type DemoUser, OWNER_TAG_KEY } from './seed';
import { escapeXml } from './xml';

export const AWS_SAML_ENDPOINT = 'https://signin.aws.amazon.com/saml';
export const SAML_PROVIDER_ARN = `arn:aws:iam::${ACCOUNT_ID}:saml-provider/DeskbridgeDemoIdP`;
export const SAML_USERS_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/DeskbridgeSamlUsers`;
export const SAML_SUPPORT_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/DeskbridgeSamlSupport`;
export const SAML_IDP_ENTITY_ID = 'urn:deskbridge:emulator:saml-idp';
export const SAML_APP_PATH = '/app/amazon_aws/sso/saml';
export const CODE_SAML = 'SLiad+DEMO03';

const SESSION_COOKIE = 'emu_saml_session';
const MAX_FORM_BYTES = 16 * 1024;

export interface SamlSigningKey {
  readonly privateKey: string;
  readonly certificate: string;
}

/** A fresh RSA key and self-signed certificate (the IAM SAML provider's metadata carries the certificate). */
export async function createSamlSigningKey(): Promise<SamlSigningKey> {
  const { stdout } = await promisify(execFile)(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', '-', '-out', '-', '-subj', '/CN=Deskbridge emulator SAML IdP', '-days', '30'],
    { encoding: 'utf8' },
  );
  const privateKey = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(stdout)?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(stdout)?.[0];
  if (!privateKey || !certificate) throw new Error('openssl did not produce a key and a certificate');
  return { privateKey, certificate };
}

/** The certificate's base64 body, as it appears in metadata and KeyInfo. */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** The IdP metadata an administrator uploads to IAM (Identity providers → SAML). */
export function idpMetadata(entityId: string, certificate: string, ssoUrl: string): string {
  return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(entityId)}">
<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">
<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certificateBody(certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(ssoUrl)}"/>
</md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

/** Which AWS roles the app gives each user (the IdP's group → role mapping). */
export const SAML_ASSIGNMENTS: Readonly<Record<string, readonly string[]>> = {
  alice: [SAML_USERS_ROLE_ARN, SAML_SUPPORT_ROLE_ARN],
  nobody: [SAML_USERS_ROLE_ARN],
  bulk: [SAML_USERS_ROLE_ARN],
};

/** What a test may change in the app's configuration to produce each failure for real. */
export interface SamlAppSettings {
  /** Seconds the assertion is valid (NotOnOrAfter); 300 by default, as Okta and Entra ID. */
  assertionSeconds: number;
  audience: string;
  recipient: string;
  /** Send the Role attribute (an administrator may forget to map it). */
  sendRoles: boolean;
  /** Sign with another key than the one in the IAM provider's metadata (a rotated IdP certificate). */
  signWithStaleKey: boolean;
  sessionDurationSeconds: number | null;
  /** PrincipalTag attributes sent for every user. */
  principalTags: Readonly<Record<string, string>>;
  /** Send the AuthnStatement (the SAML profile requires one; a broken IdP may leave it out). */
  sendAuthnStatement: boolean;
}

export const DEFAULT_SAML_APP: SamlAppSettings = {
  assertionSeconds: 300,
  audience: AWS_SAML_ENDPOINT,
  recipient: AWS_SAML_ENDPOINT,
  sendRoles: true,
  signWithStaleKey: false,
  sessionDurationSeconds: 3600,
  principalTags: { Department: 'Engineering', CostCenter: 'CC-1234' },
  sendAuthnStatement: true,
};

export interface SamlResponseInput {
  readonly userName: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly now: number;
  /** When the user logged in at the IdP (AuthnInstant): the IdP session's start, not this response's; default now. */
  readonly authnInstant?: number;
  readonly settings: SamlAppSettings;
  readonly key: SamlSigningKey;
  readonly issuer?: string;
}

const attribute = (name: string, values: readonly string[]): string =>
  `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
    .map(
      (v) =>
        `<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${escapeXml(v)}</saml:AttributeValue>`,
    )
    .join('')}</saml:Attribute>`;

const iso = (ms: number): string => new Date(ms).toISOString();

/** The unsigned Response with one Assertion, as an IdP builds it for the AWS app. */
export function samlResponseXml(input: SamlResponseInput): { xml: string; assertionId: string } {
  const { settings, now } = input;
  const issuer = input.issuer ?? SAML_IDP_ENTITY_ID;
  const responseId = `_${randomUUID()}`;
  const assertionId = `_${randomUUID()}`;
  const until = iso(now + settings.assertionSeconds * 1000);
  const attributes = [
    attribute('https://aws.amazon.com/SAML/Attributes/RoleSessionName', [input.userName]),
    ...(settings.sendRoles
      ? [
          attribute(
            'https://aws.amazon.com/SAML/Attributes/Role',
            input.roles.map((role) => `${role},${SAML_PROVIDER_ARN}`),
          ),
        ]
      : []),
    ...(settings.sessionDurationSeconds === null
      ? []
      : [attribute('https://aws.amazon.com/SAML/Attributes/SessionDuration', [String(settings.sessionDurationSeconds)])]),
    // The owner tag the IT kit's policy compares with each desktop's (the admin guide maps it to the user name).
    ...Object.entries({ ...settings.principalTags, [OWNER_TAG_KEY]: input.userName }).map(([key, value]) =>
      attribute(`https://aws.amazon.com/SAML/Attributes/PrincipalTag:${key}`, [value]),
    ),
    attribute('email', [input.email]),
  ].join('');
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${iso(now)}" Destination="${escapeXml(settings.recipient)}">` +
    `<saml:Issuer>${escapeXml(issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="${assertionId}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${escapeXml(issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escapeXml(input.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${escapeXml(settings.recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(now - 60_000)}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escapeXml(settings.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    (settings.sendAuthnStatement
      ? `<saml:AuthnStatement AuthnInstant="${iso(input.authnInstant ?? now)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
      : '') +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`;
  return { xml, assertionId };
}

/** Signs the Assertion (enveloped, exclusive c14n, RSA-SHA256), the signature right after its Issuer. */
export function signAssertion(xml: string, assertionId: string, key: SamlSigningKey): string {
  const sig = new SignedXml({
    privateKey: key.privateKey,
    publicCert: key.certificate,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: `//*[local-name(.)='Assertion' and @ID='${assertionId}']`,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `//*[local-name(.)='Assertion' and @ID='${assertionId}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}

/** A signed, base64-encoded SAMLResponse. */
export function signedSamlResponse(input: SamlResponseInput): string {
  const { xml, assertionId } = samlResponseXml(input);
  return Buffer.from(signAssertion(xml, assertionId, input.key), 'utf8').toString('base64');
}

/** The page an IdP returns after login: a form that posts the response to the ACS by itself. */
export function autoPostPage(acs: string, samlResponse: string, relayState?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in to AWS…</title></head>
<body><main><h1>Signing in to AWS…</h1>
<form method="post" action="${escapeXml(acs)}" id="saml-post">
<input type="hidden" name="SAMLResponse" value="${escapeXml(samlResponse)}">
${relayState === undefined ? '' : `<input type="hidden" name="RelayState" value="${escapeXml(relayState)}">`}
<noscript><p><button type="submit">Continue</button></p></noscript>
</form>
<script>document.getElementById('saml-post').submit();</script>
</main></body></html>`;
}

export interface SamlIdp {
  readonly settings: SamlAppSettings;
  readonly key: SamlSigningKey;
  /** What the IAM SAML provider was created with (its certificate does not follow signWithStaleKey). */
  readonly metadataCertificate: string;
  /** Ends every IdP session (the user must log in again). */
  endSessions(): void;
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface SamlIdpOptions {
  readonly clock: Clock;
  readonly users: readonly DemoUser[];
  readonly key: SamlSigningKey;
  readonly staleKey: SamlSigningKey;
  readonly sessionSeconds?: number;
}

/** An ACS override the emulator follows: only an http address on loopback (the host's ACS). */
function loopbackAcs(raw: string | null): string | null {
  const url = raw === null ? null : parseUrl(raw);
  return url !== null && url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.username === '' ? url.toString() : null;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createSamlIdp(options: SamlIdpOptions): SamlIdp {
  const settings: SamlAppSettings = { ...DEFAULT_SAML_APP };
  const sessions = new Map<string, { user: DemoUser; until: number; authnAt: number }>();
  const sessionMs = (options.sessionSeconds ?? 8 * 3600) * 1000;

  const respond = (res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(html);
  };

  // As Okta, Entra ID and ADFS do, a response from a live IdP session repeats that session's AuthnInstant.
  const post = (res: ServerResponse, user: DemoUser, acs: string, authnAt: number, headers: Record<string, string> = {}): void => {
    const samlResponse = signedSamlResponse({
      userName: user.username,
      email: user.email,
      roles: SAML_ASSIGNMENTS[user.username] ?? [],
      now: options.clock.now(),
      authnInstant: authnAt,
      settings,
      key: settings.signWithStaleKey ? options.staleKey : options.key,
    });
    respond(res, 200, autoPostPage(acs, samlResponse), headers);
  };

  const run = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
      res.end(idpMetadata(SAML_IDP_ENTITY_ID, options.key.certificate, `http://127.0.0.1${SAML_APP_PATH}`));
      return;
    }
    if (url.pathname !== SAML_APP_PATH) {
      respond(res, 404, messagePage('Not found', 'No such app.'));
      return;
    }
    const acs = loopbackAcs(url.searchParams.get('acs')) ?? AWS_SAML_ENDPOINT;
    const sessionId = cookieOf(req, SESSION_COOKIE);
    const session = sessionId === undefined ? undefined : sessions.get(sessionId);
    if (req.method === 'GET' && session !== undefined && session.until > options.clock.now()) {
      post(res, session.user, acs, session.authnAt);
      return;
    }
    const title = 'Sign in to the AWS app (Deskbridge Demo SAML IdP)';
    const action = `${SAML_APP_PATH}${url.search}`;
    if (req.method !== 'POST') {
      respond(res, 200, loginPage({ title, action }));
      return;
    }
    const form = await readForm(req);
    const user = options.users.find((u) => u.username === form.get('username') && u.password === form.get('password'));
    if (user === undefined) {
      respond(res, 401, loginPage({ title, action, error: 'Wrong user name or password.' }));
      return;
    }
    const id = randomBytes(24).toString('base64url');
    const authnAt = options.clock.now();
    sessions.set(id, { user, until: authnAt + sessionMs, authnAt });
    post(res, user, acs, authnAt, { 'set-cookie': `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax` });
  };

  return {
    settings,
    key: options.key,
    metadataCertificate: options.key.certificate,
    endSessions: () => sessions.clear(),
    handler(req, res) {
      run(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(messagePage('Sign-in error', error instanceof Error ? error.message : 'error'));
      });
    },
  };
}
