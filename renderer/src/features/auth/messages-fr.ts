import type { samlEn } from './messages-en';

/** Messages français de la connexion SAML (inclus dans i18n/fr.ts). */
export const samlFr: Record<keyof typeof samlEn, string> = {
  'add.saml': 'SAML 2.0 (votre application AWS dans Okta, Entra ID, ADFS…)',
  'add.samlSignInUrl': 'URL de connexion initiée par l’IdP',
  'add.samlSignInUrlHint': 'L’adresse de l’application AWS dans votre portail d’applications.',
  'add.samlRoleArn': 'ARN du rôle IAM préféré (facultatif)',
  'add.samlUserNameAttribute': 'Attribut du nom d’utilisateur (facultatif)',
  'add.samlUserNameAttributeHint': 'Par défaut : l’attribut RoleSessionName, sinon le NameID.',
  'auth.saml.waitingForWindow': 'Terminez la connexion à {name} dans la fenêtre de connexion.',
  'auth.saml.noStay':
    'Les connexions SAML ne peuvent pas être conservées : SAML n’a pas de jeton d’actualisation. Deskbridge renouvelle votre connexion en arrière-plan tant qu’il est ouvert et vous la redemande après un redémarrage.',
  'auth.saml.chooseRole': 'Choisissez un rôle pour {name}',
  'auth.saml.chooseRoleBody': 'Votre fournisseur d’identité propose plusieurs rôles AWS. Deskbridge retient votre choix pour cette organisation.',
  'auth.saml.useRole': 'Utiliser ce rôle',
  'auth.saml.roleAccount': 'compte {account}',
  'auth.saml.error.saml-no-role':
    'Votre fournisseur d’identité n’a envoyé aucun rôle AWS. Demandez à votre administrateur de mapper l’attribut https://aws.amazon.com/SAML/Attributes/Role dans l’application AWS.',
  'auth.saml.error.saml-role-not-offered':
    'Le rôle défini pour cette organisation ne fait pas partie des rôles que votre fournisseur d’identité vous propose. Choisissez l’un des rôles proposés ou demandez à votre administrateur de vous l’attribuer.',
  'auth.saml.error.saml-assertion-expired':
    'La connexion de votre fournisseur d’identité avait déjà expiré. Reconnectez-vous ; si cela se reproduit, vérifiez l’horloge de cet ordinateur.',
  'auth.saml.error.saml-invalid-response': 'La réponse de votre fournisseur d’identité n’a pas pu être lue comme une réponse SAML.',
  'auth.saml.error.saml-window-closed': 'La fenêtre de connexion a été fermée avant la fin de la connexion.',
  'auth.saml.error.idp-unreachable': 'Deskbridge n’a pas pu joindre la page de connexion de votre fournisseur d’identité. Vérifiez votre connexion réseau.',
  'auth.saml.error.aws-refused-token':
    'AWS n’a pas accepté la connexion de votre fournisseur d’identité. Votre administrateur doit vérifier le fournisseur d’identité SAML dans IAM (ses métadonnées) et la stratégie d’approbation du rôle.',
  'auth.saml.error.saml-token-expired':
    'Pour AWS, la connexion de votre fournisseur d’identité a expiré. Reconnectez-vous ; si cela se reproduit, vérifiez l’horloge de cet ordinateur.',
  'auth.saml.error.role-trust-refused':
    'AWS a refusé le rôle choisi. Votre administrateur doit vérifier la stratégie d’approbation du rôle (sts:AssumeRoleWithSAML et sts:TagSession pour le fournisseur SAML).',
  'auth.saml.error.saml-needs-prompt': 'Votre fournisseur d’identité vous demande de vous reconnecter.',
};
