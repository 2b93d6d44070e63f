// Electron security lint rules (the official checklist as lint): Microsoft's SDL plugin plus
// local selectors for what it does not cover. Used by eslint.config.js and by the security gate.
'use strict';
const sdl = require('@microsoft/eslint-plugin-sdl');

/** The one module allowed to call shell.openExternal, behind isSafeExternalUrl. */
const VETTING_MODULE = 'electron/main/platform/electron-browser.ts';
const SOURCES = ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'shared/**/*.ts'];

const prop = (name, value) => `Property[key.name=${name}][value.value=${value}]`;
const RESTRICTED = [
  { selector: prop('/^nodeIntegration(InWorker|InSubFrames)?$/', true), message: 'Node integration must stay off in every renderer.' },
  { selector: prop('contextIsolation', false), message: 'Context isolation must stay on.' },
  { selector: prop('sandbox', false), message: 'Renderers must stay sandboxed.' },
  { selector: prop('webSecurity', false), message: 'webSecurity must stay on.' },
  { selector: prop('allowRunningInsecureContent', true), message: 'Insecure content must not run.' },
  { selector: prop('experimentalFeatures', true), message: 'Experimental Chromium features stay off.' },
  { selector: 'Property[key.name=enableBlinkFeatures]', message: 'Do not enable Blink features.' },
  { selector: prop('webviewTag', true), message: 'No <webview>.' },
  { selector: 'Property[key.name=allowpopups]', message: 'No popups.' },
  { selector: 'Property[key.name=partition][value.value=/^persist:/]', message: 'Sessions are in memory only (docs/architecture.md, the privacy contract).' },
  {
    selector: "CallExpression[callee.property.name=/^(executeJavaScript|executeJavaScriptInIsolatedWorld|insertCSS)$/][arguments.0.type!='Literal']",
    message: 'Only literal code may be injected into a page, never a variable.',
  },
  {
    selector:
      'CallExpression[callee.property.name=appendSwitch][arguments.0.value=/^(ignore-certificate-errors|disable-web-security|remote-debugging-port|inspect|js-flags)/]',
    message: 'This Chromium switch weakens Deskbridge’s security.',
  },
  {
    selector: 'CallExpression[callee.object.name=crashReporter][callee.property.name=start]',
    message: 'Crash reports are never collected or uploaded (docs/architecture.md, the privacy contract).',
  },
  { selector: 'CallExpression[callee.property.name=loadFile]', message: 'Pages load from app://, never file://.' },
  { selector: 'CallExpression[callee.property.name=loadURL][arguments.0.value=/^file:/]', message: 'Pages load from app://, never file://.' },
  {
    selector: 'CallExpression[callee.property.name=setPermissionRequestHandler] > ArrowFunctionExpression CallExpression[arguments.0.value=true]',
    message: 'Permissions are denied by default.',
  },
];
const OPEN_EXTERNAL = [
  { selector: 'CallExpression[callee.property.name=openExternal]', message: `Open external links only through ${VETTING_MODULE} (isSafeExternalUrl).` },
  { selector: 'Property[key.name=openExternal][parent.type=ObjectPattern]', message: `Open external links only through ${VETTING_MODULE}.` },
];

const SDL_RULES = {
  '@microsoft/sdl/no-electron-node-integration': 'error',
  '@microsoft/sdl/no-inner-html': 'error',
  '@microsoft/sdl/no-document-write': 'error',
  '@microsoft/sdl/no-document-domain': 'error',
  '@microsoft/sdl/no-postmessage-star-origin': 'error',
};

/** Flat-config blocks; later blocks only narrow the openExternal exemption to the vetting module. */
const electronSecurity = [
  { files: SOURCES, plugins: { '@microsoft/sdl': sdl }, rules: { ...SDL_RULES, 'no-restricted-syntax': ['error', ...RESTRICTED, ...OPEN_EXTERNAL] } },
  { files: [VETTING_MODULE], rules: { 'no-restricted-syntax': ['error', ...RESTRICTED] } },
  { files: SOURCES, rules: { 'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: `Use ${VETTING_MODULE}.` }] } },
  { files: [VETTING_MODULE], rules: { 'no-restricted-properties': 'off' } },
];

module.exports = { electronSecurity, SOURCES, VETTING_MODULE };
