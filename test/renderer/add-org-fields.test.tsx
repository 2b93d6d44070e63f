/**
 * The sign-in fields of "Add your organization", per method, as the user meets them: order, labels,
 * names, hints, placeholders, the error shown next to each, and which input survives a method switch.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AddOrgForm } from '@renderer/features/orgs/add-org-form';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge;
afterEach(async () => {
  cleanup();
  await b.stop();
});

const METHOD_LABELS = {
  oidc: 'Identity provider (OIDC)',
  'identity-center': 'IAM Identity Center',
  saml: 'SAML 2.0 (your AWS app in Okta, Entra ID, ADFS…)',
  broker: 'Your organization’s broker (OIDC, no AWS credentials on this computer)',
} as const;
type Method = keyof typeof METHOD_LABELS;

interface Seen {
  readonly label: string;
  readonly name: string | null;
  readonly placeholder: string | null;
  readonly hint: string | null;
}

function form(): HTMLElement {
  return screen.getByRole('form', { name: 'Add organization' });
}

/** The text fields after the method choice, in document (and so focus) order. */
function methodInputs(): HTMLInputElement[] {
  const fieldset = form().querySelector('fieldset');
  return [...form().querySelectorAll<HTMLInputElement>('.field input')].filter(
    (input) => fieldset && fieldset.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
}

function seen(input: HTMLInputElement): Seen {
  const label = form().querySelector(`label[for="${input.id}"]`);
  const hint = document.getElementById(`${input.id}-hint`);
  return { label: label?.textContent ?? '', name: input.getAttribute('name'), placeholder: input.getAttribute('placeholder'), hint: hint?.textContent ?? null };
}

function errorOf(input: HTMLInputElement): string | null {
  return document.getElementById(`${input.id}-error`)?.textContent ?? null;
}

async function start(): Promise<void> {
  b = await installInProcessBridge();
  render(<AddOrgForm onDone={() => undefined} />);
  await screen.findByLabelText('Registration code');
}

function choose(method: Method): void {
  fireEvent.click(within(form()).getByLabelText(METHOD_LABELS[method]));
}

const ARN = 'arn:aws:iam::123456789012:role/WorkSpacesUsers';
const EXPECTED: Readonly<Record<Method, readonly Seen[]>> = {
  oidc: [
    { label: 'Issuer URL', name: 'issuer', placeholder: 'https://login.example.com', hint: null },
    { label: 'Client ID', name: 'clientId', placeholder: null, hint: null },
    { label: 'IAM role ARN', name: 'roleArn', placeholder: ARN, hint: null },
    { label: 'User-name claim', name: 'userNameClaim', placeholder: null, hint: null },
  ],
  'identity-center': [
    { label: 'Start URL', name: 'startUrl', placeholder: 'https://example.awsapps.com/start', hint: null },
    { label: 'Identity Center Region', name: 'ssoRegion', placeholder: 'us-east-1', hint: null },
    { label: 'AWS account ID', name: 'accountId', placeholder: null, hint: null },
    { label: 'Role name', name: 'roleName', placeholder: null, hint: null },
  ],
  saml: [
    {
      label: 'IdP-initiated sign-in URL',
      name: 'signInUrl',
      placeholder: 'https://example.okta.com/home/amazon_aws/0oa…/272',
      hint: 'The address of the AWS app in your app portal.',
    },
    { label: 'Preferred IAM role ARN (optional)', name: 'preferredRoleArn', placeholder: ARN, hint: null },
    { label: 'User-name attribute (optional)', name: 'userNameAttribute', placeholder: null, hint: 'Default: the RoleSessionName attribute, else the NameID.' },
  ],
  broker: [
    {
      label: 'Broker URL',
      name: 'brokerUrl',
      placeholder: 'https://desktops.example.com',
      hint: 'Your IT department gives you this address; it must also be allowed by their managed configuration.',
    },
    { label: 'Issuer URL', name: 'issuer', placeholder: 'https://login.example.com', hint: null },
    { label: 'Client ID', name: 'clientId', placeholder: null, hint: null },
    { label: 'User-name claim', name: 'userNameClaim', placeholder: null, hint: null },
  ],
};

describe('the sign-in fields of "Add your organization"', () => {
  it('shows each method’s fields in order, with their labels, names, hints and placeholders', async () => {
    await start();
    for (const method of Object.keys(METHOD_LABELS) as Method[]) {
      choose(method);
      expect(methodInputs().map(seen), method).toEqual(EXPECTED[method]);
    }
  });

  const ADDRESS = 'An address must not contain spaces or control characters.';
  const ROLE_ARN = 'Not an IAM role ARN (arn:aws:iam::123456789012:role/Name).';
  const CLAIM = 'Not a claim name (a name such as preferred_username, or a URL such as https://example.com/username).';
  const ERRORS: Readonly<Record<Method, readonly (readonly [string, string | null])[]>> = {
    oidc: [
      ['issuer', ADDRESS],
      ['clientId', null],
      ['roleArn', ROLE_ARN],
      ['userNameClaim', CLAIM],
    ],
    'identity-center': [
      ['startUrl', ADDRESS],
      ['ssoRegion', 'Not an AWS Region name (for example us-east-1).'],
      ['accountId', 'An AWS account id has 12 digits.'],
      ['roleName', 'Not an IAM role name.'],
    ],
    saml: [
      ['signInUrl', ADDRESS],
      ['preferredRoleArn', ROLE_ARN],
      ['userNameAttribute', 'Not a SAML attribute name.'],
    ],
    broker: [
      ['brokerUrl', ADDRESS],
      ['issuer', ADDRESS],
      ['clientId', null],
      ['userNameClaim', CLAIM],
    ],
  };

  it.each(Object.keys(METHOD_LABELS) as Method[])('shows the error core finds for each %s field next to that field', async (method) => {
    await start();
    choose(method);
    for (const input of methodInputs()) fireEvent.change(input, { target: { value: 'not valid' } });
    fireEvent.submit(form());
    await screen.findByRole('alert');
    const shown = methodInputs().map((input) => [input.name, errorOf(input)] as const);
    expect(shown).toEqual(ERRORS[method]);
    for (const input of methodInputs()) expect(input.getAttribute('aria-invalid')).toBe(errorOf(input) ? 'true' : null);
  });

  it('keeps the inputs in place when the method changes, so a field at the same position keeps its id', async () => {
    await start();
    const before = methodInputs().map((input) => input.id);
    choose('identity-center');
    expect(methodInputs().map((input) => input.id)).toEqual(before);
    choose('saml');
    expect(methodInputs().map((input) => input.id)).toEqual(before.slice(0, 3));
    expect(new Set(before).size).toBe(4);
  });
});
