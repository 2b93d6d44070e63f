import { randomUUID } from 'node:crypto';
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions, OnBeforeRequestListenerDetails, Session } from 'electron';
import { isSafeExternalUrl } from '@shared/lib/external-url';
import { parseUrl } from '@shared/lib/parse-url';
import { AuthError, insecureSignInUrl } from '@core/auth/auth-error';
import type { SamlCapture, SamlCaptureRequest } from '@core/auth/saml-capture';

type WindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;
type SessionLike = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'clearStorageData'
  | 'clearCache'
  | 'clearAuthCache'
  | 'setUserAgent'
  | 'getUserAgent'
> & {
  readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export interface SamlWindowDeps {
  readonly BrowserWindow: WindowClass;
  readonly fromPartition: (partition: string) => SessionLike;
  /** Told of each SAML partition before its window exists, so the app-wide guards leave it alone. */
  readonly onPartition?: (partition: string) => void;
  /** How long a hidden renewal may try before the window shows itself (the IdP needs the user). */
  readonly hiddenGraceMs?: number;
  /** How long a sign-in may take in all before Deskbridge stops waiting (as the loopback flows). */
  readonly timeoutMs?: number;
}

/** AWS's SAML sign-in endpoints: global, regional, GovCloud and China. */
export function isAwsSamlEndpoint(value: string): boolean {
  const url = parseUrl(value);
  if (url === null) return false;
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '' || url.pathname !== '/saml') return false;
  const host = url.hostname;
  return (
    host === 'signin.aws.amazon.com' ||
    /^[a-z]{2}(-gov)?-[a-z]+-\d\.signin\.aws\.amazon\.com$/.test(host) ||
    host === 'signin.amazonaws-us-gov.com' ||
    host === 'signin.amazonaws.cn'
  );
}

/** Where the sign-in window may go: https (and, for the local emulator, http on 127.0.0.1); data:/blob: for the IdP's own resources. */
function mayLoad(url: string): boolean {
  return isSafeExternalUrl(url) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('wss:') || url === 'about:blank';
}

/** The SAMLResponse field of a posted form, from Electron's upload data. */
export function samlResponseFrom(details: Pick<OnBeforeRequestListenerDetails, 'method' | 'uploadData'>): string | null {
  if (details.method !== 'POST' || !details.uploadData) return null;
  const body = Buffer.concat(details.uploadData.flatMap((part) => (part.bytes ? [part.bytes] : []))).toString('utf8');
  const value = new URLSearchParams(body).get('SAMLResponse');
  return value && value.length > 0 ? value : null;
}

