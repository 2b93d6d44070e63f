import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { NodeProcessLauncher, NodeUrlHandoff, RemoteSessionService, TempFiles } from '@core/sessions';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import type { Desktop } from '@shared/models/desktop';
import type { OrgProfile } from '@shared/models/org';
import { ORG as EXAMPLE_ORG } from '../core/sessions/fakes';
import { freeDisplay, freePort, run, waitForPort } from './support/xvnc';

const ORG: OrgProfile = { ...EXAMPLE_ORG, id: 'org-rdp' };

function exec(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(command, args, (error) => (error ? reject(new Error(`${command}: ${error.message}`)) : resolve())));
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The RDP path for real: Deskbridge writes the .rdp file and starts xfreerdp (found on PATH),
 * which connects to an xrdp instance of our own on 127.0.0.1, drawn into an Xvfb display.
 */
describe('RDP through xfreerdp against xrdp on 127.0.0.1', () => {
  let dir: string;
  let port: number;
  let xrdp: ChildProcess | undefined;
  let xvfb: ChildProcess | undefined;
  let display: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskbridge-xrdp-'));
    port = await freePort();
    await exec('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    // xrdp reads its settings from a copy of the packaged xrdp.ini, pointed at loopback and our files.
    const ini = (await readFile('/etc/xrdp/xrdp.ini', 'utf8'))
      .replace(/^port=3389$/m, `port=tcp://127.0.0.1:${port}`)
      .replace(/^certificate=.*$/m, `certificate=${join(dir, 'cert.pem')}`)
      .replace(/^key_file=.*$/m, `key_file=${join(dir, 'key.pem')}`)
      .replace(/^LogFile=.*$/m, `LogFile=${join(dir, 'xrdp.log')}`)
      .replace(/^LogLevel=.*$/m, 'LogLevel=DEBUG')
      .replace(/^EnableSyslog=.*$/m, 'EnableSyslog=false');
    await writeFile(join(dir, 'xrdp.ini'), ini);
    xrdp = spawn('xrdp', ['--nodaemon', '--config', join(dir, 'xrdp.ini')], { stdio: 'ignore' });
    await waitForPort(port);
    display = freeDisplay();
    xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        await run('xdpyinfo', [], { ...process.env, DISPLAY: `:${display}` });
        break;
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  afterAll(async () => {
    await stop(xrdp);
    await stop(xvfb);
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the desktop in xfreerdp, which reaches xrdp’s login screen; the .rdp file goes when it closes', async () => {
    const files = join(dir, 'files');
    await mkdir(files);
    const home = join(dir, 'home');
    const env = { ...process.env, DISPLAY: `:${display}`, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const desktop: Desktop = {
      key: 'org-rdp/ws-rdp00001',
      orgId: 'org-rdp',
      workspaceId: 'ws-rdp00001',
      directoryId: 'd-1234567890',
      userName: 'Jürgen.Groß',
      name: 'RDP desktop',
      state: 'AVAILABLE',
      protocols: ['WSP'],
      modifications: [],
      connectTag: `rdp://127.0.0.1:${port}`,
    };
    const service = new RemoteSessionService({
      events: new EventBus(),
      secrets: new MemorySecretStore(),
      browser: { open: async () => undefined },
      launcher: new NodeProcessLauncher(env),
      handoff: new NodeUrlHandoff(env),
      platform: 'linux',
      log: new Logger().scoped('sessions'),
      now: Date.now,
      files: new TempFiles(files),
      findOrg: () => ORG,
      findDesktop: () => desktop,
    });
    try {
      const result = await service.connect('org-rdp/ws-rdp00001');
      expect(result).toMatchObject({ ok: true, value: { kind: 'session', session: { method: 'rdp', client: 'xfreerdp', status: 'connected' } } });
      // xrdp accepted the connection and drew its login window into the xfreerdp session.
      await expect.poll(async () => readFile(join(dir, 'xrdp.log'), 'utf8').catch(() => ''), { timeout: 30_000, interval: 250 }).toMatch(/draw login window/);
      const [folder] = await readdir(files);
      const [rdpFile] = await readdir(join(files, folder ?? ''));
      expect(rdpFile).toMatch(/^[0-9a-f]{16}\.rdp$/);
      expect(service.snapshot().sessions[0]?.status).toBe('connected');
      const id = service.snapshot().sessions[0]?.id ?? '';
      service.disconnect(id);
      expect(service.snapshot().sessions).toEqual([]);
      // xfreerdp is gone, and so is its connection file.
      await expect.poll(() => readdir(join(files, folder ?? '')), { timeout: 10_000 }).toEqual([]);
    } finally {
      await service.dispose();
    }
  });
});
