import type { samlEn } from './messages-en';

/** Deutsche Meldungen der SAML-Anmeldung (in i18n/de.ts eingebunden). */
export const samlDe: Record<keyof typeof samlEn, string> = {
  'add.saml': 'SAML 2.0 (Ihre AWS-App in Okta, Entra ID, ADFS…)',
  'add.samlSignInUrl': 'Vom IdP ausgelöste Anmelde-URL',
  'add.samlSignInUrlHint': 'Die Adresse der AWS-App in Ihrem App-Portal.',
  'add.samlRoleArn': 'Bevorzugte IAM-Rollen-ARN (optional)',
  'add.samlUserNameAttribute': 'Attribut mit dem Benutzernamen (optional)',
  'add.samlUserNameAttributeHint': 'Standard: das Attribut RoleSessionName, sonst die NameID.',
  'auth.saml.waitingForWindow': 'Melden Sie sich im Anmeldefenster für {name} an.',
  'auth.saml.noStay':
    'SAML-Anmeldungen können nicht gespeichert werden: SAML kennt kein Aktualisierungstoken. Deskbridge erneuert Ihre Anmeldung im Hintergrund, solange es läuft, und fragt nach einem Neustart erneut.',
  'auth.saml.chooseRole': 'Rolle für {name} wählen',
  'auth.saml.chooseRoleBody': 'Ihr Identitätsanbieter bietet mehrere AWS-Rollen an. Deskbridge merkt sich Ihre Wahl für diese Organisation.',
  'auth.saml.useRole': 'Diese Rolle verwenden',
  'auth.saml.roleAccount': 'Konto {account}',
  'auth.saml.error.saml-no-role':
    'Ihr Identitätsanbieter hat keine AWS-Rolle gesendet. Bitten Sie Ihre Administration, in der AWS-App das Attribut https://aws.amazon.com/SAML/Attributes/Role zuzuordnen.',
  'auth.saml.error.saml-role-not-offered':
    'Die für diese Organisation eingestellte Rolle gehört nicht zu den Rollen, die Ihr Identitätsanbieter Ihnen anbietet. Wählen Sie eine der angebotenen Rollen oder bitten Sie Ihre Administration, Ihnen die Rolle zuzuweisen.',
  'auth.saml.error.saml-assertion-expired':
    'Die Anmeldung Ihres Identitätsanbieters war bereits abgelaufen. Melden Sie sich erneut an; wenn das wieder passiert, prüfen Sie die Uhr dieses Computers.',
  'auth.saml.error.saml-invalid-response': 'Die Antwort Ihres Identitätsanbieters ist keine lesbare SAML-Antwort.',
  'auth.saml.error.saml-window-closed': 'Das Anmeldefenster wurde geschlossen, bevor die Anmeldung fertig war.',
  'auth.saml.error.idp-unreachable': 'Deskbridge konnte die Anmeldeseite Ihres Identitätsanbieters nicht erreichen. Prüfen Sie Ihre Netzwerkverbindung.',
  'auth.saml.error.aws-refused-token':
    'AWS hat die Anmeldung Ihres Identitätsanbieters nicht angenommen. Ihre Administration sollte den IAM-SAML-Identitätsanbieter (seine Metadaten) und die Vertrauensrichtlinie der Rolle prüfen.',
  'auth.saml.error.saml-token-expired':
    'Für AWS war die Anmeldung Ihres Identitätsanbieters abgelaufen. Melden Sie sich erneut an; wenn das wieder passiert, prüfen Sie die Uhr dieses Computers.',
  'auth.saml.error.role-trust-refused':
    'AWS hat die gewählte Rolle abgelehnt. Ihre Administration sollte die Vertrauensrichtlinie der Rolle prüfen (sts:AssumeRoleWithSAML und sts:TagSession für den SAML-Anbieter).',
  'auth.saml.error.saml-needs-prompt': 'Ihr Identitätsanbieter möchte, dass Sie sich erneut anmelden.',
};