/** A plain Chrome user agent: some IdPs refuse Electron's (or an app's) token. */
export function chromeUserAgent(userAgent: string): string {
  return userAgent
    .split(' ')
    .filter((token) => !/^(Electron|Deskbridge|deskbridge)\//.test(token))
    .join(' ');
}

const NOT_FOR_IDPS = 'Deskbridge’s sign-in window';

/**
 * Core's SamlCapture port in Electron: one sign-in window per sign-in, with its own in-memory
 * partition per organization (kept for this run so a hidden renewal finds the IdP session),
 * sandboxed, no preload, no Node, https navigation only, every permission refused. The POST to
 * AWS's SAML endpoint is caught in webRequest.onBeforeRequest and cancelled: the assertion never
 * leaves the computer except to STS.
 */
export function createSamlWindows(deps: SamlWindowDeps): SamlCapture {
  const partitions = new Map<string, string>();
  const hiddenGraceMs = deps.hiddenGraceMs ?? 20_000;
  const timeoutMs = deps.timeoutMs ?? 10 * 60_000;

  const partitionOf = (orgId: string): string => {
    let partition = partitions.get(orgId);
    if (!partition) {
      partition = `saml-${randomUUID()}`;
      partitions.set(orgId, partition);
      deps.onPartition?.(partition);
    }
    return partition;
  };

  const prepare = (ses: SessionLike): void => {
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
    ses.setUserAgent(chromeUserAgent(ses.getUserAgent()));
  };

  return {
    capture(request: SamlCaptureRequest, signal: AbortSignal): Promise<string> {
      const partition = partitionOf(request.orgId);
      const ses = deps.fromPartition(partition);
      prepare(ses);
      return new Promise<string>((resolve, reject) => {
        let settled = false;
        const window = new deps.BrowserWindow({
          width: 520,
          height: 720,
          show: false,
          title: `Sign in to ${request.orgName}`,
          autoHideMenuBar: true,
          webPreferences: {
            partition,
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            nodeIntegrationInWorker: false,
            nodeIntegrationInSubFrames: false,
            webviewTag: false,
            webSecurity: true,
            allowRunningInsecureContent: false,
            experimentalFeatures: false,
            navigateOnDragDrop: false,
            safeDialogs: true,
            devTools: false,
            disableBlinkFeatures: 'Auxclick',
          },
        });
        const timer = request.hidden ? setTimeout(() => !settled && window.show(), hiddenGraceMs) : null;
        const deadline = setTimeout(
          () => finish(() => reject(new AuthError('sign-in-timeout', 'The sign-in took longer than 10 minutes, so Deskbridge stopped waiting. Try again.'))),
          timeoutMs,
        );
        const finish = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          if (timer) clearTimeout(timer);
          clearTimeout(deadline);
          signal.removeEventListener('abort', onAbort);
          ses.webRequest.onBeforeRequest(null);
          outcome();
          if (!window.isDestroyed()) window.destroy();
          // The IdP's cookies stay in memory for renewal; everything else it stored goes now.
          void ses
            .clearStorageData({ storages: ['localstorage', 'indexdb', 'cachestorage', 'serviceworkers', 'shadercache', 'filesystem'] })
            .catch(() => undefined);
          void ses.clearCache().catch(() => undefined);
        };
        const onAbort = (): void => finish(() => reject(new AuthError('sign-in-cancelled', 'Sign-in was cancelled.')));
        signal.addEventListener('abort', onAbort);

        ses.webRequest.onBeforeRequest((details, callback) => {
          if (isAwsSamlEndpoint(details.url)) {
            const samlResponse = samlResponseFrom(details);
            callback({ cancel: true });
            if (samlResponse) finish(() => resolve(samlResponse));
            return;
          }
          callback({ cancel: !mayLoad(details.url) });
        });

        const contents = window.webContents;
        const keepOnHttps = (event: { preventDefault(): void }, url: string): void => {
          if (!mayLoad(url) && !isAwsSamlEndpoint(url)) event.preventDefault();
        };
        contents.on('will-navigate', keepOnHttps);
        contents.on('will-redirect', keepOnHttps);
        contents.on('will-attach-webview', (event) => event.preventDefault());
        contents.setWindowOpenHandler(() => ({ action: 'deny' }));
        contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
          // -3 is an aborted load (a redirect, our own cancel); the caught POST fails by design.
          if (!isMainFrame || errorCode === -3 || isAwsSamlEndpoint(validatedURL)) return;
          finish(() =>
            reject(
              new AuthError(
                'idp-unreachable',
                'Deskbridge could not reach your identity provider’s sign-in page. Check your network connection and try again.',
                `${new URL(validatedURL || request.signInUrl).origin}: ${errorDescription} (${errorCode})`,
              ),
            ),
          );
        });
        // The title keeps naming the organization, whatever the IdP's page calls itself.
        window.on('page-title-updated', (event) => event.preventDefault());
        window.once('ready-to-show', () => {
          if (!request.hidden) window.show();
        });
        window.on('closed', () =>
          finish(() => reject(new AuthError('saml-window-closed', 'The sign-in window was closed before you finished signing in.', NOT_FOR_IDPS))),
        );
        if (!isSafeExternalUrl(request.signInUrl)) {
          finish(() => reject(insecureSignInUrl(request.signInUrl)));
          return;
        }
        window.loadURL(request.signInUrl).catch(() => undefined);
      });
    },

    async forget(orgId: string): Promise<void> {
      const partition = partitions.get(orgId);
      if (!partition) return;
      partitions.delete(orgId);
      const ses = deps.fromPartition(partition);
      await ses.clearStorageData();
      await ses.clearAuthCache();
      await ses.clearCache();
    },
  };
}
