import { execFile } from 'node:child_process';
import type { UrlHandoff } from './ports';

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout) });
    });
  });
}

/**
 * The OS link handler without Electron: on Linux `xdg-mime query default x-scheme-handler/…`
 * tells who is registered and `xdg-open` opens the link; elsewhere the OS opener is used and
 * whether a handler exists is unknown. (Electron's own adapter asks the OS directly.)
 */
export class NodeUrlHandoff implements UrlHandoff {
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async handlerFor(scheme: string): Promise<string | null | undefined> {
    if (this.platform !== 'linux' && this.platform !== 'freebsd' && this.platform !== 'openbsd') return undefined;
    if (!/^[a-z][a-z0-9+.-]*$/.test(scheme)) return null;
    const result = await run('xdg-mime', ['query', 'default', `x-scheme-handler/${scheme}`], this.env, 10_000);
    if (result.code !== 0) return undefined;
    const name = result.stdout.trim();
    return name === '' ? null : name;
  }

  async open(url: string): Promise<void> {
    const [command, args]: [string, string[]] =
      this.platform === 'darwin' ? ['open', [url]] : this.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
    const result = await run(command, args, this.env, 30_000);
    // explorer.exe exits with 1 even on success.
    if (result.code !== 0 && this.platform !== 'win32') throw new Error(`${command} exited with code ${result.code}`);
  }
}
