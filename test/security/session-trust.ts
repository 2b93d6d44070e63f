/**
 * Trust checks of the security gate for the in-app sessions (issue 15, items 5, 6 and 8), run on
 * the real modules: the session window's API surface, the viewer origins the product accepts,
 * remembered VNC passwords bound to their server and wiped at sign-out and organization removal,
 * and connection files inside the per-run folder the startup sweep removes.
 */
import { sep } from 'node:path';
import { Logger } from '@core/log/logger';
import type { OrgService } from '@core/orgs/org-service';
import { createSessions, isViewerOrigin, VNC_SECRET_SERVICE, vncPasswordAccount } from '@core/sessions';
import { EventBus } from '@core/events';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { planRunDir } from '@main/platform/run-dirs';
import { electronSessionPorts } from '@main/windows/session-window';
import { buildSessionBridge } from '@shared/ipc/bridge';
import { API_MANIFEST } from '@shared/ipc/contract';
import { sessionWindowMethods } from '@shared/ipc/domains/sessions';
import type { Desktop } from '@shared/models/desktop';
import type { OrgProfile } from '@shared/models/org';
import type { Finding } from './finding';

/** The modules checked; the gate's own test swaps one for a broken stand-in to see it fail. */
export interface SessionTrustSubject {
  readonly sessionBridge: () => object;
  readonly isViewerOrigin: (origin: string) => boolean;
  readonly vncPasswordAccount: typeof vncPasswordAccount;
  readonly createSessions: typeof createSessions;
  readonly connectionFilesDir: (run: ReturnType<typeof planRunDir>) => string | undefined;
}

export const DESKBRIDGE: SessionTrustSubject = {
  sessionBridge: () => buildSessionBridge(async () => null),
  isViewerOrigin,
  vncPasswordAccount,
  createSessions,
  connectionFilesDir: (run) =>
    electronSessionPorts({
      BrowserWindow: class {} as unknown as Parameters<typeof electronSessionPorts>[0]['BrowserWindow'],
      preloadDir: '/app/out/preload',
      partition: 'deskbridge-main',
      devTools: false,
      trusted: {},
      run,
      handoff: { handlerFor: async () => undefined, open: async () => undefined },
    }).tempDir,
};

const finding = (check: string, file: string, message: string): Finding => ({ check, file, line: 0, message });

function checkSessionWindowApi(subject: SessionTrustSubject): Finding[] {
  const bridge = subject.sessionBridge() as Record<string, unknown>;
  const domains = Object.keys(bridge);
  const methods = Object.keys(bridge.sessions ?? {}).sort();
  const expected = [...sessionWindowMethods].sort();
  if (domains.length === 1 && domains[0] === 'sessions' && JSON.stringify(methods) === JSON.stringify(expected)) return [];
  const extra = [
    ...domains.filter((d) => d !== 'sessions' && d in API_MANIFEST),
    ...methods.filter((m) => !expected.includes(m as never)).map((m) => `sessions.${m}`),
  ];
  return [
    finding(
      'session-window-api',
      'electron/preload/session.ts',
      `The session window's preload exposes more than its session's calls: ${extra.join(', ') || domains.join(', ')}`,
    ),
  ];
}

function checkViewerOrigins(subject: SessionTrustSubject): Finding[] {
  const accepted = ['http://127.0.0.1:4000', 'http://localhost:5173', 'http://[::1]:8080', 'https://evil.example'].filter((origin) =>
    subject.isViewerOrigin(origin),
  );
  if (!subject.isViewerOrigin('app://deskbridge')) accepted.push('(app://deskbridge refused)');
  return accepted.length === 0
    ? []
    : [
        finding(
          'viewer-origin',
          'electron/core/sessions/remote-session-service.ts',
          `The product accepts other viewer origins than app://deskbridge: ${accepted.join(', ')}`,
        ),
      ];
}

