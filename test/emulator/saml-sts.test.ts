import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DescribeWorkspacesCommand } from '@aws-sdk/client-workspaces';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure, workspacesClient } from './helpers';
import { type Emulator, startEmulator, type TapEvent } from './index';
import { errorAllowed, loadModel, validateOutput } from './model-validator';
import { DEFAULT_SAML_APP, SAML_APP_PATH, SAML_PROVIDER_ARN, SAML_SUPPORT_ROLE_ARN, SAML_USERS_ROLE_ARN, samlResponseXml, signAssertion } from './saml-idp';
import { SamlBrowser } from './saml-login';
import { DIRECTORY_FULL } from './seed';

let emu: Emulator;
let sts: STSClient;
let appUrl: string;
const events: TapEvent[] = [];

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, onResponse: (event) => events.push(event) });
  sts = new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials: emu.adminCredentials, maxAttempts: 1 });
  appUrl = `${emu.endpoints.samlIdp ?? ''}${SAML_APP_PATH}`;
});
afterAll(async () => {
  await emu.stop();
});
afterEach(() => {
  Object.assign(emu.state.saml.settings, DEFAULT_SAML_APP);
  emu.state.saml.endSessions();
});

const alice = { username: 'alice', password: 'alice-demo-pass' };
const assume = (samlResponse: string, role = SAML_USERS_ROLE_ARN, provider = SAML_PROVIDER_ARN) =>
  sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: role, PrincipalArn: provider, SAMLAssertion: samlResponse }));
const xmlOf = (samlResponse: string): string => Buffer.from(samlResponse, 'base64').toString('utf8');
const b64 = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');

describe('SAML IdP', () => {
  it('asks for a login, then posts a signed response to AWS; a second sign-in needs no prompt', async () => {
    const browser = new SamlBrowser();
    const first = await browser.signIn(appUrl, alice);
    expect(first.acs).toBe('https://signin.aws.amazon.com/saml');
    expect(xmlOf(first.samlResponse)).toContain('<ds:SignatureValue>');
    const second = await browser.signIn(appUrl, null);
    expect(second.samlResponse).not.toBe(first.samlResponse);
    await expect(new SamlBrowser().signIn(appUrl, null)).rejects.toThrow(/asks for a login/);
  });

  it('a response from a live IdP session repeats that session’s AuthnInstant (the login), as real IdPs do', async () => {
    const browser = new SamlBrowser();
    const loggedInAt = emu.clock.now();
    const first = await browser.signIn(appUrl, alice);
    emu.clock.advance(3_600_000);
    const second = await browser.signIn(appUrl, null);
    const authnInstant = (samlResponse: string) => /AuthnInstant="([^"]+)"/.exec(xmlOf(samlResponse))?.[1];
    expect(authnInstant(first.samlResponse)).toBe(new Date(loggedInAt).toISOString());
    expect(authnInstant(second.samlResponse)).toBe(new Date(loggedInAt).toISOString());
    expect(/IssueInstant="([^"]+)"/.exec(xmlOf(second.samlResponse))?.[1]).toBe(new Date(loggedInAt + 3_600_000).toISOString());
  });

  it('posts to a loopback ACS when the host names one, and never to another address', async () => {
    const browser = new SamlBrowser();
    const loopback = await browser.signIn(`${appUrl}?acs=${encodeURIComponent('http://127.0.0.1:4999/saml/acs')}`, alice);
    expect(loopback.acs).toBe('http://127.0.0.1:4999/saml/acs');
    const foreign = await browser.signIn(`${appUrl}?acs=${encodeURIComponent('https://evil.example/acs')}`, null);
    expect(foreign.acs).toBe('https://signin.aws.amazon.com/saml');
  });
});

