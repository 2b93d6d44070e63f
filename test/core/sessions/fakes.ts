import type { LaunchedProcess, ProcessExit, ProcessLauncher, UrlHandoff } from '@core/sessions/ports';
import type { Desktop } from '@shared/models/desktop';
import type { OrgProfile } from '@shared/models/org';

/** A ProcessLauncher port that records launches; the test decides when each process exits. */
export class FakeLauncher implements ProcessLauncher {
  readonly installed = new Set<string>();
  readonly launches: { command: string; args: readonly string[]; exit: (exit: ProcessExit) => void; killed: boolean }[] = [];

  async find(command: string): Promise<string | null> {
    return this.installed.has(command) ? `/usr/bin/${command}` : null;
  }

  async exists(path: string): Promise<boolean> {
    return this.installed.has(path);
  }

  spawn(command: string, args: readonly string[]): LaunchedProcess {
    let exit: (value: ProcessExit) => void = () => undefined;
    const exited = new Promise<ProcessExit>((resolve) => (exit = resolve));
    const record = { command, args, exit, killed: false };
    this.launches.push(record);
    return {
      pid: 4242,
      exited,
      kill: () => {
        record.killed = true;
        exit({ code: null, signal: 'SIGTERM' });
      },
    };
  }
}

export class FakeHandoff implements UrlHandoff {
  handler: string | null | undefined = 'com.amazon.workspaces.desktop';
  failOpen = false;
  readonly opened: string[] = [];

  async handlerFor(): Promise<string | null | undefined> {
    return this.handler;
  }

  async open(url: string): Promise<void> {
    if (this.failOpen) throw new Error('no handler');
    this.opened.push(url);
  }
}

export const ORG: OrgProfile = {
  id: 'org-1',
  code: 'WSpdx+ABC12D',
  name: 'Example',
  region: 'us-west-2',
  signIn: {
    method: 'oidc',
    issuer: 'https://idp.example.com',
    clientId: 'c',
    roleArn: 'arn:aws:iam::123456789012:role/R',
    userNameClaim: 'preferred_username',
  },
  policy: { allowStaySignedIn: true },
  managed: false,
};

export function desktop(patch: Partial<Desktop> = {}): Desktop {
  return {
    key: 'org-1/ws-abc12345',
    orgId: 'org-1',
    workspaceId: 'ws-abc12345',
    directoryId: 'd-1234567890',
    userName: 'jdoe',
    name: 'Dev desktop',
    state: 'AVAILABLE',
    ipAddress: '10.0.0.5',
    protocols: ['WSP'],
    modifications: [],
    ...patch,
  };
}
