/**
 * Every error code core sends, as closed lists per domain. Core sends a code and its `params`;
 * the renderer words it in the user's language (one message per code, in English and German).
 * Behaviour is decided by membership in these lists, never by a code's prefix.
 */

/** Notices core raises for the user to read (app domain), worded by the renderer like errors. */
export const APP_NOTICE_CODES = ['settings-reset', 'policy-ignored', 'org-removed-untrusted', 'stay-signed-in-unavailable', 'link-refused'] as const;

/** The IPC layer itself: unknown channels, bad arguments, untrusted senders; and the app's notices. */
export const APP_ERROR_CODES = [
  'unknown-method',
  'invalid-arguments',
  'internal-error',
  'untrusted-sender',
  'session-window-refused',
  ...APP_NOTICE_CODES,
] as const;

export const ORGS_ERROR_CODES = [
  'unknown-organization',
  'unknown-link',
  'invalid-organization',
  'untrusted-address',
  'policy-forbids-adding',
  'duplicate-organization',
  'managed-organization',
  'invalid-name',
  'invalid-profile-file',
  'profile-file-too-new',
] as const;

/**
 * Network failures a person can act on (issue 13), in the auth and desktops domains alike. Params:
 * `host` (what Deskbridge tried to reach), `proxy` (host:port), `issuer` (the untrusted CA's name).
 */
export const NETWORK_FAILURE_CODES = [
  'network.proxyAuth',
  'network.proxyCancelled',
  'network.proxyUnreachable',
  'network.tlsInspection',
  'network.dns',
  'network.timeout',
  'network.captivePortal',
] as const;

export const AUTH_ERROR_CODES = [
  'sign-in-cancelled',
  'sign-in-denied',
  'sign-in-timeout',
  'sign-in-in-progress',
  'sign-in-failed',
  'idp-unreachable',
  'idp-timeout',
  'idp-discovery-invalid',
  'idp-client-refused',
  'idp-scope-refused',
  'idp-error',
  'idp-invalid-answer',
  'idp-userinfo-refused',
  'idp-unexpected',
  'sign-in-url-insecure',
  'state-mismatch',
  'invalid-id-token',
  'id-token-expired',
  'clock-skew',
  'role-trust-refused',
  'role-session-too-long',
  'sts-region-disabled',
  'aws-refused-token',
  'identity-center-refused',
  'identity-center-incomplete',
  'identity-center-no-assignment',
  'sign-in-expired',
  'sign-in-too-old',
  'user-name-missing',
  'user-name-invalid',
  'invalid-user-name',
  'unknown-organization',
  'not-signed-in',
  'aws-unreachable',
  'idp-response-too-large',
  'idp-sign-in-too-old',
  'subject-changed',
  'saml-invalid-response',
  'saml-no-role',
  'saml-role-not-offered',
  'saml-assertion-expired',
  'saml-token-expired',
  'saml-window-closed',
  'saml-needs-prompt',
  'saml-idp-status',
  'saml-unavailable',
  'no-role-choice',
  'no-device-code',
  'browser-failed',
  ...NETWORK_FAILURE_CODES,
] as const;

/** An IAM refusal names the IT setting to check. */
export const DESKTOP_DENIED_CODES = ['desktops.denied.ownerTag', 'desktops.denied.principalTag', 'desktops.denied.policy', 'desktops.denied.list'] as const;

/** Self-service refused before any call to AWS (shown beside the action, not as a page error). */
export const DESKTOP_REFUSAL_CODES = [
  'desktops.refused.permission',
  'desktops.refused.state',
  'desktops.refused.runningMode',
  'desktops.refused.modification',
] as const;

/** AWS's own refusals of a self-service action (FailedRequests codes and exceptions), and the rest. */
export const AWS_ERROR_CODES = [
  'aws.InvalidResourceState',
  'aws.changeTooSoon',
  'aws.UnsupportedOperation',
  'aws.OperationInProgress',
  'aws.ResourceNotFound',
  'aws.UnsupportedWorkspaceConfiguration',
  'aws.InvalidParameterValues',
  'aws.ResourceLimitExceeded',
  'aws.other',
] as const;

/** The request never reached the desktop (bad input, gone, busy): the action's dialog shows these and stays open. */
export const DESKTOP_DIALOG_ERROR_CODES = [
  'desktops.confirmRebuild',
  'desktops.computeTarget',
  'desktops.volumeNothing',
  'desktops.volume.notLarger',
  'desktops.volume.tooLarge',
  'desktops.volume.notWhole',
  'desktops.volume.bothAtOnce',
  'desktops.volume.notCombination',
  'desktops.runningModeTarget',
  'desktops.notFound',
  'desktops.busy',
] as const;

/** Broker mode: the organization's broker (not AWS) could not be used. */
export const BROKER_CLIENT_ERROR_CODES = [
  'desktops.broker.unreachable',
  'desktops.broker.invalidAnswer',
  'desktops.broker.notFound',
  'desktops.broker.invalidRequest',
] as const;

