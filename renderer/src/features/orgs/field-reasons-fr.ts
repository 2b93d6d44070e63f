import type { FieldReasonKey } from './field-reasons-en';

/** Mots français expliquant pourquoi un champ d’une organisation a été refusé. */
export const fieldReasonsFr: Readonly<Record<FieldReasonKey, string>> = {
  'fieldReason.required': 'Obligatoire.',
  'fieldReason.too-long': '{max} caractères au maximum.',
  'fieldReason.disguising-characters': 'Les caractères de contrôle, invisibles et de direction du texte ne sont pas autorisés.',
  'fieldReason.invalid': 'Cette valeur ne peut pas être utilisée ici.',
  'fieldReason.not-region': 'Ce n’est pas un nom de région AWS (par exemple us-east-1).',
  'fieldReason.not-role-arn': 'Ce n’est pas un ARN de rôle IAM (arn:aws:iam::123456789012:role/Name).',
  'fieldReason.not-account-id': 'Un ID de compte AWS comporte 12 chiffres.',
  'fieldReason.not-role-name': 'Ce n’est pas un nom de rôle IAM.',
  'fieldReason.not-directory-id': 'Un ID d’annuaire se présente ainsi : d-1234567890.',
  'fieldReason.not-claim': 'Ce n’est pas un nom de revendication (un nom tel que preferred_username, ou une URL telle que https://example.com/username).',
  'fieldReason.not-saml-attribute': 'Ce n’est pas un nom d’attribut SAML.',
  'fieldReason.region-unknown-site': 'Site inconnu : choisissez la région.',
  'fieldReason.region-needed': 'Choisissez la région de ce code.',
  'fieldReason.code-empty': 'Saisissez un code d’enregistrement.',
  'fieldReason.code-too-long': 'Un code d’enregistrement ou un alias comporte au plus {max} caractères.',
  'fieldReason.code-opaque-too-long':
    'Un code d’enregistrement comporte au plus {max} caractères (ou saisissez un alias de connexion tel que desktop.example.com).',
  'fieldReason.code-invalid-characters': 'Un code d’enregistrement ne peut contenir que des lettres, des chiffres, « + », « - » et « _ ».',
  'fieldReason.code-malformed': 'Un code d’enregistrement comporte 6 lettres ou chiffres après le « + », par exemple SLiad+S393HD.',
  'fieldReason.code-invalid-alias': '« {value} » n’est pas un alias de connexion valide (un nom d’hôte tel que desktop.example.com).',
  'fieldReason.url-spaces': 'Une adresse ne doit contenir ni espaces ni caractères de contrôle.',
  'fieldReason.url-invalid': 'Adresse non valide.',
  'fieldReason.url-not-https': 'Doit être une adresse https:// (http:// uniquement sur 127.0.0.1 ou [::1]).',
  'fieldReason.url-credentials': 'Une adresse ne doit contenir ni nom d’utilisateur ni mot de passe.',
  'fieldReason.url-not-ascii': 'Écrivez le nom d’hôte en ASCII : un nom de domaine internationalisé sous sa forme punycode (xn--…).',
  'fieldReason.connect-not-text': 'La valeur n’est pas du texte.',
  'fieldReason.connect-empty': 'La valeur est vide.',
  'fieldReason.connect-too-long': 'La valeur dépasse {max} caractères.',
  'fieldReason.connect-spaces': 'La valeur contient des espaces ou des caractères de contrôle.',
  'fieldReason.connect-format': 'Format attendu : rdp://hôte:port, vnc://hôte:port ou dcv://hôte:port/#session.',
  'fieldReason.connect-protocol': '« {value} » n’est pas un protocole pris en charge (rdp, vnc ou dcv).',
  'fieldReason.connect-host': '« {value} » n’est pas un nom d’hôte ou une adresse valide.',
  'fieldReason.connect-port': '« {value} » n’est pas un numéro de port.',
  'fieldReason.connect-port-range': 'Le port {value} est en dehors de la plage 1–65535.',
  'fieldReason.connect-fragment': 'Seules les adresses dcv:// peuvent indiquer une session après #.',
  'fieldReason.connect-session': '« {value} » n’est pas un ID de session DCV valide.',
  'fieldReason.connect-no-address': 'Le bureau n’a pas d’adresse IP à laquelle se connecter.',
  'fieldReason.trust-plain-http':
    'Le http:// non chiffré sur 127.0.0.1 est réservé aux tests locaux et nécessite la configuration gérée de votre service informatique.',
  'fieldReason.trust-endpoint':
    '{host} n’est pas l’adresse {service} propre à AWS (comme {example}) ; toute autre adresse nécessite la configuration gérée de votre service informatique.',
  'fieldReason.trust-saml-acs':
    'Intercepter la connexion SAML sur cet ordinateur plutôt qu’à l’adresse de connexion d’AWS nécessite la configuration gérée de votre service informatique.',
  'fieldReason.trust-default-connect':
    'Une connexion par défaut vers un hôte nommé nécessite la configuration gérée de votre service informatique ; utilisez handoff, ou simplement rdp, vnc ou dcv (l’adresse propre du bureau).',
  'fieldReason.trust-broker':
    '{host} est le broker propre à votre organisation, pas une adresse AWS ; l’utiliser nécessite la configuration gérée de votre service informatique.',
};
