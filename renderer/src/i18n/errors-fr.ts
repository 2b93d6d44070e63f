import type { errorsEn } from './errors-en';

/** Messages français pour chaque code d’erreur du cœur ; `{name}` est rempli à partir des params de l’erreur. */
export const errorsFr: Readonly<Record<keyof typeof errorsEn, string>> = {
  'error.unknown': 'Un problème est survenu. Les détails figurent dans le journal (code {code}).',
  'error.unknown-method': 'Deskbridge a reçu une requête qu’il ne connaît pas.',
  'error.invalid-arguments': 'Deskbridge a reçu une requête avec des valeurs inutilisables ({method}).',
  'error.internal-error': 'Un problème est survenu dans Deskbridge. Les détails figurent dans le journal.',
  'error.untrusted-sender': 'Cette requête ne provient pas d’une fenêtre de Deskbridge.',
  'error.session-window-refused': 'Une fenêtre de session ne peut gérer que sa propre session.',
  'error.settings-reset': 'Votre fichier de paramètres était endommagé ou illisible ; Deskbridge a donc démarré avec de nouveaux paramètres.',
  'error.policy-ignored': 'La stratégie de votre organisation était inutilisable et a été ignorée. Les détails en expliquent la raison.',
  'error.org-removed-untrusted': '« {name} » ({code}) a été supprimée : elle utilisait des adresses que seul votre service informatique peut définir.',
  'error.stay-signed-in-unavailable':
    'Rester connecté n’est pas disponible : le trousseau de cet ordinateur est inutilisable. Vous êtes connecté pour l’instant et devrez vous reconnecter la prochaine fois.',
  'error.link-refused': 'Un lien Deskbridge a été refusé.',
  'error.unknown-organization': 'Cette organisation n’existe plus.',
  'error.unknown-link': 'Ce lien a déjà reçu une réponse.',
  'error.invalid-organization': 'Certaines informations de cette organisation ne sont pas valides.',
  'error.untrusted-address': 'Cette organisation utilise des adresses que seul votre service informatique peut définir ; elle n’a donc pas été ajoutée.',
  'error.policy-forbids-adding': 'La stratégie de votre organisation ne permet pas d’ajouter des organisations.',
  'error.duplicate-organization': '« {name} » utilise déjà le code {code}.',
  'error.managed-organization': 'Cette organisation est gérée par votre service informatique et ne peut être ni modifiée ni supprimée.',
  'error.invalid-name': 'Saisissez un nom de 1 à 64 caractères.',
  'error.invalid-profile-file': 'Ce fichier n’est pas un fichier d’organisation Deskbridge.',
  'error.profile-file-too-new':
    'Ce fichier d’organisation provient d’une version plus récente de Deskbridge. Mettez Deskbridge à jour, puis importez-le de nouveau.',
  'error.sign-in-cancelled': 'La connexion a été annulée.',
  'error.sign-in-denied': 'La connexion a été annulée ou refusée dans le navigateur.',
  'error.sign-in-timeout': 'La connexion a pris trop de temps ; Deskbridge a cessé d’attendre. Réessayez.',
  'error.sign-in-in-progress': 'Une connexion à cette organisation est déjà en attente. Terminez-la dans le navigateur ou annulez-la.',
  'error.sign-in-failed': 'La connexion a échoué.',
  'error.idp-unreachable': 'Deskbridge n’a pas pu joindre votre fournisseur d’identité. Vérifiez votre connexion réseau et réessayez.',
  'error.idp-timeout': 'Votre fournisseur d’identité ({host}) n’a pas répondu à temps. Vérifiez votre connexion réseau et réessayez.',
  'error.saml-unavailable':
    'La connexion SAML nécessite la fenêtre de connexion de Deskbridge, que cette version de Deskbridge n’a pas. Utilisez l’application de bureau ou demandez à votre service informatique un autre moyen de connexion.',
  'error.saml-idp-status':
    'Votre fournisseur d’identité ne vous a pas connecté (statut SAML {status}). Demandez à votre service informatique de vérifier votre accès à l’application AWS.',
  'error.identity-center-no-assignment':
    'IAM Identity Center ne vous a pas attribué le jeu d’autorisations {role} dans le compte {account}. Demandez à votre service informatique de vous l’attribuer.',
  'error.identity-center-incomplete':
    'IAM Identity Center a répondu à {operation} sans ce dont une connexion a besoin. Réessayez ; si cela se reproduit, demandez à votre service informatique de vérifier Identity Center.',
  'error.sts-region-disabled':
    'AWS STS n’est pas activé dans {region} pour ce compte. Demandez à votre service informatique de l’activer dans IAM (Paramètres du compte → Régions STS).',
  'error.role-session-too-long':
    'Votre fournisseur d’identité demande une session plus longue que ce que permet le rôle {role}. Demandez à votre service informatique d’augmenter la durée de session maximale du rôle ou de raccourcir la durée de session dans le fournisseur d’identité.',
  'error.sign-in-url-insecure':
    'L’adresse de la page de connexion ({origin}) n’est pas sécurisée (https), Deskbridge ne l’a donc pas ouverte. Vérifiez les paramètres de l’organisation.',
  'error.idp-unexpected': '{host} a donné une réponse inattendue pour Deskbridge, la connexion s’est donc arrêtée. Les détails en disent plus.',
  'error.idp-userinfo-refused':
    'Votre fournisseur d’identité n’a pas indiqué qui vous êtes : ses informations utilisateur ont été refusées ou n’étaient pas valides. Demandez à votre service informatique de vérifier les claims de l’application.',
  'error.idp-invalid-answer':
    'La réponse renvoyée par votre fournisseur d’identité n’était pas valide, Deskbridge ne l’a donc pas utilisée. Réessayez ; si cela se reproduit, demandez à votre service informatique de vérifier les paramètres de l’application.',
  'error.idp-error':
    'Votre fournisseur d’identité a refusé la connexion avec l’erreur « {error} ». Votre service informatique peut la retrouver dans le journal du fournisseur d’identité.',
  'error.idp-scope-refused':
    'Votre fournisseur d’identité a refusé les autorisations demandées par Deskbridge ({error}). Demandez à votre service informatique d’autoriser les scopes openid, profile, email et offline_access pour l’application.',
  'error.idp-client-refused':
    'Votre fournisseur d’identité n’accepte pas Deskbridge pour cette organisation ({error}). Demandez à votre service informatique de vérifier l’enregistrement de l’application : son ID client et l’adresse de redirection http://127.0.0.1.',
  'error.idp-discovery-invalid':
    'Le fournisseur d’identité à {issuer} ne se présente pas comme celui configuré pour cette organisation. Vérifiez l’URL de l’émetteur dans les paramètres de l’organisation.',
  'error.state-mismatch':
    'La réponse du navigateur ne correspondait pas à cette connexion ; Deskbridge l’a ignorée. Réessayez ; si cela se reproduit, un autre programme interfère peut-être.',
  'error.invalid-id-token': 'La réponse de votre fournisseur d’identité n’a pas pu être vérifiée ; Deskbridge ne l’a pas utilisée.',
  'error.id-token-expired': 'La connexion de votre fournisseur d’identité a déjà expiré. Reconnectez-vous.',
  'error.clock-skew':
    'L’horloge de cet ordinateur a environ {minutes} minutes d’écart avec celle de votre fournisseur d’identité. Réglez l’heure correctement (heure automatique) et reconnectez-vous.',
  'error.role-trust-refused':
    'AWS a refusé le rôle {role} pour cette connexion. Demandez à votre service informatique de vérifier la stratégie d’approbation du rôle.',
  'error.aws-refused-token':
    'AWS n’a pas accepté la connexion de votre fournisseur d’identité. Demandez à votre service informatique de vérifier le fournisseur d’identité configuré dans IAM et la stratégie d’approbation du rôle.',
  'error.identity-center-refused': 'IAM Identity Center a refusé {operation} ({reason}). Vérifiez l’URL de démarrage et la région de l’organisation.',
  'error.sign-in-expired': 'Votre connexion a expiré. Reconnectez-vous pour continuer ; rien de ce qui est affiché n’est perdu.',
  'error.sign-in-too-old': 'Votre connexion date de plus longtemps que ce qu’autorise votre organisation. Reconnectez-vous pour continuer.',
  'error.user-name-missing':
    'Votre fournisseur d’identité n’a pas envoyé la revendication « {claim} » qui contient votre nom d’utilisateur WorkSpaces. Demandez à votre service informatique de vérifier la revendication du nom d’utilisateur de l’organisation.',
  'error.user-name-invalid':
    'Le nom d’utilisateur WorkSpaces envoyé par votre fournisseur d’identité dans la revendication « {claim} » est inutilisable : AWS accepte de 1 à {max} caractères. Demandez à votre service informatique de vérifier la revendication du nom d’utilisateur de l’organisation.',
  'error.invalid-user-name': 'Saisissez un nom d’utilisateur de 1 à {max} caractères : AWS WorkSpaces n’en accepte pas de plus longs.',
  'error.not-signed-in': 'Connectez-vous d’abord à cette organisation.',
  'error.aws-unreachable': 'Deskbridge n’a pas pu joindre AWS pour la connexion. Vérifiez votre connexion réseau et réessayez.',
  'error.idp-response-too-large':
    'Le fournisseur d’identité de votre organisation a envoyé une réponse bien plus volumineuse que nécessaire ; Deskbridge a cessé de la lire. Réessayez plus tard ; si cela se reproduit, contactez votre service informatique.',
  'error.idp-sign-in-too-old':
    'Votre fournisseur d’identité a réutilisé une connexion plus ancienne que ce qu’autorise votre organisation, au lieu de vous demander de vous reconnecter. Déconnectez-vous de votre fournisseur d’identité dans le navigateur, puis reconnectez-vous ici.',
  'error.subject-changed':
    'Votre fournisseur d’identité a répondu pour un autre utilisateur que celui qui est connecté ; Deskbridge a donc mis fin à cette connexion. Reconnectez-vous.',
  'error.saml-invalid-response': 'La réponse de votre fournisseur d’identité n’a pas pu être lue comme une réponse SAML.',
  'error.saml-no-role':
    'Votre fournisseur d’identité n’a envoyé aucun rôle AWS. Demandez à votre service informatique de mapper l’attribut de rôle dans l’application AWS.',
  'error.saml-role-not-offered': 'Ce rôle ne fait pas partie des rôles que votre fournisseur d’identité vous propose.',
  'error.saml-assertion-expired':
    'La connexion de votre fournisseur d’identité avait déjà expiré. Reconnectez-vous ; si cela se reproduit, vérifiez l’horloge de cet ordinateur.',
  'error.saml-token-expired':
    'Pour AWS, la connexion de votre fournisseur d’identité a expiré. Reconnectez-vous ; si cela se reproduit, vérifiez l’horloge de cet ordinateur.',
  'error.saml-window-closed': 'La fenêtre de connexion a été fermée avant la fin de la connexion.',
  'error.saml-needs-prompt': 'Votre fournisseur d’identité vous demande de vous reconnecter.',
  'error.no-role-choice': 'Il n’y a aucun rôle à choisir pour le moment.',
  'error.no-device-code': 'Aucun code n’attend d’être saisi.',
  'error.browser-failed': 'Deskbridge n’a pas pu ouvrir votre navigateur web.',
  'error.desktops.confirmRebuild': 'Saisissez le nom du bureau ({desktop}) pour confirmer la reconstruction.',
  'error.desktops.computeTarget': 'Ce bureau ne peut pas passer à {target}. Autorisés : {allowed}.',
  'error.desktops.volumeNothing': 'Choisissez une nouvelle taille pour un volume.',
  'error.desktops.volume.notLarger': 'La nouvelle taille d’un volume doit être supérieure à sa taille actuelle.',
  'error.desktops.volume.tooLarge': 'Un volume peut faire 2 000 Gio au maximum.',
  'error.desktops.volume.notWhole': 'La nouvelle taille d’un volume doit être un nombre entier de Gio.',
  'error.desktops.volume.bothAtOnce':
    'AWS agrandit un volume à la fois : modifiez le volume racine ou le volume utilisateur, puis l’autre une fois la première modification terminée.',
  'error.desktops.volume.notCombination':
    'AWS ne propose pas cette taille pour ce volume avec l’autre volume dans son état actuel. Autorisé (Gio) : {allowed}.',
  'error.desktops.runningModeTarget': 'Le bureau fonctionne déjà en mode {mode}.',
  'error.desktops.notConnectable': 'Le bureau est à l’état {state} et on ne peut pas s’y connecter pour le moment.',
  'error.desktops.notFound': 'Ce bureau n’est plus dans la liste. Il a peut-être été supprimé, ou vous avez été déconnecté.',
  'error.desktops.busy': 'Deskbridge travaille déjà sur ce bureau. Attendez que ce soit terminé.',
  'error.desktops.throttled': 'AWS limite les requêtes en ce moment. Deskbridge réessaiera bientôt.',
  'error.desktops.offline': 'Deskbridge ne parvient pas à joindre AWS WorkSpaces. Il continue d’essayer.',
  'error.desktops.serverError': 'AWS WorkSpaces ne répond pas correctement en ce moment. Deskbridge réessaiera.',
  'error.desktops.signInNeeded': 'Votre connexion à {org} a pris fin. Reconnectez-vous pour voir vos bureaux.',
  'error.desktops.denied':
    'Le rôle AWS de votre organisation ne le permet pas. Demandez à votre service informatique de vérifier la stratégie IAM pour WorkSpaces.',
  'error.desktops.noRegion': 'La région de {org} est inconnue. Modifiez l’organisation et choisissez sa région.',
  'error.desktops.directoryNotFound':
    'Le répertoire WorkSpaces de cette organisation est introuvable. Demandez à votre service informatique de vérifier le répertoire de l’organisation.',
  'error.desktops.paging':
    'AWS a envoyé la liste des bureaux d’une manière que Deskbridge n’a pas pu suivre ; le chargement s’est arrêté. Actualisez pour réessayer.',
  'error.desktops.connectTagUnknown': 'Deskbridge n’a pas pu lire comment se connecter à ce bureau. Réessayez dans un instant.',
  'error.desktops.connectFailed': 'Le bureau n’a pas démarré : il est maintenant à l’état {state}.',
  'error.desktops.denied.ownerTag':
    'AWS n’a pas autorisé cette action sur « {desktop} » : l’étiquette de propriétaire du bureau ne désigne pas {user}. Demandez à votre service informatique de définir l’étiquette de propriétaire de ce bureau sur votre nom d’utilisateur WorkSpaces.',
  'error.desktops.denied.principalTag':
    'AWS n’a pas autorisé cette action sur « {desktop} » : votre connexion ne portait aucune étiquette de principal correspondant à l’étiquette de propriétaire du bureau. Demandez à votre service informatique de vérifier les étiquettes de session envoyées par votre fournisseur d’identité, puis la stratégie d’autorisations du rôle.',
  'error.desktops.denied.policy':
    'AWS n’a pas autorisé cette action sur « {desktop} » : la stratégie d’autorisations du rôle ne le permet pas. Demandez à votre service informatique de la vérifier.',
  'error.desktops.denied.list':
    'AWS n’a pas permis à {user} de voir les bureaux. Demandez à votre service informatique de vérifier la stratégie d’autorisations du rôle (les actions Describe de WorkSpaces).',
  'error.desktops.refused.permission': 'Votre organisation ne permet pas aux utilisateurs de le faire eux-mêmes. Adressez-vous à votre service informatique.',
  'error.desktops.refused.state': 'L’état actuel du bureau ne le permet pas.',
  'error.desktops.refused.runningMode': 'Les bureaux AlwaysOn sont toujours en marche : on ne peut ni les démarrer ni les arrêter.',
  'error.desktops.refused.modification': 'Une modification de ce bureau est encore en cours. Réessayez une fois qu’elle sera terminée.',
  'error.aws.InvalidResourceState': 'L’état actuel du bureau ne le permet pas pour le moment. Attendez qu’il ait terminé ce qu’il fait, puis réessayez.',
  'error.aws.changeTooSoon': 'AWS n’autorise cette modification qu’un certain temps après la précédente. Les détails indiquent quand.',
  'error.aws.UnsupportedOperation': 'AWS ne le prend pas en charge pour ce bureau (par exemple, un bureau AlwaysOn ne peut être ni démarré ni arrêté).',
  'error.aws.OperationInProgress': 'Une autre modification de ce bureau est encore en cours. Réessayez une fois qu’elle sera terminée.',
  'error.aws.ResourceNotFound': 'AWS ne connaît plus ce bureau. Votre service informatique l’a peut-être supprimé.',
  'error.aws.UnsupportedWorkspaceConfiguration': 'La configuration de ce bureau ne permet pas cette modification.',
  'error.aws.InvalidParameterValues': 'AWS a refusé la requête car une valeur n’a pas été acceptée. Les détails indiquent laquelle.',
  'error.aws.ResourceLimitExceeded': 'Votre organisation a atteint une limite AWS. Adressez-vous à votre service informatique.',
  'error.aws.other': 'AWS a signalé un problème. Les détails indiquent lequel.',
  'error.org-not-found': 'Cette organisation n’est plus configurée dans Deskbridge.',
  'error.desktop-not-found': 'Ce bureau n’est pas dans la liste. Actualisez la liste et réessayez.',
  'error.connect-setting-invalid':
    '« {desktop} » a un paramètre de connexion que Deskbridge ne peut pas utiliser ; il n’a donc pas été exécuté. Demandez à votre service informatique de le corriger.',
  'error.desktop-not-ready': '« {desktop} » n’est pas disponible (état : {state}). Connectez-vous quand il sera en marche.',
  'error.handoff-no-handler': 'Le client Amazon WorkSpaces n’est pas installé sur cet ordinateur. Installez-le ou utilisez Web Access.',
  'error.handoff-refused': 'Deskbridge n’a pas pu créer de lien sûr pour le client WorkSpaces.',
  'error.handoff-failed': 'Le client WorkSpaces ne s’est pas ouvert.',
  'error.session-not-found': 'Cette session est terminée. Reconnectez-vous depuis la liste des bureaux.',
  'error.viewer-origin-refused': 'Cette page n’est pas autorisée à ouvrir une connexion à un bureau.',
  'error.vnc-ticket-limit':
    'Trop de connexions à ce bureau sont ouvertes ou en cours d’ouverture. Fermez une fenêtre de visualisation ou patientez une minute, puis réessayez.',
  'error.keychain-unavailable': 'Le mot de passe n’a pas pu être enregistré dans le trousseau du système ; il vous sera redemandé la prochaine fois.',
  'error.connection-file-failed':
    'Deskbridge n’a pas pu écrire le fichier de connexion {protocol} dans le dossier temporaire ; le bureau n’a donc pas été ouvert.',
  'error.rdp-client-missing': 'Ce bureau se connecte en RDP, mais aucun client RDP n’est installé.',
  'error.dcv-client-missing': 'Ce bureau se connecte en DCV, mais Amazon DCV Viewer n’est pas installé.',
  'error.rdp-client-failed': '{client} n’a pas pu démarrer ou s’est fermé aussitôt ; le bureau n’a pas été ouvert.',
  'error.dcv-client-failed': '{client} n’a pas pu démarrer ou s’est fermé aussitôt ; le bureau n’a pas été ouvert.',
  'error.vnc-unreachable': 'Le bureau n’a pas pu être joint.',
  'error.vnc-server-closed': 'Le bureau a fermé la connexion.',
  'error.preference-locked': 'Votre service informatique définit ce paramètre ; il ne peut pas être modifié ici.',
  'error.desktops.broker.unreachable': 'Deskbridge ne parvient pas à joindre le broker de votre organisation. Il continue d’essayer.',
  'error.desktops.broker.invalidAnswer':
    'Le broker de votre organisation a envoyé une réponse que Deskbridge ne comprend pas ; elle n’a pas été utilisée. Demandez à votre service informatique de vérifier la version du broker.',
  'error.desktops.broker.notFound':
    'Le broker de votre organisation ne connaît pas ce bureau comme étant le vôtre. Il a peut-être été supprimé ou attribué à quelqu’un d’autre.',
  'error.desktops.broker.invalidRequest': 'Le broker de votre organisation a refusé la demande comme non valide. Les détails indiquent pourquoi.',
  'error.network.proxyAuth':
    'Le proxy {proxy} n’a pas accepté votre nom d’utilisateur et votre mot de passe ; Deskbridge n’a donc pas pu joindre {host}. Vérifiez-les et réessayez, ou contactez votre service informatique.',
  'error.network.proxyCancelled':
    'Le proxy {proxy} demande votre nom d’utilisateur et votre mot de passe pour joindre {host}, et la connexion au proxy a été annulée.',
  'error.network.proxyUnreachable':
    'Deskbridge n’a pas pu joindre le proxy {proxy} (en route vers {host}). Vérifiez le proxy dans Paramètres → Réseau, ou contactez votre service informatique.',
  'error.network.tlsInspection':
    'Votre réseau inspecte le trafic chiffré et son certificat n’est pas approuvé ; demandez à votre service informatique de l’installer. La connexion à {host} a été signée par « {issuer} ».',
  'error.network.dns':
    'Le nom {host} est introuvable (DNS). Vérifiez votre connexion réseau ; si d’autres sites fonctionnent, contactez votre service informatique.',
  'error.network.timeout': '{host} n’a pas répondu à temps. Vérifiez votre connexion réseau et réessayez.',
  'error.network.captivePortal':
    'Le réseau a répondu pour {host} avec sa propre page de connexion (par exemple le Wi-Fi d’un hôtel ou un réseau invité). Ouvrez une page web dans votre navigateur, terminez cette connexion, puis réessayez.',
  'error.network.invalidProxyUrl':
    'Saisissez le proxy sous la forme http://hôte:port, sans nom d’utilisateur ni mot de passe (Deskbridge les demande quand le proxy les exige).',
  'error.network.caFileUnusable':
    'Le fichier de certificats n’a pas pu être utilisé : il doit s’agir d’un fichier PEM lisible contenant au moins un certificat.',
  'error.network.locked': 'Votre service informatique gère ce paramètre réseau ; il ne peut donc pas être modifié ici.',
  'error.network.noQuestion': 'Cette demande de connexion au proxy a déjà reçu une réponse ou a expiré.',
};
