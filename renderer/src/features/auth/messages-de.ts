import type { authEn } from './messages-en';

/** Deutsche Meldungen der Anmeldung (in i18n/de.ts eingebunden). */
export const authDe: Record<keyof typeof authEn, string> = {
  'auth.error.idp-sign-in-too-old':
    'Ihr Identitätsanbieter hat eine frühere Anmeldung verwendet, die älter ist, als Ihre Organisation erlaubt, statt Sie erneut anzumelden. Melden Sie sich im Browser bei Ihrem Identitätsanbieter ab und melden Sie sich dann hier erneut an.',
  'auth.error.subject-changed': 'Ihr Identitätsanbieter hat für einen anderen Benutzer geantwortet als den angemeldeten. Deskbridge hat diese Anmeldung deshalb beendet. Melden Sie sich erneut an.',
  'auth.error.idp-response-too-large':
    'Der Identitätsanbieter Ihrer Organisation hat eine Antwort geschickt, die weit größer ist, als eine Anmeldung braucht. Deskbridge hat das Lesen deshalb abgebrochen. Versuchen Sie es später erneut; falls es wieder passiert, wenden Sie sich an Ihre IT-Abteilung.',
};