export const DESKTOPS_ERROR_CODES = [
  ...DESKTOP_DIALOG_ERROR_CODES,
  'desktops.notConnectable',
  'desktops.throttled',
  'desktops.offline',
  'desktops.serverError',
  'desktops.signInNeeded',
  'desktops.denied',
  'desktops.noRegion',
  'desktops.directoryNotFound',
  'desktops.paging',
  'desktops.connectTagUnknown',
  'desktops.connectFailed',
  ...DESKTOP_DENIED_CODES,
  ...DESKTOP_REFUSAL_CODES,
  ...AWS_ERROR_CODES,
  ...BROKER_CLIENT_ERROR_CODES,
  ...NETWORK_FAILURE_CODES,
] as const;

export const SESSIONS_ERROR_CODES = [
  'org-not-found',
  'desktop-not-found',
  'connect-setting-invalid',
  'desktop-not-ready',
  'handoff-no-handler',
  'handoff-refused',
  'handoff-failed',
  'session-not-found',
  'viewer-origin-refused',
  'vnc-ticket-limit',
  'keychain-unavailable',
  'connection-file-failed',
  'rdp-client-missing',
  'dcv-client-missing',
  'rdp-client-failed',
  'dcv-client-failed',
  'vnc-unreachable',
  'vnc-server-closed',
] as const;

/** Diagnostics reports its failures with the app's codes (it has none of its own today). */
export const DIAGNOSTICS_ERROR_CODES = [] as const satisfies readonly string[];

/** Preferences: a change to one IT's managed configuration locks. */
export const SETTINGS_ERROR_CODES = ['preference-locked'] as const;

/** Settings → Network (the network domain): bad input, a locked setting, a question no longer asked. */
export const NETWORK_ERROR_CODES = ['network.invalidProxyUrl', 'network.caFileUnusable', 'network.locked', 'network.noQuestion'] as const;

export type NetworkFailureCode = (typeof NETWORK_FAILURE_CODES)[number];
export type NetworkErrorCode = (typeof NETWORK_ERROR_CODES)[number];
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];
export type AppNoticeCode = (typeof APP_NOTICE_CODES)[number];
export type OrgsErrorCode = (typeof ORGS_ERROR_CODES)[number];
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];
export type DesktopsErrorCode = (typeof DESKTOPS_ERROR_CODES)[number];
export type DesktopRefusalCode = (typeof DESKTOP_REFUSAL_CODES)[number];
export type DesktopDeniedCode = (typeof DESKTOP_DENIED_CODES)[number];
export type AwsErrorCode = (typeof AWS_ERROR_CODES)[number];
export type BrokerClientErrorCode = (typeof BROKER_CLIENT_ERROR_CODES)[number];
export type SessionsErrorCode = (typeof SESSIONS_ERROR_CODES)[number];
export type DiagnosticsErrorCode = (typeof DIAGNOSTICS_ERROR_CODES)[number];
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number];

/** Every domain's codes, for iterating (a code may belong to more than one domain). */
export const ERROR_CODES_BY_DOMAIN = {
  app: APP_ERROR_CODES,
  orgs: ORGS_ERROR_CODES,
  auth: AUTH_ERROR_CODES,
  desktops: DESKTOPS_ERROR_CODES,
  sessions: SESSIONS_ERROR_CODES,
  diagnostics: DIAGNOSTICS_ERROR_CODES,
  settings: SETTINGS_ERROR_CODES,
  network: NETWORK_ERROR_CODES,
} as const;

/** Every code (diagnostics adds none: its calls fail only with the app's IPC codes). */
export type ErrorCode = AppErrorCode | OrgsErrorCode | AuthErrorCode | DesktopsErrorCode | SessionsErrorCode | SettingsErrorCode | NetworkErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [...new Set<ErrorCode>(Object.values(ERROR_CODES_BY_DOMAIN).flat())];

/** The values a message needs (names, hours, hosts…), never a secret. */
export type ErrorParams = Readonly<Record<string, string | number>>;

function member<C extends string>(codes: readonly C[]): (code: string) => code is C {
  const set: ReadonlySet<string> = new Set(codes);
  return (code): code is C => set.has(code);
}

export const isErrorCode = member(ERROR_CODES);
export const isDesktopsErrorCode = member<DesktopsErrorCode>(DESKTOPS_ERROR_CODES);
export const isDesktopRefusalCode = member<DesktopRefusalCode>(DESKTOP_REFUSAL_CODES);
export const isDesktopDeniedCode = member<DesktopDeniedCode>(DESKTOP_DENIED_CODES);
export const isNetworkFailureCode = member<NetworkFailureCode>(NETWORK_FAILURE_CODES);
export const isDesktopDialogErrorCode = member<(typeof DESKTOP_DIALOG_ERROR_CODES)[number]>(DESKTOP_DIALOG_ERROR_CODES);
