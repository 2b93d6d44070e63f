import type { FieldReasonKey } from './field-reasons-en';

/** German words for why a field of an organization was refused. */
export const fieldReasonsDe: Readonly<Record<FieldReasonKey, string>> = {
  'fieldReason.required': 'Pflichtfeld.',
  'fieldReason.too-long': 'Höchstens {max} Zeichen.',
  'fieldReason.disguising-characters': 'Steuerzeichen, unsichtbare Zeichen und Schreibrichtungszeichen sind nicht erlaubt.',
  'fieldReason.invalid': 'Dieser Wert kann hier nicht verwendet werden.',
  'fieldReason.not-region': 'Kein Name einer AWS-Region (zum Beispiel us-east-1).',
  'fieldReason.not-role-arn': 'Keine IAM-Rollen-ARN (arn:aws:iam::123456789012:role/Name).',
  'fieldReason.not-account-id': 'Eine AWS-Konto-ID hat 12 Ziffern.',
  'fieldReason.not-role-name': 'Kein IAM-Rollenname.',
  'fieldReason.not-directory-id': 'Eine Verzeichnis-ID sieht so aus: d-1234567890.',
  'fieldReason.not-claim': 'Kein Claim-Name (ein Name wie preferred_username oder eine URL wie https://example.com/username).',
  'fieldReason.not-saml-attribute': 'Kein SAML-Attributname.',
  'fieldReason.region-unknown-site': 'Unbekannter Standort: Wählen Sie die Region.',
  'fieldReason.region-needed': 'Wählen Sie die Region für diesen Code.',
  'fieldReason.code-empty': 'Geben Sie einen Registrierungscode ein.',
  'fieldReason.code-too-long': 'Ein Registrierungscode oder Alias hat höchstens {max} Zeichen.',
  'fieldReason.code-opaque-too-long': 'Ein Registrierungscode hat höchstens {max} Zeichen (oder geben Sie einen Verbindungsalias wie desktop.example.com ein).',
  'fieldReason.code-invalid-characters': 'Ein Registrierungscode darf nur Buchstaben, Ziffern, „+“, „-“ und „_“ enthalten.',
  'fieldReason.code-malformed': 'Ein Registrierungscode hat nach dem „+“ 6 Buchstaben oder Ziffern, zum Beispiel SLiad+S393HD.',
  'fieldReason.code-invalid-alias': '„{value}“ ist kein gültiger Verbindungsalias (ein Hostname wie desktop.example.com).',
  'fieldReason.url-spaces': 'Eine Adresse darf keine Leerzeichen oder Steuerzeichen enthalten.',
  'fieldReason.url-invalid': 'Keine gültige Adresse.',
  'fieldReason.url-not-https': 'Muss eine https://-Adresse sein (http:// nur auf 127.0.0.1 oder [::1]).',
  'fieldReason.url-credentials': 'Eine Adresse darf keinen Benutzernamen und kein Passwort enthalten.',
  'fieldReason.url-not-ascii': 'Schreiben Sie den Hostnamen in ASCII: einen internationalen Domainnamen in seiner Punycode-Form (xn--…).',
  'fieldReason.connect-not-text': 'Der Wert ist kein Text.',
  'fieldReason.connect-empty': 'Der Wert ist leer.',
  'fieldReason.connect-too-long': 'Der Wert ist länger als {max} Zeichen.',
  'fieldReason.connect-spaces': 'Der Wert enthält Leerzeichen oder Steuerzeichen.',
  'fieldReason.connect-format': 'Erwartet: rdp://Host:Port, vnc://Host:Port oder dcv://Host:Port/#Sitzung.',
  'fieldReason.connect-protocol': '„{value}“ ist kein unterstütztes Protokoll (rdp, vnc oder dcv).',
  'fieldReason.connect-host': '„{value}“ ist kein gültiger Hostname und keine gültige Adresse.',
  'fieldReason.connect-port': '„{value}“ ist keine Portnummer.',
  'fieldReason.connect-port-range': 'Port {value} liegt außerhalb von 1–65535.',
  'fieldReason.connect-fragment': 'Nur dcv://-Adressen dürfen nach # eine Sitzung nennen.',
  'fieldReason.connect-session': '„{value}“ ist keine gültige DCV-Sitzungs-ID.',
  'fieldReason.connect-no-address': 'Der Desktop hat keine IP-Adresse, mit der verbunden werden kann.',
  'fieldReason.trust-plain-http':
    'Unverschlüsseltes http:// auf 127.0.0.1 ist für lokale Tests gedacht und braucht die verwaltete Konfiguration Ihrer IT-Abteilung.',
  'fieldReason.trust-endpoint':
    '{host} ist nicht die eigene {service}-Adresse von AWS (wie {example}); jede andere Adresse braucht die verwaltete Konfiguration Ihrer IT-Abteilung.',
  'fieldReason.trust-saml-acs':
    'Die SAML-Anmeldung auf diesem Computer statt an der Anmeldeadresse von AWS abzufangen, braucht die verwaltete Konfiguration Ihrer IT-Abteilung.',
  'fieldReason.trust-broker':
    '{host} ist der eigene Broker Ihrer Organisation, keine AWS-Adresse; ihn zu verwenden, braucht die verwaltete Konfiguration Ihrer IT-Abteilung.',
  'fieldReason.trust-default-connect':
    'Eine Standardverbindung zu einem benannten Host braucht die verwaltete Konfiguration Ihrer IT-Abteilung; verwenden Sie handoff oder nur rdp, vnc oder dcv (die eigene Adresse des Desktops).',
};
