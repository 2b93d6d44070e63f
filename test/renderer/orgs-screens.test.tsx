import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { App } from '@renderer/app/app';
import { OIDC_INPUT, SSO_INPUT, storedProfile, unwrap } from '../core/support/temp-core';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge;
afterEach(async () => {
  cleanup();
  await b.stop();
});

const roleArn = OIDC_INPUT.signIn.method === 'oidc' ? OIDC_INPUT.signIn.roleArn : '';
const withOrgs = (...organizations: unknown[]) => ({ version: 1, organizations, preferences: { language: 'system', theme: 'system' } });

/** Types a value one character at a time, as a user would, so live validation sees every prefix. */
function typeInto(input: HTMLElement, text: string): void {
  for (let i = 1; i <= text.length; i++) fireEvent.change(input, { target: { value: text.slice(0, i) } });
}

function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function startApp(options: Parameters<typeof installInProcessBridge>[0] = {}) {
  b = await installInProcessBridge(options);
  render(<App />);
}

describe('first run: "Add your organization"', () => {
  it('focuses the code field and shows the Region as the code is typed', async () => {
    await startApp();
    await screen.findByRole('heading', { name: 'Add your organization' });
    const code = screen.getByLabelText('Registration code');
    expect(document.activeElement).toBe(code);
    expect(description(code)).toContain('For example SLiad+S393HD');
    typeInto(code, 'SLiad+S39');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    typeInto(code, 'SLiad+S393HD');
    expect(description(code)).toBe('WorkSpaces in us-east-1');
    expect(code.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(code, { target: { value: 'wssin+CWJ5CT' } });
    expect(description(code)).toBe('WorkSpaces in ap-southeast-1');
  });

  it('shows the parser’s own reason for a bad code, next to the field', async () => {
    await startApp();
    const code = await screen.findByLabelText('Registration code');
    typeInto(code, 'wsiad+abc');
    expect(description(code)).toBe('A registration code has 6 letters or digits after the "+", for example SLiad+S393HD.');
    fireEvent.change(code, { target: { value: 'desk top' } });
    expect(description(code)).toBe('A registration code may contain only letters, digits, "+", "-" and "_".');
  });

  it('asks for the Region when the code does not give one', async () => {
    await startApp();
    const code = await screen.findByLabelText('Registration code');
    expect(screen.queryByLabelText('Region')).toBeNull();
    typeInto(code, 'desktop.example.com');
    expect(description(code)).toBe('Choose the Region for this code.');
    expect(screen.getByLabelText('Region')).toBeTruthy();
  });

  it('shows the errors core finds next to their fields, and adds nothing', async () => {
    await startApp();
    fireEvent.change(await screen.findByLabelText('Registration code'), { target: { value: 'SLiad+S393HD' } });
    fireEvent.change(screen.getByLabelText('Issuer URL'), { target: { value: 'http://login.example.com' } });
    fireEvent.change(screen.getByLabelText('Client ID'), { target: { value: 'deskbridge' } });
    fireEvent.change(screen.getByLabelText('IAM role ARN'), { target: { value: 'arn:aws:iam::1:role/x' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add organization' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The organization was not added. Some details of this organization are not valid.');
    expect(description(screen.getByLabelText('Issuer URL'))).toBe('Must be an https:// address (http:// only on 127.0.0.1 or [::1]).');
    expect(description(screen.getByLabelText('IAM role ARN'))).toBe('Not an IAM role ARN (arn:aws:iam::123456789012:role/Name).');
    expect(screen.getByLabelText('Issuer URL').getAttribute('aria-invalid')).toBe('true');
    expect(unwrap(await b.core.api.orgs.list()).organizations).toEqual([]);
  });

  it('adds an OIDC organization and shows it in the list', async () => {
    await startApp();
    fireEvent.change(await screen.findByLabelText('Registration code'), { target: { value: 'sliad+s393hd' } });
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Example Corp' } });
    fireEvent.change(screen.getByLabelText('Issuer URL'), { target: { value: 'https://login.example.com' } });
    fireEvent.change(screen.getByLabelText('Client ID'), { target: { value: 'deskbridge' } });
    fireEvent.change(screen.getByLabelText('IAM role ARN'), { target: { value: roleArn } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add organization' }));
    await screen.findByRole('heading', { name: 'Organizations' });
    const row = screen.getByRole('listitem', { name: 'Example Corp' });
    expect(row.textContent).toContain('SLiad+S393HD');
    expect(row.textContent).toContain('us-east-1');
    expect(unwrap(await b.core.api.orgs.list()).organizations).toMatchObject([
      { name: 'Example Corp', signIn: { method: 'oidc', userNameClaim: 'preferred_username' } },
    ]);
  });

  it('adds an IAM Identity Center organization with its own Region', async () => {
    await startApp();
    fireEvent.change(await screen.findByLabelText('Registration code'), { target: { value: 'WSpdx+ABC12D' } });
    fireEvent.click(screen.getByLabelText('IAM Identity Center'));
    expect(screen.queryByLabelText('Issuer URL')).toBeNull();
    fireEvent.change(screen.getByLabelText('Start URL'), { target: { value: 'https://contoso.awsapps.com/start' } });
    fireEvent.change(screen.getByLabelText('Identity Center Region'), { target: { value: 'us-east-1' } });
    fireEvent.change(screen.getByLabelText('AWS account ID'), { target: { value: '123456789012' } });
    fireEvent.change(screen.getByLabelText('Role name'), { target: { value: 'Desk' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add organization' }));
    const row = await screen.findByRole('listitem', { name: 'WSpdx+ABC12D' });
    expect(row.textContent).toContain('us-west-2');
  });

  it('says so when the policy forbids adding organizations', async () => {
    await startApp({ policy: { organizations: [], allowAddOrganizations: false } });
    await screen.findByText('Your organization’s policy does not allow adding other organizations.');
    expect(screen.queryByLabelText('Registration code')).toBeNull();
  });
});

describe('the organization list', () => {
  it('renames an organization from the keyboard-reachable Rename button', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp')) });
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Example Corp' }));
    const field = screen.getByLabelText('New name for Example Corp');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('listitem', { name: 'Work' });
    expect(unwrap(await b.core.api.orgs.list()).organizations[0]!.name).toBe('Work');
  });

  it('explains why an empty name is refused', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp')) });
    fireEvent.click(await screen.findByRole('button', { name: 'Rename Example Corp' }));
    const field = screen.getByLabelText('New name for Example Corp');
    fireEvent.change(field, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(description(field)).toBe('Enter a name of 1 to 64 characters.'));
    expect(unwrap(await b.core.api.orgs.list()).organizations[0]!.name).toBe('Example Corp');
  });

  it('removes an organization only after confirmation; Escape cancels', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp'), storedProfile('b', 'WSpdx+ABC12D', 'Contoso')) });
    const removeButton = await screen.findByRole('button', { name: 'Remove Example Corp' });
    removeButton.focus();
    fireEvent.click(removeButton);
    const dialog = screen.getByRole('dialog', { name: 'Remove Example Corp?' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(removeButton);
    expect(unwrap(await b.core.api.orgs.list()).organizations).toHaveLength(2);

    fireEvent.click(removeButton);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Example Corp' })).toBeNull());
    expect(screen.getByRole('listitem', { name: 'Contoso' })).toBeTruthy();
    expect(unwrap(await b.core.api.orgs.list()).organizations.map((o) => o.id)).toEqual(['b']);
  });

  it('goes back to "Add your organization" when the last one is removed', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp')) });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Example Corp' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await screen.findByRole('heading', { name: 'Add your organization' });
  });

  it('marks a managed organization and offers no way to rename, export or remove it', async () => {
    await startApp({
      policy: { organizations: [{ ...SSO_INPUT, name: 'Contoso IT' }] },
      settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp')),
    });
    const managed = await screen.findByRole('listitem', { name: 'Contoso IT' });
    expect(managed.textContent).toContain('Managed by your IT department');
    const labels = (row: HTMLElement) =>
      within(row)
        .queryAllByRole('button')
        .map((el) => el.getAttribute('aria-label') ?? el.textContent ?? '');
    expect(labels(managed).filter((label) => /rename|export|remove/i.test(label))).toEqual([]);
    const own = screen.getByRole('listitem', { name: 'Example Corp' });
    expect(labels(own)).toEqual(expect.arrayContaining(['Rename Example Corp', 'Export Example Corp', 'Remove Example Corp']));
  });

  it('shows why an imported file was refused', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp')) });
    const input = (await screen.findByText('Import from file')).querySelector('input[type=file]')!;
    const file = new File(['{"format": "nope"}'], 'x.deskbridge.json', { type: 'application/json' });
    // jsdom's File lacks Blob.text(), which every browser has.
    Object.defineProperty(file, 'text', { value: async () => '{"format": "nope"}' });
    fireEvent.change(input, { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toBe('This file is not a Deskbridge organization file.');
  });

  it('refuses a file far too large to be an organization file without reading it', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Example Corp')) });
    const input = (await screen.findByText('Import from file')).querySelector('input[type=file]')!;
    const file = new File(['x'.repeat(70 * 1024)], 'big.json', { type: 'application/json' });
    let read = false;
    Object.defineProperty(file, 'text', { value: async () => ((read = true), '') });
    fireEvent.change(input, { target: { files: [file] } });
    expect((await screen.findByRole('alert')).textContent).toBe('This file is too large to be a Deskbridge organization file.');
    expect(read).toBe(false);
  });
});

/** Imports a profile file through the "Import from file" button, as a user picks one. */
async function importFile(organization: unknown): Promise<void> {
  const text = JSON.stringify({ format: 'deskbridge-organization', version: 1, organization });
  const input = (await screen.findByText('Import from file')).querySelector('input[type=file]')!;
  const file = new File([text], 'org.deskbridge.json', { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => text });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('importing a profile file', () => {
  const existing = () => withOrgs(storedProfile('a', 'WSpdx+ABC12D', 'Contoso'));

  it('adds nothing until the user confirms, and shows every address the profile would use first', async () => {
    await startApp({ settings: existing() });
    await importFile({
      ...OIDC_INPUT,
      region: 'us-east-1',
      endpoints: { sts: 'https://sts-fips.us-east-1.amazonaws.com', workspaces: 'https://workspaces-fips.us-east-1.amazonaws.com' },
      defaultConnect: 'rdp',
    });
    const dialog = await screen.findByRole('dialog', { name: 'Add this organization?' });
    expect(dialog.textContent).toContain('You are importing the organization below from a file.');
    const shown = within(dialog)
      .getAllByRole('term')
      .map((term) => `${term.textContent} = ${term.nextElementSibling?.textContent ?? ''}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        'Identity provider = https://login.example.com',
        'AWS STS endpoint = https://sts-fips.us-east-1.amazonaws.com',
        'WorkSpaces endpoint = https://workspaces-fips.us-east-1.amazonaws.com',
        'Default connection = rdp',
      ]),
    );
    expect(unwrap(await b.core.api.orgs.list()).organizations.map((o) => o.name)).toEqual(['Contoso']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add organization' }));
    await screen.findByRole('listitem', { name: 'Example Corp' });
    expect(unwrap(await b.core.api.orgs.list()).organizations.find((o) => o.name === 'Example Corp')?.endpoints?.sts).toBe(
      'https://sts-fips.us-east-1.amazonaws.com',
    );
  });

  it('refuses a hostile file with an attacker’s endpoints, says which and why, and adds nothing', async () => {
    await startApp({ settings: existing() });
    await importFile({ ...OIDC_INPUT, endpoints: { sts: 'https://sts.attacker.example', workspaces: 'https://abc123.execute-api.us-east-1.amazonaws.com' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This organization uses addresses that only your IT department can set, so it was not added.');
    expect(alert.textContent).toContain('endpoints.sts: sts.attacker.example is not AWS’s own sts address');
    expect(alert.textContent).toContain('endpoints.workspaces: abc123.execute-api.us-east-1.amazonaws.com is not AWS’s own workspaces address');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(unwrap(await b.core.api.orgs.pendingLinks())).toEqual([]);
    expect(unwrap(await b.core.api.orgs.list()).organizations.map((o) => o.name)).toEqual(['Contoso']);
  });

  it('is offered on first run too, before any organization exists', async () => {
    await startApp();
    await screen.findByRole('heading', { name: 'Add your organization' });
    await importFile(OIDC_INPUT);
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Add this organization?' })).getByRole('button', { name: 'Add organization' }));
    await screen.findByRole('listitem', { name: 'Example Corp' });
  });

  it('shows an international host in punycode, with a warning to check it', async () => {
    await startApp({ settings: existing() });
    // login.exаmple-corp.com with a Cyrillic "а", written the only way Deskbridge accepts it.
    const issuer = `https://${new URL('https://login.ex\u0430mple-corp.com').hostname}`;
    await importFile({ ...OIDC_INPUT, signIn: { ...OIDC_INPUT.signIn, issuer } });
    const dialog = await screen.findByRole('dialog', { name: 'Add this organization?' });
    expect(dialog.textContent).toContain('https://login.xn--');
    expect(dialog.textContent).not.toContain('\u0430');
    expect(dialog.textContent).toContain('International domain name: check every character of this address.');
  });
});

describe('the deep-link dialog', () => {
  const link = `deskbridge://register?code=SLiad%2BS393HD&name=Example%20Corp&issuer=https%3A%2F%2Flogin.example.com&clientId=deskbridge&roleArn=${encodeURIComponent(roleArn)}`;

  it('shows what a link would add and adds it when the user accepts', async () => {
    await startApp();
    await screen.findByRole('heading', { name: 'Add your organization' });
    b.core.receiveDeepLink(link);
    const dialog = await screen.findByRole('dialog', { name: 'Add this organization?' });
    expect(dialog.textContent).toContain('Example Corp');
    expect(dialog.textContent).toContain('SLiad+S393HD');
    expect(dialog.textContent).toContain('Identity provider (OIDC): https://login.example.com');
    const shown = within(dialog)
      .getAllByRole('term')
      .map((term) => `${term.textContent} = ${term.nextElementSibling?.textContent ?? ''}`);
    expect(shown).toEqual(expect.arrayContaining(['Identity provider = https://login.example.com', 'AWS endpoints = AWS’s own endpoints for the Region']));
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add organization' }));
    await screen.findByRole('listitem', { name: 'Example Corp' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it.each([
    ['the Don’t add button', (dialog: HTMLElement) => fireEvent.click(within(dialog).getByRole('button', { name: 'Don’t add' }))],
    ['Escape', (dialog: HTMLElement) => fireEvent.keyDown(dialog, { key: 'Escape' })],
  ])('adds nothing when the user refuses with %s', async (_how, refuse) => {
    await startApp();
    await screen.findByRole('heading', { name: 'Add your organization' });
    b.core.receiveDeepLink(link);
    refuse(await screen.findByRole('dialog'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(unwrap(await b.core.api.orgs.list()).organizations).toEqual([]);
    expect(unwrap(await b.core.api.orgs.pendingLinks())).toEqual([]);
  });

  it('keeps the dialog open and says why when an accepted link cannot be added', async () => {
    await startApp({ settings: withOrgs(storedProfile('a', 'SLiad+S393HD', 'Already here')) });
    await screen.findByRole('listitem', { name: 'Already here' });
    b.core.receiveDeepLink(link);
    const dialog = await screen.findByRole('dialog', { name: 'Add this organization?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add organization' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('“Already here” already uses the code SLiad+S393HD.');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Don’t add' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(unwrap(await b.core.api.orgs.list()).organizations).toHaveLength(1);
  });

  it('shows a refused link as an error notice that can be dismissed', async () => {
    await startApp();
    await screen.findByRole('heading', { name: 'Add your organization' });
    b.core.receiveDeepLink(`${link}&issuer=https%3A%2F%2Fevil.example`);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A Deskbridge link was refused.');
    expect(alert.textContent).toContain('The link gives "issuer" more than once.');
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

describe('refused fields in the German UI', () => {
  it('words every field core refuses in German, from its reason code, and shows none of core’s English', async () => {
    // The app follows the system's language: a German system.
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    onTestFinished(() => languages.mockRestore());
    await startApp();
    const form = await screen.findByRole('form');
    fireEvent.change(within(form).getAllByRole('textbox')[0]!, { target: { value: 'SLiad+S393HD' } });
    const issuer = form.querySelector('input[name="issuer"]') as HTMLInputElement;
    const roleArnField = form.querySelector('input[name="roleArn"]') as HTMLInputElement;
    fireEvent.change(issuer, { target: { value: 'http://login.example.com' } });
    fireEvent.change(form.querySelector('input[name="clientId"]')!, { target: { value: 'deskbridge' } });
    fireEvent.change(roleArnField, { target: { value: 'arn:aws:iam::1:role/x' } });
    const refused = await b.core.api.orgs.add({
      code: 'SLiad+S393HD',
      name: 'x',
      signIn: {
        method: 'oidc',
        issuer: 'http://login.example.com',
        clientId: 'deskbridge',
        roleArn: 'arn:aws:iam::1:role/x',
        userNameClaim: 'preferred_username',
      },
    });
    expect(refused.ok).toBe(false);
    const coreEnglish = refused.ok
      ? []
      : [refused.error.message, ...(refused.error.details ?? '').split('\n').map((line) => line.slice(line.indexOf(': ') + 2))];
    expect(coreEnglish.length).toBeGreaterThan(2);
    fireEvent.submit(form);
    await screen.findByRole('alert');
    expect(description(issuer)).toBe('Muss eine https://-Adresse sein (http:// nur auf 127.0.0.1 oder [::1]).');
    expect(description(roleArnField)).toBe('Keine IAM-Rollen-ARN (arn:aws:iam::123456789012:role/Name).');
    const shown = document.body.textContent ?? '';
    for (const english of coreEnglish) expect(shown, english).not.toContain(english);
  });
});
