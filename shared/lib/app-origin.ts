/** app://deskbridge/… serves the built renderer; file:// is never used. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'deskbridge';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;
