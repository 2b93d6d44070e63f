import { DescribeWorkspaceDirectoriesCommand, WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoOrganization, DemoUser, EmulatorEndpoints } from './index';
import { ADMIN_KEY } from './credentials';

interface StartLine {
  readonly endpoints: EmulatorEndpoints;
  readonly organizations: readonly DemoOrganization[];
  readonly users: readonly DemoUser[];
}

const root = resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child !== undefined && child.exitCode === null) child.kill('SIGKILL');
});

function firstLine(proc: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    if (proc.stdout === null) {
      reject(new Error('no stdout'));
      return;
    }
    const lines = createInterface({ input: proc.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolveLine(line);
    });
    proc.once('exit', (code) => reject(new Error(`emulator exited early with ${String(code)}`)));
  });
}

describe('npm run emulator', () => {
  it('prints one JSON line, serves a real SDK call from another process and stops on SIGTERM', async () => {
    child = spawn(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'test/emulator/cli.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const start = JSON.parse(await firstLine(child)) as StartLine;
    expect(start.endpoints.workspaces).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(start.organizations.map((o) => o.code)).toEqual(['SLiad+DEMO01', 'SLiad+DEMO02', 'SLiad+DEMO03']);
    expect(start.organizations[0]?.badge).toBe('Local demo');
    expect(start.users.find((u) => u.username === 'alice')?.password).toBeTruthy();

    const client = new WorkSpacesClient({
      region: 'us-east-1',
      endpoint: start.endpoints.workspaces,
      credentials: { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: ADMIN_KEY.secretAccessKey },
      maxAttempts: 1,
    });
    const out = await client.send(new DescribeWorkspaceDirectoriesCommand({}));
    expect(out.Directories?.map((d) => d.RegistrationCode)).toContain('SLiad+DEMO01');

    const exited = new Promise<number | null>((resolveExit) => child?.once('exit', (code) => resolveExit(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