function checkPasswordBinding(subject: SessionTrustSubject): Finding[] {
  const key = 'org-1/ws-abc12345';
  const accounts = [
    subject.vncPasswordAccount(key, { host: '10.0.0.5', port: 5901 }),
    subject.vncPasswordAccount(key, { host: '203.0.113.9', port: 5901 }),
    subject.vncPasswordAccount(key, { host: '10.0.0.5', port: 5902 }),
  ];
  const distinct = new Set(accounts).size === accounts.length;
  const ownOrg = accounts.every((account) => account.startsWith('org-1/'));
  return distinct && ownOrg
    ? []
    : [
        finding(
          'vnc-password-binding',
          'electron/core/sessions/remote-session-service.ts',
          'A remembered VNC password is not bound to the desktop AND its server (host:port): a changed tag would send it to another host.',
        ),
      ];
}

/** Remembers a VNC password as the viewer does, then signs out or removes the organization. */
async function checkPasswordWipe(subject: SessionTrustSubject, end: 'sign-out' | 'removal'): Promise<Finding[]> {
  const org = { id: 'org-1' } as OrgProfile;
  const secrets = new MemorySecretStore();
  const removals: ((o: OrgProfile) => Promise<void>)[] = [];
  const authListeners: ((orgId: string) => void)[] = [];
  let signedIn = true;
  const desktop = {
    key: 'org-1/ws-abc12345',
    orgId: 'org-1',
    workspaceId: 'ws-abc12345',
    name: 'Desk',
    userName: 'u',
    state: 'AVAILABLE',
    connectTag: 'vnc://10.0.0.5:5901',
    protocols: [],
    modifications: [],
  } as unknown as Desktop;
  const service = subject.createSessions(
    {
      events: new EventBus(),
      logger: new Logger(),
      secrets,
      browser: { open: async () => undefined },
      orgs: {
        find: (id: string) => (id === org.id ? org : undefined),
        onRemove: (hook: (o: OrgProfile) => Promise<void>) => removals.push(hook),
      } as unknown as OrgService,
      auth: {
        session: () => (signedIn ? ({} as never) : null),
        onChange: (l) => (authListeners.push(l), () => undefined),
        status: () => ({ state: signedIn ? 'signed-in' : 'signed-out' }),
      },
    },
    { findDesktop: () => desktop, windows: { open: () => undefined, close: () => undefined } },
  );
  try {
    for (const listener of authListeners) listener(org.id);
    const connected = await service.connect(desktop.key);
    if (!connected.ok || connected.value.kind !== 'session')
      return [finding('vnc-password-wipe', 'electron/core/sessions', 'Could not open a VNC session to check the wipe.')];
    await service.rememberPassword(connected.value.session.id, 'vnc-secret');
    if ((await secrets.accounts(VNC_SECRET_SERVICE)).length !== 1)
      return [finding('vnc-password-wipe', 'electron/core/sessions', 'Remembering a VNC password stored nothing to check the wipe with.')];
    if (end === 'sign-out') {
      signedIn = false;
      for (const listener of authListeners) listener(org.id);
    } else {
      for (const hook of removals) await hook(org);
    }
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    const left = await secrets.accounts(VNC_SECRET_SERVICE);
    return left.length === 0
      ? []
      : [
          finding(
            'vnc-password-wipe',
            'electron/core/sessions/create-sessions.ts',
            `A remembered VNC password survives ${end === 'sign-out' ? 'sign-out' : 'removal of its organization'}: ${left.length} keychain entr${left.length === 1 ? 'y' : 'ies'} left.`,
          ),
        ];
  } finally {
    await service.dispose();
  }
}

function checkConnectionFiles(subject: SessionTrustSubject): Finding[] {
  const run = planRunDir('/tmp', 4242, '0123456789abcdef');
  const dir = subject.connectionFilesDir(run);
  return dir !== undefined && dir.startsWith(`${run.root}${sep}`)
    ? []
    : [
        finding(
          'connection-files',
          'electron/main/windows/session-window.ts',
          `Connection files (.rdp, .dcv) go to ${dir ?? 'the OS temp folder'}, outside the per-run folder the startup sweep removes after a crash.`,
        ),
      ];
}

export async function checkSessionTrust(subject: SessionTrustSubject = DESKBRIDGE): Promise<Finding[]> {
  return [
    ...checkSessionWindowApi(subject),
    ...checkViewerOrigins(subject),
    ...checkPasswordBinding(subject),
    ...(await checkPasswordWipe(subject, 'sign-out')),
    ...(await checkPasswordWipe(subject, 'removal')),
    ...checkConnectionFiles(subject),
  ];
}
