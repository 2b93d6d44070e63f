import type { networkEn } from './messages-en';

/** French messages of Settings → Network and the proxy sign-in dialog. */
export const networkFr: Record<keyof typeof networkEn, string> = {
  'network.title': 'Réseau',
  'network.explain': 'Comment Deskbridge joint votre fournisseur d’identité et AWS. Les mots de passe du proxy sont demandés au besoin et jamais enregistrés.',
  'network.proxy': 'Proxy',
  'network.mode.system': 'Utiliser les paramètres de proxy du système (recommandé)',
  'network.mode.manual': 'Utiliser ce proxy',
  'network.mode.none': 'Aucun proxy (connexion directe)',
  'network.proxyUrl': 'Adresse du proxy',
  'network.proxyUrlHint': 'Par exemple http://proxy.example.com:3128. Sans nom d’utilisateur ni mot de passe.',
  'network.caFile': 'Fichier de certificats supplémentaire (PEM)',
  'network.caFileHint':
    'Certificats de votre organisation auxquels Deskbridge doit faire confiance, par exemple lorsque le réseau inspecte le trafic chiffré. Laissez vide si votre service informatique ne vous en a pas fourni.',
  'network.active': 'Utilisé actuellement : {description}',
  'network.source.settings': 'selon ces paramètres',
  'network.source.managed': 'défini par votre service informatique',
  'network.source.environment': 'depuis l’environnement (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)',
  'network.source.default': 'connexion directe',
  'network.managed': 'Votre service informatique prédéfinit ces paramètres.',
  'network.locked': 'Votre service informatique gère ces paramètres ; ils ne peuvent pas être modifiés ici.',
  'network.save': 'Enregistrer',
  'network.saved': 'Enregistré.',
  'network.login.title': 'Se connecter au proxy',
  'network.login.why':
    'Deskbridge tentait de joindre {host}. Le proxy {proxy} de votre réseau demande un nom d’utilisateur et un mot de passe avant de laisser passer la connexion.',
  'network.login.again': 'Le proxy n’a pas accepté le dernier nom d’utilisateur et mot de passe (essai {attempt}). Vérifiez-les et saisissez-les à nouveau.',
  'network.login.kept': 'Ils sont conservés en mémoire jusqu’à la fermeture de Deskbridge, jamais enregistrés.',
  'network.login.user': 'Nom d’utilisateur',
  'network.login.password': 'Mot de passe',
  'network.login.submit': 'Se connecter',
  'network.login.cancel': 'Annuler',
};
