import type { errorsEn } from './errors-en';

/** Deutsche Meldungen zu jedem Fehlercode aus dem Kern; `{name}` wird aus den params des Fehlers gefüllt. */
export const errorsDe: Readonly<Record<keyof typeof errorsEn, string>> = {
  'error.unknown': 'Etwas ist schiefgegangen. Die Einzelheiten stehen im Protokoll (Code {code}).',
  // app: die IPC-Schicht
  'error.unknown-method': 'Deskbridge hat eine Anfrage erhalten, die es nicht kennt.',
  'error.invalid-arguments': 'Deskbridge hat eine Anfrage mit Werten erhalten, die es nicht verwenden kann ({method}).',
  'error.internal-error': 'In Deskbridge ist etwas schiefgegangen. Die Einzelheiten stehen im Protokoll.',
  'error.untrusted-sender': 'Diese Anfrage kam nicht aus einem Fenster von Deskbridge.',
  'error.session-window-refused': 'Ein Sitzungsfenster darf nur seine eigene Sitzung verwalten.',
  'error.settings-reset': 'Ihre Einstellungsdatei war nicht lesbar oder beschädigt. Deskbridge hat deshalb mit neuen Einstellungen begonnen.',
  'error.policy-ignored': 'Die Richtlinie Ihrer Organisation war nicht verwendbar und wurde ignoriert. Die Einzelheiten sagen, warum.',
  'error.org-removed-untrusted': '„{name}“ ({code}) wurde entfernt: Die Organisation verwendete Adressen, die nur Ihre IT-Abteilung festlegen darf.',
  'error.stay-signed-in-unavailable':
    'Angemeldet bleiben ist nicht verfügbar: Der Schlüsselbund dieses Computers war nicht verwendbar. Sie sind vorerst angemeldet und werden beim nächsten Mal erneut gefragt.',
  'error.link-refused': 'Ein Deskbridge-Link wurde abgelehnt.',
  // orgs
  'error.unknown-organization': 'Diese Organisation gibt es nicht mehr.',
  'error.unknown-link': 'Dieser Link wurde bereits beantwortet.',
  'error.invalid-organization': 'Einige Angaben zu dieser Organisation sind ungültig.',
  'error.untrusted-address': 'Diese Organisation verwendet Adressen, die nur Ihre IT-Abteilung festlegen darf. Sie wurde deshalb nicht hinzugefügt.',
  'error.policy-forbids-adding': 'Die Richtlinie Ihrer Organisation erlaubt nicht, Organisationen hinzuzufügen.',
  'error.duplicate-organization': '„{name}“ verwendet den Code {code} bereits.',
  'error.managed-organization': 'Diese Organisation wird von Ihrer IT-Abteilung verwaltet und kann nicht geändert oder entfernt werden.',
  'error.invalid-name': 'Geben Sie einen Namen mit 1 bis 64 Zeichen ein.',
  'error.invalid-profile-file': 'Diese Datei ist keine Deskbridge-Organisationsdatei.',
  'error.profile-file-too-new':
    'Diese Organisationsdatei stammt von einem neueren Deskbridge. Aktualisieren Sie Deskbridge und importieren Sie sie dann erneut.',
  // auth
  'error.sign-in-cancelled': 'Die Anmeldung wurde abgebrochen.',
  'error.sign-in-denied': 'Die Anmeldung wurde im Browser abgebrochen oder abgelehnt.',
  'error.sign-in-timeout': 'Die Anmeldung hat zu lange gedauert, Deskbridge wartet nicht mehr. Versuchen Sie es erneut.',
  'error.sign-in-in-progress': 'Eine Anmeldung bei dieser Organisation wartet bereits. Schließen Sie sie im Browser ab oder brechen Sie sie ab.',
  'error.sign-in-failed': 'Die Anmeldung ist fehlgeschlagen.',
  'error.idp-unreachable': 'Deskbridge konnte Ihren Identitätsanbieter nicht erreichen. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
  'error.idp-timeout': 'Ihr Identitätsanbieter ({host}) hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
  'error.saml-unavailable':
    'Die SAML-Anmeldung braucht das Anmeldefenster von Deskbridge, das diese Version von Deskbridge nicht hat. Verwenden Sie die Desktop-App oder fragen Sie Ihre IT-Abteilung nach einer anderen Anmeldung.',
  'error.saml-idp-status':
    'Ihr Identitätsanbieter hat Sie nicht angemeldet (SAML-Status {status}). Bitten Sie Ihre IT-Abteilung, Ihren Zugang zur AWS-App zu prüfen.',
  'error.identity-center-no-assignment':
    'IAM Identity Center hat Ihnen den Berechtigungssatz {role} im Konto {account} nicht zugewiesen. Bitten Sie Ihre IT-Abteilung, ihn Ihnen zuzuweisen.',
  'error.identity-center-incomplete':
    'IAM Identity Center hat {operation} ohne das beantwortet, was eine Anmeldung braucht. Versuchen Sie es erneut; wenn das wieder geschieht, bitten Sie Ihre IT-Abteilung, Identity Center zu prüfen.',
  'error.sts-region-disabled':
    'AWS STS ist in {region} für dieses Konto nicht aktiviert. Bitten Sie Ihre IT-Abteilung, es in IAM zu aktivieren (Kontoeinstellungen → STS-Regionen).',
  'error.role-session-too-long':
    'Ihr Identitätsanbieter verlangt eine längere Sitzung, als die Rolle {role} erlaubt. Bitten Sie Ihre IT-Abteilung, die maximale Sitzungsdauer der Rolle zu erhöhen oder die Sitzungslänge im Identitätsanbieter zu verkürzen.',
  'error.sign-in-url-insecure':
    'Die Adresse der Anmeldeseite ({origin}) ist nicht sicher (https), daher hat Deskbridge sie nicht geöffnet. Prüfen Sie die Einstellungen der Organisation.',
  'error.idp-unexpected': '{host} hat eine Antwort gegeben, die Deskbridge nicht erwartet hat, daher wurde die Anmeldung beendet. Die Einzelheiten sagen mehr.',
  'error.idp-userinfo-refused':
    'Ihr Identitätsanbieter hat nicht mitgeteilt, wer Sie sind: Seine Benutzerinformationen wurden verweigert oder waren ungültig. Bitten Sie Ihre IT-Abteilung, die Claims der App zu prüfen.',
  'error.idp-invalid-answer':
    'Die Antwort Ihres Identitätsanbieters war nicht gültig, daher hat Deskbridge sie nicht verwendet. Versuchen Sie es erneut; wenn das wieder geschieht, bitten Sie Ihre IT-Abteilung, die Einstellungen der App zu prüfen.',
  'error.idp-error':
    'Ihr Identitätsanbieter hat die Anmeldung mit dem Fehler „{error}“ abgelehnt. Ihre IT-Abteilung findet ihn im Protokoll des Identitätsanbieters.',
  'error.idp-scope-refused':
    'Ihr Identitätsanbieter hat die Berechtigungen abgelehnt, die Deskbridge anfordert ({error}). Bitten Sie Ihre IT-Abteilung, der App die Scopes openid, profile, email und offline_access zu erlauben.',
  'error.idp-client-refused':
    'Ihr Identitätsanbieter akzeptiert Deskbridge für diese Organisation nicht ({error}). Bitten Sie Ihre IT-Abteilung, die App-Registrierung zu prüfen: ihre Client-ID und die Umleitungsadresse http://127.0.0.1.',
  'error.idp-discovery-invalid':
    'Der Identitätsanbieter unter {issuer} gibt sich nicht als der für diese Organisation eingerichtete aus. Prüfen Sie die Aussteller-URL in den Einstellungen der Organisation.',
  'error.state-mismatch':
    'Die Antwort aus dem Browser gehörte nicht zu dieser Anmeldung, Deskbridge hat sie deshalb ignoriert. Versuchen Sie es erneut; passiert das wieder, stört vielleicht ein anderes Programm.',
  'error.invalid-id-token': 'Die Antwort Ihres Identitätsanbieters ließ sich nicht prüfen, Deskbridge hat sie deshalb nicht verwendet.',
  'error.id-token-expired': 'Die Anmeldung von Ihrem Identitätsanbieter war bereits abgelaufen. Melden Sie sich erneut an.',
  'error.clock-skew':
    'Die Uhr dieses Computers weicht um etwa {minutes} Minuten von der Ihres Identitätsanbieters ab. Stellen Sie die Uhr richtig (automatische Zeit) und melden Sie sich erneut an.',
  'error.role-trust-refused':
    'AWS hat die Rolle {role} für diese Anmeldung abgelehnt. Bitten Sie Ihre IT-Abteilung, die Vertrauensrichtlinie der Rolle zu prüfen.',
  'error.aws-refused-token':
    'AWS hat die Anmeldung Ihres Identitätsanbieters nicht angenommen. Bitten Sie Ihre IT-Abteilung, den in IAM eingerichteten Identitätsanbieter und die Vertrauensrichtlinie der Rolle zu prüfen.',
  'error.identity-center-refused': 'IAM Identity Center hat {operation} abgelehnt ({reason}). Prüfen Sie die Start-URL und die Region der Organisation.',
  'error.sign-in-expired': 'Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren; nichts auf dem Bildschirm geht verloren.',
  'error.sign-in-too-old': 'Ihre Anmeldung liegt länger zurück, als Ihre Organisation erlaubt. Melden Sie sich erneut an, um fortzufahren.',
  'error.user-name-missing':
    'Ihr Identitätsanbieter hat den Claim „{claim}“ mit Ihrem WorkSpaces-Benutzernamen nicht gesendet. Bitten Sie Ihre IT-Abteilung, den Benutzernamen-Claim der Organisation zu prüfen.',
  'error.user-name-invalid':
    'Der WorkSpaces-Benutzername, den Ihr Identitätsanbieter im Claim „{claim}“ sendet, ist nicht verwendbar: AWS nimmt 1 bis {max} Zeichen an. Bitten Sie Ihre IT-Abteilung, den Benutzernamen-Claim der Organisation zu prüfen.',
  'error.invalid-user-name': 'Geben Sie einen Benutzernamen mit 1 bis {max} Zeichen ein: Längere nimmt AWS WorkSpaces nicht an.',
  'error.not-signed-in': 'Melden Sie sich zuerst bei dieser Organisation an.',
  'error.aws-unreachable': 'Deskbridge konnte AWS für die Anmeldung nicht erreichen. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
  'error.idp-response-too-large':
    'Der Identitätsanbieter Ihrer Organisation hat eine Antwort geschickt, die weit größer ist, als eine Anmeldung braucht. Deskbridge hat das Lesen deshalb abgebrochen. Versuchen Sie es später erneut; falls es wieder passiert, wenden Sie sich an Ihre IT-Abteilung.',
  'error.idp-sign-in-too-old':
    'Ihr Identitätsanbieter hat eine frühere Anmeldung verwendet, die älter ist, als Ihre Organisation erlaubt, statt Sie erneut anzumelden. Melden Sie sich im Browser bei Ihrem Identitätsanbieter ab und melden Sie sich dann hier erneut an.',
  'error.subject-changed':
    'Ihr Identitätsanbieter hat für einen anderen Benutzer geantwortet als den angemeldeten. Deskbridge hat diese Anmeldung deshalb beendet. Melden Sie sich erneut an.',
  'error.saml-invalid-response': 'Die Antwort Ihres Identitätsanbieters ließ sich nicht als SAML-Antwort lesen.',
  'error.saml-no-role': 'Ihr Identitätsanbieter hat keine AWS-Rolle gesendet. Bitten Sie Ihre IT-Abteilung, das Rollen-Attribut in der AWS-App zuzuordnen.',
  'error.saml-role-not-offered': 'Diese Rolle gehört nicht zu den Rollen, die Ihr Identitätsanbieter Ihnen anbietet.',
  'error.saml-assertion-expired':
    'Die Anmeldung von Ihrem Identitätsanbieter war bereits abgelaufen. Melden Sie sich erneut an; passiert das wieder, prüfen Sie die Uhr dieses Computers.',
  'error.saml-token-expired':
    'AWS hat die Anmeldung von Ihrem Identitätsanbieter als abgelaufen erkannt. Melden Sie sich erneut an; passiert das wieder, prüfen Sie die Uhr dieses Computers.',
  'error.saml-window-closed': 'Das Anmeldefenster wurde geschlossen, bevor die Anmeldung abgeschlossen war.',
  'error.saml-needs-prompt': 'Ihr Identitätsanbieter möchte, dass Sie sich erneut anmelden.',
  'error.no-role-choice': 'Gerade ist keine Rolle auszuwählen.',
  'error.no-device-code': 'Es wartet kein Code auf die Eingabe.',
  'error.browser-failed': 'Deskbridge konnte Ihren Webbrowser nicht öffnen.',
  // desktops
  'error.desktops.confirmRebuild': 'Geben Sie zur Bestätigung des Neuaufbaus den Namen des Desktops ({desktop}) ein.',
  'error.desktops.computeTarget': 'Dieser Desktop kann nicht zu {target} wechseln. Erlaubt: {allowed}.',
  'error.desktops.volumeNothing': 'Wählen Sie eine neue Größe für ein Volume.',
  'error.desktops.volume.notLarger': 'Die neue Größe eines Volumes muss größer sein als die jetzige.',
  'error.desktops.volume.tooLarge': 'Ein Volume kann höchstens 2.000 GiB groß sein.',
  'error.desktops.volume.notWhole': 'Die neue Größe eines Volumes muss eine ganze Zahl von GiB sein.',
  'error.desktops.volume.bothAtOnce':
    'AWS vergrößert immer nur ein Volume: Ändern Sie das Root- oder das Benutzer-Volume und das andere, wenn die Änderung abgeschlossen ist.',
  'error.desktops.volume.notCombination': 'AWS bietet diese Größe für dieses Volume nicht an, solange das andere Volume so bleibt. Erlaubt (GiB): {allowed}.',
  'error.desktops.runningModeTarget': 'Der Desktop läuft bereits im Modus {mode}.',
  'error.desktops.notConnectable': 'Der Desktop ist im Zustand {state}; eine Verbindung ist gerade nicht möglich.',
  'error.desktops.notFound': 'Dieser Desktop ist nicht mehr in der Liste. Vielleicht wurde er entfernt, oder Sie wurden abgemeldet.',
  'error.desktops.busy': 'Deskbridge arbeitet bereits an diesem Desktop. Warten Sie, bis das abgeschlossen ist.',
  'error.desktops.throttled': 'AWS begrenzt gerade die Anfragen. Deskbridge versucht es gleich erneut.',
  'error.desktops.offline': 'Deskbridge erreicht AWS WorkSpaces nicht und versucht es weiter.',
  'error.desktops.serverError': 'AWS WorkSpaces antwortet gerade nicht richtig. Deskbridge versucht es erneut.',
  'error.desktops.signInNeeded': 'Ihre Anmeldung bei {org} ist beendet. Melden Sie sich erneut an, um Ihre Desktops zu sehen.',
  'error.desktops.denied': 'Die AWS-Rolle Ihrer Organisation erlaubt das nicht. Bitten Sie Ihre IT-Abteilung, die IAM-Richtlinie für WorkSpaces zu prüfen.',
  'error.desktops.noRegion': 'Die Region von {org} ist unbekannt. Bearbeiten Sie die Organisation und wählen Sie ihre Region.',
  'error.desktops.directoryNotFound':
    'Das WorkSpaces-Verzeichnis dieser Organisation wurde nicht gefunden. Bitten Sie Ihre IT-Abteilung, das Verzeichnis der Organisation zu prüfen.',
  'error.desktops.paging':
    'AWS hat die Desktop-Liste so geschickt, dass Deskbridge ihr nicht folgen konnte; das Laden wurde beendet. Aktualisieren Sie, um es erneut zu versuchen.',
  'error.desktops.connectTagUnknown': 'Deskbridge konnte nicht lesen, wie mit diesem Desktop verbunden werden soll. Versuchen Sie es gleich noch einmal.',
  'error.desktops.connectFailed': 'Der Desktop ist nicht gestartet: Er ist jetzt im Zustand {state}.',
  'error.desktops.denied.ownerTag':
    'AWS hat das für „{desktop}“ nicht erlaubt: Das Besitzer-Tag des Desktops nennt nicht {user}. Bitten Sie Ihre IT, das Besitzer-Tag dieses Desktops auf Ihren WorkSpaces-Benutzernamen zu setzen.',
  'error.desktops.denied.principalTag':
    'AWS hat das für „{desktop}“ nicht erlaubt: Ihre Anmeldung trug kein Principal-Tag, das zum Besitzer-Tag des Desktops passt. Bitten Sie Ihre IT, die Sitzungs-Tags Ihres Identitätsanbieters zu prüfen, danach die Berechtigungsrichtlinie der Rolle.',
  'error.desktops.denied.policy':
    'AWS hat das für „{desktop}“ nicht erlaubt: Die Berechtigungsrichtlinie der Rolle erlaubt es nicht. Bitten Sie Ihre IT, diese Richtlinie zu prüfen.',
  'error.desktops.denied.list':
    'AWS lässt {user} die Desktops nicht sehen. Bitten Sie Ihre IT, die Berechtigungsrichtlinie der Rolle zu prüfen (die Describe-Aktionen von WorkSpaces).',
  'error.desktops.refused.permission': 'Ihre Organisation lässt Benutzer das nicht selbst tun. Fragen Sie Ihre IT-Abteilung.',
  'error.desktops.refused.state': 'Der aktuelle Zustand des Desktops erlaubt das nicht.',
  'error.desktops.refused.runningMode': 'AlwaysOn-Desktops laufen immer: Sie lassen sich nicht starten oder stoppen.',
  'error.desktops.refused.modification': 'Eine Änderung an diesem Desktop läuft noch. Versuchen Sie es erneut, wenn sie abgeschlossen ist.',
  'error.aws.InvalidResourceState':
    'Der Zustand des Desktops erlaubt das gerade nicht. Warten Sie, bis er fertig ist mit dem, was er gerade tut, und versuchen Sie es dann erneut.',
  'error.aws.changeTooSoon': 'AWS erlaubt diese Änderung erst einige Zeit nach der letzten. Die Einzelheiten sagen, wann.',
  'error.aws.UnsupportedOperation': 'AWS unterstützt das für diesen Desktop nicht (zum Beispiel lässt sich ein AlwaysOn-Desktop nicht starten oder stoppen).',
  'error.aws.OperationInProgress': 'Eine andere Änderung an diesem Desktop läuft noch. Versuchen Sie es erneut, wenn sie abgeschlossen ist.',
  'error.aws.ResourceNotFound': 'AWS kennt diesen Desktop nicht mehr. Vielleicht hat Ihre IT-Abteilung ihn entfernt.',
  'error.aws.UnsupportedWorkspaceConfiguration': 'Die Konfiguration dieses Desktops erlaubt diese Änderung nicht.',
  'error.aws.InvalidParameterValues': 'AWS hat die Anfrage abgelehnt, weil ein Wert nicht angenommen wurde. Die Einzelheiten sagen, welcher.',
  'error.aws.ResourceLimitExceeded': 'Ihre Organisation hat ein AWS-Limit erreicht. Fragen Sie Ihre IT-Abteilung.',
  'error.aws.other': 'AWS hat ein Problem gemeldet. Die Einzelheiten sagen, welches.',
  // sessions
  'error.org-not-found': 'Diese Organisation ist in Deskbridge nicht mehr eingerichtet.',
  'error.desktop-not-found': 'Dieser Desktop ist nicht in der Liste. Aktualisieren Sie die Liste und versuchen Sie es erneut.',
  'error.connect-setting-invalid':
    '„{desktop}“ hat eine Verbindungseinstellung, die Deskbridge nicht verwenden kann; er wurde deshalb nicht gestartet. Bitten Sie Ihre IT-Abteilung, sie zu korrigieren.',
  'error.desktop-not-ready': '„{desktop}“ ist nicht verfügbar (Zustand {state}). Verbinden Sie sich, wenn er läuft.',
  'error.handoff-no-handler': 'Der Amazon-WorkSpaces-Client ist auf diesem Computer nicht installiert. Installieren Sie ihn, oder verwenden Sie Web Access.',
  'error.handoff-refused': 'Deskbridge konnte keinen sicheren Link für den WorkSpaces-Client erstellen.',
  'error.handoff-failed': 'Der WorkSpaces-Client hat sich nicht geöffnet.',
  'error.session-not-found': 'Diese Sitzung ist beendet. Verbinden Sie sich erneut aus der Desktop-Liste.',
  'error.viewer-origin-refused': 'Diese Seite darf keine Desktop-Verbindung öffnen.',
  'error.vnc-ticket-limit':
    'Zu viele Verbindungen zu diesem Desktop sind offen oder im Aufbau. Schließen Sie ein Anzeigefenster oder warten Sie eine Minute und versuchen Sie es dann erneut.',
  'error.keychain-unavailable': 'Das Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden; Sie werden beim nächsten Mal erneut gefragt.',
  'error.connection-file-failed':
    'Deskbridge konnte die {protocol}-Verbindungsdatei nicht im temporären Ordner anlegen; der Desktop wurde deshalb nicht geöffnet.',
  'error.rdp-client-missing': 'Dieser Desktop verbindet sich über RDP, aber es ist kein RDP-Client installiert.',
  'error.dcv-client-missing': 'Dieser Desktop verbindet sich über DCV, aber Amazon DCV Viewer ist nicht installiert.',
  'error.rdp-client-failed': '{client} ließ sich nicht starten oder hat sich sofort wieder beendet; der Desktop wurde nicht geöffnet.',
  'error.dcv-client-failed': '{client} ließ sich nicht starten oder hat sich sofort wieder beendet; der Desktop wurde nicht geöffnet.',
  'error.vnc-unreachable': 'Der Desktop war nicht erreichbar.',
  'error.vnc-server-closed': 'Der Desktop hat die Verbindung beendet.',
  // settings
  'error.preference-locked': 'Diese Einstellung legt Ihre IT-Abteilung fest; sie lässt sich hier nicht ändern.',
  'error.desktops.broker.unreachable': 'Deskbridge erreicht den Broker Ihrer Organisation nicht und versucht es weiter.',
  'error.desktops.broker.invalidAnswer':
    'Der Broker Ihrer Organisation hat eine Antwort gesendet, die Deskbridge nicht versteht; sie wurde nicht verwendet. Bitten Sie Ihre IT-Abteilung, die Version des Brokers zu prüfen.',
  'error.desktops.broker.notFound':
    'Der Broker Ihrer Organisation kennt diesen Desktop nicht als Ihren. Er wurde vielleicht entfernt oder jemand anderem zugewiesen.',
  'error.desktops.broker.invalidRequest': 'Der Broker Ihrer Organisation hat die Anfrage als ungültig abgelehnt. Die Details nennen den Grund.',
  // network (issue 13): each names the host that failed
  'error.network.proxyAuth':
    'Der Proxy {proxy} hat Ihren Benutzernamen und Ihr Passwort nicht akzeptiert, daher konnte Deskbridge {host} nicht erreichen. Prüfen Sie die Angaben und versuchen Sie es erneut, oder wenden Sie sich an Ihre IT-Abteilung.',
  'error.network.proxyCancelled':
    'Der Proxy {proxy} braucht Ihren Benutzernamen und Ihr Passwort, um {host} zu erreichen; die Anmeldung am Proxy wurde abgebrochen.',
  'error.network.proxyUnreachable':
    'Deskbridge konnte den Proxy {proxy} nicht erreichen (auf dem Weg zu {host}). Prüfen Sie den Proxy unter Einstellungen → Netzwerk, oder wenden Sie sich an Ihre IT-Abteilung.',
  'error.network.tlsInspection':
    'Ihr Netzwerk prüft verschlüsselten Datenverkehr, und sein Zertifikat ist nicht vertrauenswürdig; bitten Sie Ihre IT-Abteilung, es zu installieren. Die Verbindung zu {host} wurde von „{issuer}“ signiert.',
  'error.network.dns':
    'Der Name {host} wurde nicht gefunden (DNS). Prüfen Sie Ihre Netzwerkverbindung; wenn andere Seiten funktionieren, wenden Sie sich an Ihre IT-Abteilung.',
  'error.network.timeout': '{host} hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
  'error.network.captivePortal':
    'Das Netzwerk hat für {host} mit einer eigenen Anmeldeseite geantwortet (zum Beispiel Hotel- oder Gast-WLAN). Öffnen Sie eine Webseite in Ihrem Browser, schließen Sie die Anmeldung dort ab und versuchen Sie es dann erneut.',
  'error.network.invalidProxyUrl':
    'Geben Sie den Proxy als http://host:port an, ohne Benutzernamen oder Passwort (Deskbridge fragt danach, wenn der Proxy sie verlangt).',
  'error.network.caFileUnusable': 'Die Zertifikatsdatei ist nicht verwendbar: Sie muss eine lesbare PEM-Datei mit mindestens einem Zertifikat sein.',
  'error.network.locked': 'Diese Netzwerkeinstellung wird von Ihrer IT-Abteilung verwaltet und kann hier nicht geändert werden.',
  'error.network.noQuestion': 'Diese Proxy-Anmeldefrage wurde bereits beantwortet oder ist abgelaufen.',
};
