/**
 * What Deskbridge hands to other programs: the workspaces:// hand-off link and the contents of
 * .rdp and .dcv connection files. Never a password, in any of them.
 */
import type { ConnectTarget } from './connect-target';

export const WORKSPACES_SCHEME = 'workspaces';
/** WorkSpaces Web Access, for when the official client is not installed. */
export const WEB_ACCESS_URL = 'https://clients.amazonworkspaces.com/';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes everything but RFC 3986 unreserved characters (and a literal `+` when asked). */
function encodeStrict(value: string, keepPlus = false): string {
  const encoded = encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepPlus ? encoded.replace(/%2B/g, '+') : encoded;
}

/**
 * `workspaces://<user>@<registration code>`: both parts percent-encoded, except the `+` of the
 * code, a legal sub-delimiter in the authority that the official client expects literally.
 */
export function workspacesHandoffUrl(userName: string, registrationCode: string): string {
  return `${WORKSPACES_SCHEME}://${encodeStrict(userName)}@${encodeStrict(registrationCode, true)}`;
}

/** Control characters (line breaks above all) would start a new setting in a line-based file. */
export function stripControlCharacters(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');
}

function hostPort(target: ConnectTarget): string {
  return `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
}

export interface RdpFileOptions {
  readonly fullScreen: boolean;
}

/** A .rdp file (CRLF lines, as mstsc writes them); the client asks for the password itself. */
export function rdpFileText(target: ConnectTarget, userName: string, options: RdpFileOptions): string {
  const lines = [
    `full address:s:${hostPort(target)}`,
    `username:s:${stripControlCharacters(userName)}`,
    `screen mode id:i:${options.fullScreen ? 2 : 1}`,
    'prompt for credentials:i:1',
    'promptcredentialonce:i:1',
    'authentication level:i:2',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** An Amazon DCV Viewer connection file; the viewer asks for the password itself. */
export function dcvFileText(target: ConnectTarget, userName: string): string {
  const lines = [
    '[version]',
    'format=1.0',
    '',
    '[connect]',
    `host=${stripControlCharacters(target.host)}`,
    `port=${target.port}`,
    ...(target.session ? [`sessionid=${stripControlCharacters(target.session)}`] : []),
    `user=${stripControlCharacters(userName)}`,
  ];
  return `${lines.join('\n')}\n`;
}
