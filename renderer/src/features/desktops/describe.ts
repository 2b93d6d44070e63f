/** Display helpers for AWS enum values and errors. */
import type { Translate } from '@renderer/i18n';
import { type CodedError, errorText } from '@renderer/i18n/error-text';

/** A desktop's or an organization's problem in the user's language, by its code (an IAM refusal names the IT setting). */
export function problemText(t: Translate, error: CodedError, vars: { readonly desktop?: string; readonly user: string }): string {
  return errorText(t, error, { desktop: vars.desktop ?? '', user: vars.user });
}

/** WINDOWS_SERVER_2022 → "Windows Server 2022", UBUNTU_22_04 → "Ubuntu 22.04". */
export function osLabel(os: string | undefined): string | undefined {
  if (os === undefined) return undefined;
  const words: string[] = [];
  for (const token of os.split('_')) {
    const last = words.at(-1);
    if (/^\d+$/.test(token) && last !== undefined && /^\d+(\.\d+)*$/.test(last)) words[words.length - 1] = `${last}.${token}`;
    else words.push(/^\d+$/.test(token) ? token : token.charAt(0) + token.slice(1).toLowerCase());
  }
  return words.join(' ');
}

/** PCOIP → "PCoIP", WSP → "DCV (WSP)". */
export function protocolLabel(protocols: readonly string[]): string | undefined {
  if (protocols.length === 0) return undefined;
  return protocols.map((p) => (p === 'PCOIP' ? 'PCoIP' : p === 'WSP' ? 'DCV (WSP)' : p)).join(', ');
}
