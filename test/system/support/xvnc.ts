import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface XvncServer {
  readonly display: number;
  readonly port: number;
  /** Environment for X clients of this display (xsetroot, xdotool, xev). */
  readonly env: NodeJS.ProcessEnv;
  /** Stops the server and starts it again on the same display and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface XvncOptions {
  /** VNC password (VncAuth); omit for no authentication. */
  readonly password?: string;
  readonly geometry?: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A display number nobody uses (no socket, no lock file). */
export function freeDisplay(): number {
  for (let tries = 0; tries < 200; tries++) {
    const n = 40 + Math.floor(Math.random() * 500);
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('No free X display number.');
}

/** `vncpasswd -f`: the DES-obfuscated password file TigerVNC reads. */
export function vncPasswordFile(password: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('vncpasswd', ['-f'], { encoding: 'buffer' }, (error, stdout) =>
      error ? reject(new Error(`vncpasswd: ${error.message}`)) : resolve(stdout),
    );
    child.stdin?.end(password);
  });
}

export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Nothing listens on 127.0.0.1:${port}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 15_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command}: ${error.message} ${stderr}`)) : resolve(stdout),
    );
  });
}

/** TigerVNC's Xvnc on 127.0.0.1 only (-interface, not -localhost, which would add [::1]). */
export async function startXvnc(options: XvncOptions = {}): Promise<XvncServer> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-xvnc-'));
  const display = freeDisplay();
  const port = await freePort();
  const security = options.password === undefined ? ['-SecurityTypes', 'None'] : ['-SecurityTypes', 'VncAuth', '-PasswordFile', join(dir, 'passwd')];
  if (options.password !== undefined) await writeFile(join(dir, 'passwd'), await vncPasswordFile(options.password), { mode: 0o600 });
  const env = { ...process.env, DISPLAY: `:${display}` };
  let child: ChildProcess | null = null;

  const start = async () => {
    const args = [
      `:${display}`,
      '-interface',
      '127.0.0.1',
      '-rfbport',
      String(port),
      '-geometry',
      options.geometry ?? '800x600',
      '-depth',
      '24',
      '-nolisten',
      'tcp',
      '-AlwaysShared',
      ...security,
    ];
    const spawned = spawn('Xvnc', args, { stdio: 'ignore' });
    child = spawned;
    await Promise.race([waitForPort(port), new Promise((_, reject) => spawned.once('exit', (code) => reject(new Error(`Xvnc exited with ${String(code)}`))))]);
    // The X side is up once a client can talk to it.
    for (let i = 0; ; i++) {
      try {
        await run('xsetroot', ['-solid', 'black'], env);
        break;
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const stopServer = async () => {
    const current = child;
    child = null;
    if (!current || current.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      current.once('exit', () => resolve());
      current.kill('SIGTERM');
    });
  };

  await start();
  return {
    display,
    port,
    env,
    restart: async () => {
      await stopServer();
      await start();
    },
    stop: async () => {
      await stopServer();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
