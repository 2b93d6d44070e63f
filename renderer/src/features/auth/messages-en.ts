/** English messages of SAML sign-in (spread into i18n/en.ts). */
export const samlEn = {
  'add.saml': 'SAML 2.0 (your AWS app in Okta, Entra ID, ADFS…)',
  'add.samlSignInUrl': 'IdP-initiated sign-in URL',
  'add.samlSignInUrlHint': 'The address of the AWS app in your app portal.',
  'add.samlRoleArn': 'Preferred IAM role ARN (optional)',
  'add.samlUserNameAttribute': 'User-name attribute (optional)',
  'add.samlUserNameAttributeHint': 'Default: the RoleSessionName attribute, else the NameID.',
  'auth.saml.waitingForWindow': 'Finish signing in in the sign-in window for {name}.',
  'auth.saml.noStay':
    'SAML sign-ins cannot be kept: SAML has no refresh token. Deskbridge renews your sign-in in the background while it runs and asks you again after a restart.',
  'auth.saml.chooseRole': 'Choose a role for {name}',
  'auth.saml.chooseRoleBody': 'Your identity provider offers several AWS roles. Deskbridge remembers your choice for this organization.',
  'auth.saml.useRole': 'Use this role',
  'auth.saml.roleAccount': 'account {account}',
  'auth.saml.error.saml-no-role':
    'Your identity provider sent no AWS role. Ask your administrator to map the https://aws.amazon.com/SAML/Attributes/Role attribute in the AWS app.',
  'auth.saml.error.saml-role-not-offered':
    'The role set for this organization is not among the roles your identity provider offers you. Choose one of the offered roles, or ask your administrator to assign the role to you.',
  'auth.saml.error.saml-assertion-expired':
    'The sign-in from your identity provider had already expired. Sign in again; if this repeats, check this computer’s clock.',
  'auth.saml.error.saml-invalid-response': 'Your identity provider’s answer could not be read as a SAML response.',
  'auth.saml.error.saml-window-closed': 'The sign-in window was closed before you finished signing in.',
  'auth.saml.error.idp-unreachable': 'Deskbridge could not reach your identity provider’s sign-in page. Check your network connection.',
  'auth.saml.error.aws-refused-token':
    'AWS did not accept the sign-in from your identity provider. Your administrator should check the IAM SAML identity provider (its metadata) and the role’s trust policy.',
  'auth.saml.error.saml-token-expired':
    'AWS found the sign-in from your identity provider expired. Sign in again; if this repeats, check this computer’s clock.',
  'auth.saml.error.role-trust-refused':
    'AWS refused the role you chose. Your administrator should check the role’s trust policy (sts:AssumeRoleWithSAML and sts:TagSession for the SAML provider).',
  'auth.saml.error.saml-needs-prompt': 'Your identity provider wants you to sign in again.',
} as const;
