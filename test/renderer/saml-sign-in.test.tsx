import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthErrorView } from '@renderer/features/auth/auth-error-view';
import { RolePicker } from '@renderer/features/auth/role-picker';
import { SignInForm } from '@renderer/features/auth/sign-in-form';
import { I18nContext, type Language, translator } from '@renderer/i18n';
import type { OrgProfile } from '@shared/models/org';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge;
beforeEach(async () => {
  b = await installInProcessBridge();
});
afterEach(async () => {
  cleanup();
  await b.stop();
});

const ORG: OrgProfile = {
  id: 'org-saml',
  code: 'SLiad+S393HD',
  name: 'Example Corp',
  region: 'us-east-1',
  signIn: { method: 'saml', signInUrl: 'https://example.okta.com/home/amazon_aws/0oa1/272' },
  policy: { allowStaySignedIn: true },
  managed: false,
};
const USERS = 'arn:aws:iam::123456789012:role/WorkSpacesUsers';
const SUPPORT = 'arn:aws:iam::210987654321:role/teams/WorkSpacesSupport';

function renderIn(language: Language, node: ReactNode) {
  return render(<I18nContext.Provider value={translator(language)}>{node}</I18nContext.Provider>);
}

describe('SAML in the renderer', () => {
  it('does not offer "stay signed in" for SAML and says why, in English and German', () => {
    renderIn('en', <SignInForm org={ORG} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText(/SAML has no refresh token/)).toBeTruthy();
    cleanup();
    renderIn('de', <SignInForm org={ORG} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText(/SAML kennt kein Aktualisierungstoken/)).toBeTruthy();
    cleanup();
    // Other methods keep the choice.
    renderIn(
      'en',
      <SignInForm
        org={{
          ...ORG,
          signIn: { method: 'identity-center', startUrl: 'https://x.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
        }}
      />,
    );
    expect(screen.getByRole('checkbox', { name: /Stay signed in/ })).toBeTruthy();
  });

  it('lets the user pick one of the offered roles and hands the choice to core', async () => {
    renderIn(
      'en',
      <RolePicker
        orgName="Example Corp"
        status={{ orgId: ORG.id, state: 'signing-in', method: 'saml', staySignedIn: false, waitingFor: 'role', roleChoices: [USERS, SUPPORT] }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Choose a role for Example Corp' })).toBeTruthy();
    const users = screen.getByRole('radio', { name: /WorkSpacesUsers/ });
    const support = screen.getByRole('radio', { name: /WorkSpacesSupport account 210987654321/ });
    expect((users as HTMLInputElement).checked).toBe(true);
    fireEvent.click(support);
    fireEvent.click(screen.getByRole('button', { name: 'Use this role' }));
    await waitFor(() => expect(b.channels).toContain('auth:chooseRole'));
  });

  it('explains SAML failures in the user’s language and keeps the IAM details', () => {
    const error = {
      code: 'saml-no-role' as const,
      message: 'Your identity provider sent no AWS role.',
      details: 'IdP setting: the attribute https://aws.amazon.com/SAML/Attributes/Role',
    };
    renderIn('de', <AuthErrorView error={error} saml />);
    expect(screen.getByRole('alert').textContent).toContain('Ihr Identitätsanbieter hat keine AWS-Rolle gesendet');
    expect(screen.getByText(/IdP setting: the attribute/)).toBeTruthy();
    cleanup();
    for (const code of [
      'saml-role-not-offered',
      'saml-assertion-expired',
      'saml-window-closed',
      'idp-unreachable',
      'aws-refused-token',
      'saml-token-expired',
      'role-trust-refused',
    ] as const) {
      renderIn('de', <AuthErrorView error={{ code, message: 'english from core' }} saml />);
      expect(screen.getByRole('alert').textContent).not.toContain('english from core');
      cleanup();
    }
  });
});
