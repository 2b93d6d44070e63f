import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { LaunchedProcess, ProcessExit, ProcessLauncher } from './ports';

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Native clients through child_process: PATH lookup, argument arrays, no shell, no inherited stdio. */
export class NodeProcessLauncher implements ProcessLauncher {
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async find(command: string): Promise<string | null> {
    if (isAbsolute(command)) return (await executable(command)) ? command : null;
    const dirs = (this.env.PATH ?? this.env.Path ?? '').split(delimiter).filter((d) => d !== '');
    const suffixes = this.platform === 'win32' ? ['', ...(this.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((e) => e.toLowerCase())] : [''];
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, command + (command.toLowerCase().endsWith(suffix) ? '' : suffix));
        if (await executable(candidate)) return candidate;
      }
    }
    return null;
  }

  async exists(path: string): Promise<boolean> {
    try {
      await access(path, constants.F_OK);
      return true;
    } catch {
      return false;
    }
  }

  spawn(command: string, args: readonly string[]): LaunchedProcess {
    const child = spawn(command, args, { env: this.env, stdio: 'ignore', shell: false, windowsHide: false });
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: null, signal: null, error: error.code ?? error.message }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    return {
      pid: child.pid,
      exited,
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill();
      },
    };
  }
}