describe('STS AssumeRoleWithSAML', () => {
  it('verifies the signed assertion and issues credentials for the chosen role, with session tags', async () => {
    const { samlResponse } = await new SamlBrowser().signIn(appUrl, alice);
    const out = await assume(samlResponse, SAML_SUPPORT_ROLE_ARN);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/DeskbridgeSamlSupport/alice');
    expect(out.Audience).toBe('https://signin.aws.amazon.com/saml');
    expect(out.Subject).toBe('alice@example.com');
    // Department, CostCenter and the owner tag the IT kit's policy compares.
    expect(out.PackedPolicySize).toBe(3);
    const c = out.Credentials!;
    // SessionDuration 3600 s (the wire format drops milliseconds).
    expect(Math.ceil((c.Expiration!.getTime() - emu.clock.now()) / 1000)).toBe(3600);
    const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    const who = await new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, credentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(out.AssumedRoleUser?.Arn);
    const desktops = await workspacesClient(emu, credentials).send(new DescribeWorkspacesCommand({ DirectoryId: DIRECTORY_FULL, UserName: 'alice' }));
    expect(desktops.Workspaces?.length).toBeGreaterThan(0);
  });

  it('refuses a role the assertion does not pair with the provider (AccessDenied)', async () => {
    const { samlResponse } = await new SamlBrowser().signIn(appUrl, { username: 'nobody', password: 'nobody-demo-pass' });
    const error = await failure(assume(samlResponse, SAML_SUPPORT_ROLE_ARN));
    expect(error.name).toBe('AccessDenied');
  });

  it('refuses an unknown provider and a signature the provider metadata does not vouch for (InvalidIdentityToken)', async () => {
    const { samlResponse } = await new SamlBrowser().signIn(appUrl, alice);
    expect((await failure(assume(samlResponse, SAML_USERS_ROLE_ARN, 'arn:aws:iam::123456789012:saml-provider/Other'))).name).toBe(
      'InvalidIdentityTokenException',
    );
    emu.state.saml.settings.signWithStaleKey = true;
    const stale = await new SamlBrowser().signIn(appUrl, alice);
    const error = await failure(assume(stale.samlResponse));
    expect(error.name).toBe('InvalidIdentityTokenException');
    expect(error.message).toContain('signature');
  });

  it('refuses a wrong audience or Recipient (IDPRejectedClaim)', async () => {
    emu.state.saml.settings.audience = 'urn:example:not-aws';
    expect((await failure(assume((await new SamlBrowser().signIn(appUrl, alice)).samlResponse))).name).toBe('IDPRejectedClaimException');
    Object.assign(emu.state.saml.settings, DEFAULT_SAML_APP, { recipient: 'https://evil.example/saml' });
    expect((await failure(assume((await new SamlBrowser().signIn(appUrl, alice)).samlResponse))).name).toBe('IDPRejectedClaimException');
  });

  it('refuses an assertion past its NotOnOrAfter (ExpiredTokenException)', async () => {
    const { samlResponse } = await new SamlBrowser().signIn(appUrl, alice);
    emu.clock.advance(301_000);
    const error = await failure(assume(samlResponse));
    expect(error.name).toBe('ExpiredTokenException');
  });

  it('refuses a tampered assertion', async () => {
    const { samlResponse } = await new SamlBrowser().signIn(appUrl, alice);
    const tampered = xmlOf(samlResponse).replace('>alice</saml:AttributeValue>', '>admin</saml:AttributeValue>');
    expect(tampered).not.toBe(xmlOf(samlResponse));
    expect((await failure(assume(b64(tampered)))).name).toBe('InvalidIdentityTokenException');
  });

  it('refuses XML signature wrapping: a forged assertion beside or around the signed one', async () => {
    const { samlResponse } = await new SamlBrowser().signIn(appUrl, { username: 'nobody', password: 'nobody-demo-pass' });
    const genuine = xmlOf(samlResponse);
    const signedAssertion = genuine.slice(genuine.indexOf('<saml:Assertion'), genuine.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length);
    const { xml: forgedXml } = samlResponseXml({
      userName: 'alice',
      email: 'alice@example.com',
      roles: [SAML_SUPPORT_ROLE_ARN],
      now: emu.clock.now(),
      settings: DEFAULT_SAML_APP,
      key: emu.state.saml.key,
    });
    const forged = forgedXml.slice(forgedXml.indexOf('<saml:Assertion'), forgedXml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length);
    // 1. The signed assertion moved into Extensions, the forged one in its place.
    const moved = genuine
      .replace(signedAssertion, `${forged}`)
      .replace('<samlp:Status>', `<samlp:Extensions>${signedAssertion}</samlp:Extensions><samlp:Status>`);
    // 2. The forged assertion carrying the genuine signature, with the genuine assertion's ID.
    const id = /ID="([^"]+)"/.exec(signedAssertion)![1]!;
    const signature = signedAssertion.slice(signedAssertion.indexOf('<ds:Signature'), signedAssertion.indexOf('</ds:Signature>') + '</ds:Signature>'.length);
    const relabelled = forged.replace(/ID="[^"]+"/, `ID="${id}"`).replace('</saml:Issuer>', `</saml:Issuer>${signature}`);
    const swapped = genuine.replace(signedAssertion, relabelled);
    // 3. Both assertions side by side.
    const twin = genuine.replace(signedAssertion, `${signedAssertion}${forged}`);
    for (const attack of [moved, swapped, twin]) {
      const error = await failure(assume(b64(attack), SAML_SUPPORT_ROLE_ARN));
      expect(error.name).toBe('InvalidIdentityTokenException');
    }
    // The genuine response still works for the role it really offers.
    expect((await assume(samlResponse)).AssumedRoleUser?.Arn).toContain('/nobody');
  });

  it('signs a response it builds itself the same way (the helper tests use)', async () => {
    const { xml, assertionId } = samlResponseXml({
      userName: 'alice',
      email: 'alice@example.com',
      roles: [SAML_USERS_ROLE_ARN],
      now: emu.clock.now(),
      settings: DEFAULT_SAML_APP,
      key: emu.state.saml.key,
    });
    const out = await assume(b64(signAssertion(xml, assertionId, emu.state.saml.key)));
    expect(out.AssumedRoleUser?.Arn).toContain('DeskbridgeSamlUsers/alice');
  });

  // Last in this file: every AssumeRoleWithSAML answer above, successes and refusals, against the STS model.
  it('answers every call with the shapes and error codes of the STS service model', async () => {
    const model = await loadModel('sts');
    const saml = events.filter((e) => e.service === 'sts' && e.operation === 'AssumeRoleWithSAML');
    expect(saml.filter((e) => e.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(new Set(saml.flatMap((e) => (e.errorType ? [e.errorType] : [])))).toEqual(
      new Set(['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim', 'ExpiredTokenException']),
    );
    expect(saml.filter((e) => e.status === 200).flatMap((e) => validateOutput(model, 'AssumeRoleWithSAML', e.output))).toEqual([]);
    expect(saml.filter((e) => e.errorType !== undefined && !errorAllowed(model, 'AssumeRoleWithSAML', e.errorType))).toEqual([]);
  });
});
