import type { ErrorCode } from '@shared/ipc/errors';

/** A message key per error code core can send (shared/ipc/errors.ts): the renderer words every code itself. */
export type ErrorMessageKey = `error.${ErrorCode}`;

/** English words for every error code; `{name}` placeholders are filled from the error's params. */
export const errorsEn: Readonly<Record<ErrorMessageKey | 'error.unknown', string>> = {
  'error.unknown': 'Something went wrong. The details are in the log (code {code}).',
  // app: the IPC layer
  'error.unknown-method': 'Deskbridge received a request it does not know.',
  'error.invalid-arguments': 'Deskbridge received a request with values it cannot use ({method}).',
  'error.internal-error': 'Something went wrong inside Deskbridge. The details are in the log.',
  'error.untrusted-sender': 'This request did not come from Deskbridge’s own window.',
  'error.session-window-refused': 'A session window may only manage its own session.',
  'error.settings-reset': 'Your settings file was damaged or could not be read, so Deskbridge started with fresh settings.',
  'error.policy-ignored': 'Your organization’s policy could not be used and was ignored. The details say why.',
  'error.org-removed-untrusted': '“{name}” ({code}) was removed: it used addresses that only your IT department can set.',
  'error.stay-signed-in-unavailable':
    'Staying signed in is not available: this computer’s keychain could not be used. You are signed in for now and will be asked to sign in again next time.',
  'error.link-refused': 'A Deskbridge link was refused.',
  // orgs
  'error.unknown-organization': 'This organization no longer exists.',
  'error.unknown-link': 'This link was already answered.',
  'error.invalid-organization': 'Some details of this organization are not valid.',
  'error.untrusted-address': 'This organization uses addresses that only your IT department can set, so it was not added.',
  'error.policy-forbids-adding': 'Your organization’s policy does not allow adding organizations.',
  'error.duplicate-organization': '“{name}” already uses the code {code}.',
  'error.managed-organization': 'This organization is managed by your IT department and cannot be changed or removed.',
  'error.invalid-name': 'Enter a name of 1 to 64 characters.',
  'error.invalid-profile-file': 'This file is not a Deskbridge organization file.',
  'error.profile-file-too-new': 'This organization file was made by a newer Deskbridge. Update Deskbridge, then import it again.',
  // auth
  'error.sign-in-cancelled': 'The sign-in was cancelled.',
  'error.sign-in-denied': 'The sign-in was cancelled or refused in the browser.',
  'error.sign-in-timeout': 'The sign-in took too long, so Deskbridge stopped waiting. Try again.',
  'error.sign-in-in-progress': 'A sign-in for this organization is already waiting. Finish it in the browser or cancel it.',
  'error.sign-in-failed': 'The sign-in failed.',
  'error.idp-unreachable': 'Deskbridge could not reach your identity provider. Check your network connection and try again.',
  'error.idp-timeout': 'Your identity provider ({host}) did not answer in time. Check your network connection and try again.',
  'error.saml-unavailable':
    'SAML sign-in needs Deskbridge’s sign-in window, which this version of Deskbridge does not have. Use the desktop app, or ask your IT department for another way to sign in.',
  'error.saml-idp-status': 'Your identity provider did not sign you in (SAML status {status}). Ask your IT department to check your access to the AWS app.',
  'error.identity-center-no-assignment':
    'IAM Identity Center has not given you the permission set {role} in account {account}. Ask your IT department to assign it to you.',
  'error.identity-center-incomplete':
    'IAM Identity Center answered {operation} without what a sign-in needs. Try again; if this repeats, ask your IT department to check Identity Center.',
  'error.sts-region-disabled':
    'AWS STS is not turned on in {region} for this account. Ask your IT department to activate it in IAM (Account settings → STS Regions).',
  'error.role-session-too-long':
    'Your identity provider asks for a longer session than the role {role} allows. Ask your IT department to raise the role’s maximum session duration or to shorten the session length in the identity provider.',
  'error.sign-in-url-insecure':
    'The sign-in page’s address ({origin}) is not secure (https), so Deskbridge did not open it. Check the organization’s settings.',
  'error.idp-unexpected': '{host} gave an answer Deskbridge did not expect, so the sign-in stopped. The details say more.',
  'error.idp-userinfo-refused':
    'Your identity provider did not say who you are: its user information was refused or not valid. Ask your IT department to check the app’s claims.',
  'error.idp-invalid-answer':
    'The answer your identity provider sent back was not valid, so Deskbridge did not use it. Try again; if this repeats, ask your IT department to check the app’s settings.',
  'error.idp-error': 'Your identity provider refused the sign-in with the error “{error}”. Your IT department can look it up in the identity provider’s log.',
  'error.idp-scope-refused':
    'Your identity provider refused the permissions Deskbridge asks for ({error}). Ask your IT department to allow the scopes openid, profile, email and offline_access for the app.',
  'error.idp-client-refused':
    'Your identity provider does not accept Deskbridge for this organization ({error}). Ask your IT department to check the app registration: its client ID and the redirect address http://127.0.0.1.',
  'error.idp-discovery-invalid':
    'The identity provider at {issuer} does not describe itself as the one configured for this organization. Check the issuer URL in the organization’s settings.',
  'error.state-mismatch':
    'The answer from the browser did not belong to this sign-in, so Deskbridge ignored it. Try again; if this repeats, another program may be interfering.',
  'error.invalid-id-token': 'Your identity provider’s answer could not be verified, so Deskbridge did not use it.',
  'error.id-token-expired': 'The sign-in from your identity provider has already expired. Sign in again.',
  'error.clock-skew':
    'This computer’s clock is about {minutes} minutes off from your identity provider’s. Set the clock correctly (automatic time) and sign in again.',
  'error.role-trust-refused': 'AWS refused the role {role} for this sign-in. Ask your IT department to check the role’s trust policy.',
  'error.aws-refused-token':
    'AWS did not accept the sign-in from your identity provider. Ask your IT department to check the identity provider set up in IAM and the role’s trust policy.',
  'error.identity-center-refused': 'IAM Identity Center refused {operation} ({reason}). Check the organization’s start URL and Region.',
  'error.sign-in-expired': 'Your sign-in has expired. Sign in again to continue; nothing on screen is lost.',
  'error.sign-in-too-old': 'You signed in longer ago than your organization allows. Sign in again to continue.',
  'error.user-name-missing':
    'Your identity provider did not send the claim “{claim}” that holds your WorkSpaces user name. Ask your IT department to check the organization’s user-name claim.',
  'error.user-name-invalid':
    'The WorkSpaces user name your identity provider sends in the claim “{claim}” cannot be used: AWS accepts 1 to {max} characters. Ask your IT department to check the organization’s user-name claim.',
  'error.invalid-user-name': 'Enter a user name of 1 to {max} characters: AWS WorkSpaces accepts no longer ones.',
  'error.not-signed-in': 'Sign in to this organization first.',
  'error.aws-unreachable': 'Deskbridge could not reach AWS for the sign-in. Check your network connection and try again.',
  'error.idp-response-too-large':
    'Your organization’s identity provider sent an answer far larger than a sign-in needs, so Deskbridge stopped reading it. Try again later; if this repeats, contact your IT department.',
  'error.idp-sign-in-too-old':
    'Your identity provider used an earlier sign-in that is older than your organization allows, instead of asking you to sign in again. Sign out at your identity provider in the browser, then sign in here again.',
  'error.subject-changed': 'Your identity provider answered for a different user than the one signed in, so Deskbridge ended this sign-in. Sign in again.',
  'error.saml-invalid-response': 'Your identity provider’s answer could not be read as a SAML response.',
  'error.saml-no-role': 'Your identity provider sent no AWS role. Ask your IT department to map the role attribute in the AWS app.',
  'error.saml-role-not-offered': 'This role is not among the roles your identity provider offers you.',
  'error.saml-assertion-expired': 'The sign-in from your identity provider had already expired. Sign in again; if this repeats, check this computer’s clock.',
  'error.saml-token-expired': 'AWS found the sign-in from your identity provider expired. Sign in again; if this repeats, check this computer’s clock.',
  'error.saml-window-closed': 'The sign-in window was closed before you finished signing in.',
  'error.saml-needs-prompt': 'Your identity provider wants you to sign in again.',
  'error.no-role-choice': 'There is no role to choose right now.',
  'error.no-device-code': 'There is no code waiting to be entered.',
  'error.browser-failed': 'Deskbridge could not open your web browser.',
  // desktops
  'error.desktops.confirmRebuild': 'Type the desktop’s name ({desktop}) to confirm the rebuild.',
  'error.desktops.computeTarget': 'This desktop can’t change to {target}. Allowed: {allowed}.',
  'error.desktops.volumeNothing': 'Choose a new size for one volume.',
  'error.desktops.volume.notLarger': 'A volume’s new size must be larger than it is now.',
  'error.desktops.volume.tooLarge': 'A volume can be at most 2,000 GiB.',
  'error.desktops.volume.notWhole': 'A volume’s new size must be a whole number of GiB.',
  'error.desktops.volume.bothAtOnce': 'AWS grows one volume at a time: change the root volume or the user volume, then the other once that has finished.',
  'error.desktops.volume.notCombination': 'AWS doesn’t offer that size for this volume with the other volume as it is. Allowed (GiB): {allowed}.',
  'error.desktops.runningModeTarget': 'The desktop already runs in {mode} mode.',
  'error.desktops.notConnectable': 'The desktop is {state} and can’t be connected to right now.',
  'error.desktops.notFound': 'This desktop is no longer in the list. It may have been removed, or you were signed out.',
  'error.desktops.busy': 'Deskbridge is already working on this desktop. Wait until that has finished.',
  'error.desktops.throttled': 'AWS is limiting requests right now. Deskbridge will try again shortly.',
  'error.desktops.offline': 'Deskbridge can’t reach AWS WorkSpaces. It keeps trying.',
  'error.desktops.serverError': 'AWS WorkSpaces is not answering properly right now. Deskbridge will try again.',
  'error.desktops.signInNeeded': 'Your sign-in to {org} has ended. Sign in again to see your desktops.',
  'error.desktops.denied': 'Your organization’s AWS role doesn’t allow this. Ask your IT department to check the IAM policy for WorkSpaces.',
  'error.desktops.noRegion': 'The Region of {org} is unknown. Edit the organization and choose its Region.',
  'error.desktops.directoryNotFound':
    'The WorkSpaces directory of this organization was not found. Ask your IT department to check the organization’s directory.',
  'error.desktops.paging': 'AWS sent the list of desktops in a way Deskbridge could not follow, so the list stopped loading. Refresh to try again.',
  'error.desktops.connectTagUnknown': 'Deskbridge couldn’t read how this desktop is to be connected to. Try again in a moment.',
  'error.desktops.connectFailed': 'The desktop did not start: it is now {state}.',
  'error.desktops.denied.ownerTag':
    'AWS didn’t allow this on “{desktop}”: the desktop’s owner tag does not name {user}. Ask your IT department to set this desktop’s owner tag to your WorkSpaces user name.',
  'error.desktops.denied.principalTag':
    'AWS didn’t allow this on “{desktop}”: your sign-in carried no principal tag that matches the desktop’s owner tag. Ask your IT department to check the session tags your identity provider sends, then the role’s permission policy.',
  'error.desktops.denied.policy':
    'AWS didn’t allow this on “{desktop}”: the role’s permission policy does not allow it. Ask your IT department to check that policy.',
  'error.desktops.denied.list':
    'AWS did not let {user} see the desktops. Ask your IT department to check the role’s permission policy (the WorkSpaces Describe actions).',
  'error.desktops.refused.permission': 'Your organization doesn’t let users do this themselves. Ask your IT department.',
  'error.desktops.refused.state': 'The desktop’s current state doesn’t allow this.',
  'error.desktops.refused.runningMode': 'AlwaysOn desktops are always running: they can’t be started or stopped.',
  'error.desktops.refused.modification': 'A change to this desktop is still in progress. Try again when it has finished.',
  'error.aws.InvalidResourceState': 'The desktop is not in a state that allows this right now. Wait until it has finished what it is doing, then try again.',
  'error.aws.changeTooSoon': 'AWS allows this change only some time after the last one. The details say when.',
  'error.aws.UnsupportedOperation': 'AWS doesn’t support this for this desktop (for example, an AlwaysOn desktop can’t be started or stopped).',
  'error.aws.OperationInProgress': 'Another change to this desktop is still in progress. Try again when it has finished.',
  'error.aws.ResourceNotFound': 'AWS no longer knows this desktop. It may have been removed by your IT department.',
  'error.aws.UnsupportedWorkspaceConfiguration': 'This desktop’s configuration doesn’t allow that change.',
  'error.aws.InvalidParameterValues': 'AWS refused the request because a value was not accepted. The details say which.',
  'error.aws.ResourceLimitExceeded': 'Your organization has reached an AWS limit. Ask your IT department.',
  'error.aws.other': 'AWS reported a problem. The details say what.',
  // sessions
  'error.org-not-found': 'This organization is no longer set up in Deskbridge.',
  'error.desktop-not-found': 'This desktop is not in the list. Refresh the list and try again.',
  'error.connect-setting-invalid': '“{desktop}” has a connection setting Deskbridge cannot use, so it was not run. Ask your IT department to correct it.',
  'error.desktop-not-ready': '“{desktop}” is not available (it is {state}). Connect when it is running.',
  'error.handoff-no-handler': 'The Amazon WorkSpaces client is not installed on this computer. Install it, or use Web Access.',
  'error.handoff-refused': 'Deskbridge could not build a safe link for the WorkSpaces client.',
  'error.handoff-failed': 'The WorkSpaces client did not open.',
  'error.session-not-found': 'This session has ended. Connect again from the desktop list.',
  'error.viewer-origin-refused': 'This page may not open a desktop connection.',
  'error.vnc-ticket-limit': 'Too many connections to this desktop are open or starting. Close a viewer window or wait a minute, then try again.',
  'error.keychain-unavailable': 'The password could not be saved in the system keychain; you will be asked again next time.',
  'error.connection-file-failed': 'Deskbridge could not write the {protocol} connection file in the temporary folder, so the desktop was not opened.',
  'error.rdp-client-missing': 'This desktop connects with RDP, but no RDP client is installed.',
  'error.dcv-client-missing': 'This desktop connects with DCV, but Amazon DCV Viewer is not installed.',
  'error.rdp-client-failed': '{client} could not be started or closed right away; the desktop was not opened.',
  'error.dcv-client-failed': '{client} could not be started or closed right away; the desktop was not opened.',
  'error.vnc-unreachable': 'The desktop could not be reached.',
  'error.vnc-server-closed': 'The desktop closed the connection.',
  // settings
  'error.preference-locked': 'Your IT department sets this preference, so it cannot be changed here.',
  'error.desktops.broker.unreachable': 'Deskbridge can’t reach your organization’s broker. It keeps trying.',
  'error.desktops.broker.invalidAnswer':
    'Your organization’s broker sent an answer Deskbridge doesn’t understand, so it was not used. Ask your IT department to check the broker’s version.',
  'error.desktops.broker.notFound': 'Your organization’s broker doesn’t know this desktop as yours. It may have been removed or given to someone else.',
  'error.desktops.broker.invalidRequest': 'Your organization’s broker refused the request as invalid. The details say why.',
  // network (issue 13): each names the host that failed
  'error.network.proxyAuth':
    'The proxy {proxy} did not accept your user name and password, so Deskbridge could not reach {host}. Check them and try again, or ask your IT department.',
  'error.network.proxyCancelled': 'The proxy {proxy} needs your user name and password to reach {host}, and the sign-in to the proxy was cancelled.',
  'error.network.proxyUnreachable':
    'Deskbridge could not reach the proxy {proxy} (on the way to {host}). Check the proxy in Settings → Network, or ask your IT department.',
  'error.network.tlsInspection':
    'Your network inspects encrypted traffic and its certificate is not trusted; ask IT to install it. The connection to {host} was signed by “{issuer}”.',
  'error.network.dns': 'The name {host} could not be found (DNS). Check your network connection; if it works for other sites, ask your IT department.',
  'error.network.timeout': '{host} did not answer in time. Check your network connection and try again.',
  'error.network.captivePortal':
    'The network answered for {host} with a sign-in page of its own (for example hotel or guest Wi-Fi). Open a web page in your browser, complete that sign-in, then try again.',
  'error.network.invalidProxyUrl': 'Enter the proxy as http://host:port, without a user name or password (Deskbridge asks for them when the proxy wants them).',
  'error.network.caFileUnusable': 'The certificate file could not be used: it must be a readable PEM file with at least one certificate.',
  'error.network.locked': 'Your IT department manages this network setting, so it cannot be changed here.',
  'error.network.noQuestion': 'That proxy sign-in question was already answered or has expired.',
};
