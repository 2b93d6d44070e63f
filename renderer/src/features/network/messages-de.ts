import type { networkEn } from './messages-en';

/** German messages of Settings → Network and the proxy sign-in dialog. */
export const networkDe: Record<keyof typeof networkEn, string> = {
  'network.title': 'Netzwerk',
  'network.explain': 'Wie Deskbridge Ihren Identitätsanbieter und AWS erreicht. Proxy-Passwörter werden bei Bedarf abgefragt und nie gespeichert.',
  'network.proxy': 'Proxy',
  'network.mode.system': 'Proxy-Einstellungen des Systems verwenden (empfohlen)',
  'network.mode.manual': 'Diesen Proxy verwenden',
  'network.mode.none': 'Kein Proxy (direkt verbinden)',
  'network.proxyUrl': 'Proxy-Adresse',
  'network.proxyUrlHint': 'Zum Beispiel http://proxy.example.com:3128. Ohne Benutzernamen oder Passwort.',
  'network.caFile': 'Zusätzliche Zertifikatsdatei (PEM)',
  'network.caFileHint':
    'Zertifikate Ihrer Organisation, denen Deskbridge vertrauen soll, zum Beispiel wenn das Netzwerk verschlüsselten Datenverkehr prüft. Leer lassen, wenn Ihre IT-Abteilung Ihnen keine gegeben hat.',
  'network.active': 'Derzeit verwendet: {description}',
  'network.source.settings': 'aus diesen Einstellungen',
  'network.source.managed': 'von Ihrer IT-Abteilung festgelegt',
  'network.source.environment': 'aus der Umgebung (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)',
  'network.source.default': 'direkte Verbindung',
  'network.managed': 'Ihre IT-Abteilung gibt diese Einstellungen vor.',
  'network.locked': 'Ihre IT-Abteilung verwaltet diese Einstellungen; sie können hier nicht geändert werden.',
  'network.save': 'Speichern',
  'network.saved': 'Gespeichert.',
  'network.login.title': 'Am Proxy anmelden',
  'network.login.why':
    'Deskbridge wollte {host} erreichen. Der Proxy {proxy} in Ihrem Netzwerk verlangt einen Benutzernamen und ein Passwort, bevor er die Verbindung zulässt.',
  'network.login.again':
    'Der Proxy hat den letzten Benutzernamen und das Passwort nicht akzeptiert (Versuch {attempt}). Prüfen Sie die Angaben und geben Sie sie erneut ein.',
  'network.login.kept': 'Sie bleiben nur im Arbeitsspeicher, bis Deskbridge beendet wird, und werden nie gespeichert.',
  'network.login.user': 'Benutzername',
  'network.login.password': 'Passwort',
  'network.login.submit': 'Anmelden',
  'network.login.cancel': 'Abbrechen',
};
