import { spawn, type ChildProcess } from 'node:child_process';
import { access, chmod, constants, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { NodeProcessLauncher, NodeUrlHandoff, RemoteSessionService, TempFiles } from '@core/sessions';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import type { Desktop } from '@shared/models/desktop';
import type { OrgProfile } from '@shared/models/org';
import { ORG as EXAMPLE_ORG } from '../core/sessions/fakes';
import { freeDisplay, run } from './support/xvnc';

const ORG: OrgProfile = { ...EXAMPLE_ORG, id: 'org-h', code: 'SLiad+S393HD', region: 'us-east-1' };

const DESKTOP: Desktop = {
  key: 'org-h/ws-hand0001',
  orgId: 'org-h',
  workspaceId: 'ws-hand0001',
  directoryId: 'd-1234567890',
  userName: 'jdoe@example.com',
  name: 'PCoIP desktop',
  state: 'AVAILABLE',
  protocols: ['PCOIP'],
  modifications: [],
};

/** An XDG environment of our own: only what the test registers exists, whatever the machine has. */
function xdgEnv(root: string, display: string): NodeJS.ProcessEnv {
  // xdg-open consults the scheme handlers only inside a graphical session (DISPLAY set).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DISPLAY: display,
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CONFIG_DIRS: join(root, 'etc'),
    XDG_DATA_DIRS: join(root, 'share'),
  };
  return env;
}

/** These tests exercise xdg-utils itself: without it they would prove nothing, so they fail loudly. */
async function requireOnPath(commands: readonly string[]): Promise<void> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const command of commands) {
    const found = await Promise.any(dirs.map((dir) => access(join(dir, command), constants.X_OK))).then(
      () => true,
      () => false,
    );
    if (!found) throw new Error(`${command} is not on PATH: install xdg-utils (test/run.sh does). The hand-off tests need the real tool.`);
  }
}

function service(env: NodeJS.ProcessEnv, dir: string, browserOpened: string[]): RemoteSessionService {
  return new RemoteSessionService({
    events: new EventBus(),
    secrets: new MemorySecretStore(),
    browser: { open: async (url) => void browserOpened.push(url) },
    launcher: new NodeProcessLauncher(env),
    handoff: new NodeUrlHandoff(env, 'linux'),
    platform: 'linux',
    log: new Logger().scoped('sessions'),
    now: Date.now,
    files: new TempFiles(dir),
    findOrg: () => ORG,
    findDesktop: () => DESKTOP,
  });
}

describe('hand-off to the workspaces:// handler through xdg-open', () => {
  let root: string;
  let xvfb: ChildProcess;
  let display: string;
  beforeAll(async () => {
    await requireOnPath(['xdg-mime', 'xdg-open']);
    const n = freeDisplay();
    display = `:${n}`;
    xvfb = spawn('Xvfb', [display, '-screen', '0', '640x480x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        await run('xdpyinfo', [], { ...process.env, DISPLAY: display });
        break;
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      xvfb.once('exit', () => resolve());
      xvfb.kill('SIGTERM');
    });
  });
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'deskbridge-xdg-'));
    for (const sub of ['home', 'config', 'data/applications', 'etc', 'share']) await mkdir(join(root, sub), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('opens workspaces://<user>@<code> with the registered handler, which receives it intact', async () => {
    const received = join(root, 'received.txt');
    const script = join(root, 'record-url.sh');
    await writeFile(script, `#!/bin/sh\nprintf '%s' "$1" > '${received}'\n`);
    await chmod(script, 0o755);
    await writeFile(
      join(root, 'data/applications/deskbridge-test-workspaces.desktop'),
      `[Desktop Entry]\nType=Application\nName=WorkSpaces (test recorder)\nExec=${script} %u\nMimeType=x-scheme-handler/workspaces;\nNoDisplay=true\n`,
    );
    await writeFile(join(root, 'config/mimeapps.list'), '[Default Applications]\nx-scheme-handler/workspaces=deskbridge-test-workspaces.desktop\n');
    const env = xdgEnv(root, display);
    expect(await new NodeUrlHandoff(env, 'linux').handlerFor('workspaces')).toBe('deskbridge-test-workspaces.desktop');

    const sessions = service(env, root, []);
    const result = await sessions.connect('org-h/ws-hand0001');
    expect(result).toMatchObject({ ok: true, value: { kind: 'session', session: { method: 'handoff', client: 'workspaces', status: 'handed-off' } } });
    await expect.poll(() => readFile(received, 'utf8').catch(() => ''), { timeout: 15_000 }).toBe('workspaces://jdoe%40example.com@SLiad+S393HD');
    await sessions.dispose();
  });

  it('finds no handler in an empty XDG environment and offers Web Access instead', async () => {
    const opened: string[] = [];
    const env = xdgEnv(root, display);
    // null is xdg-mime's definite "no handler"; undefined would mean it could not be asked at all.
    expect(await new NodeUrlHandoff(env, 'linux').handlerFor('workspaces')).toBeNull();
    const sessions = service(env, root, opened);
    const result = await sessions.connect('org-h/ws-hand0001');
    expect(result).toMatchObject({ ok: true, value: { kind: 'no-handler', webAccessUrl: 'https://clients.amazonworkspaces.com/' } });
    expect(await sessions.openWebAccess('org-h')).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://clients.amazonworkspaces.com/']);
    await sessions.dispose();
  });
});
