/** Adding a broker-mode organization (issue 14) in the real renderer, backed by the real core. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@renderer/app/app';
import { unwrap } from '../core/support/temp-core';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge;
afterEach(async () => {
  cleanup();
  await b.stop();
});

function description(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function fillBroker(brokerUrl: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText('Registration code'), { target: { value: 'SLiad+S393HD' } });
  fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Broker Corp' } });
  fireEvent.click(screen.getByLabelText('Your organization’s broker (OIDC, no AWS credentials on this computer)'));
  expect(screen.queryByLabelText('IAM role ARN')).toBeNull();
  fireEvent.change(screen.getByLabelText('Broker URL'), { target: { value: brokerUrl } });
  fireEvent.change(screen.getByLabelText('Issuer URL'), { target: { value: 'https://login.example.com' } });
  fireEvent.change(screen.getByLabelText('Client ID'), { target: { value: 'deskbridge' } });
  fireEvent.submit(screen.getByRole('form', { name: 'Add organization' }));
}

describe('adding a broker organization', () => {
  it('refuses a broker IT has not trusted, next to the Broker URL field', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await fillBroker('https://desktops.example.com/prod');
    await screen.findByRole('alert');
    expect(description(screen.getByLabelText('Broker URL'))).toContain('desktops.example.com is your organization’s own broker');
    expect(unwrap(await b.core.api.orgs.list()).organizations).toEqual([]);
  });

  it('adds one whose broker managed configuration trusts', async () => {
    b = await installInProcessBridge({
      policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: ['desktops.example.com'] },
    });
    render(<App />);
    await fillBroker('https://desktops.example.com/prod');
    await screen.findByRole('listitem', { name: 'Broker Corp' });
    expect(unwrap(await b.core.api.orgs.list()).organizations).toMatchObject([
      {
        name: 'Broker Corp',
        signIn: {
          method: 'broker',
          brokerUrl: 'https://desktops.example.com/prod',
          issuer: 'https://login.example.com',
          clientId: 'deskbridge',
          userNameClaim: 'preferred_username',
        },
      },
    ]);
  });

  it('confirms a broker link showing the broker’s address, and no AWS endpoints (broker mode calls none)', async () => {
    b = await installInProcessBridge({
      policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: ['desktops.example.com'] },
    });
    render(<App />);
    b.core.receiveDeepLink(
      'deskbridge://register?method=broker&code=SLiad%2BS393HD&name=Broker%20Corp&brokerUrl=https%3A%2F%2Fdesktops.example.com%2Fprod&issuer=https%3A%2F%2Flogin.example.com&clientId=deskbridge',
    );
    const dialog = await screen.findByRole('dialog', { name: 'Add this organization?' });
    expect(dialog.textContent).toContain('Your organization’s brokerhttps://desktops.example.com/prod');
    expect(dialog.textContent).toContain('Your organization’s broker (OIDC, no AWS credentials on this computer): https://login.example.com');
    expect(dialog.textContent).not.toContain('AWS endpoints');
  });
});
