/**
 * `npm start`: Deskbridge with the local demo organization ready. Starts the local cloud
 * (test/emulator) in its own process, hands its demo organizations to the app as managed
 * configuration through DESKBRIDGE_POLICY_FILE (honoured by development builds only; IT uses the
 * OS's admin-only channel; no test code is loaded into the app), then
 * runs the Electron app — or, where Electron's binary is missing, the web host in a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startDemoBroker } from '../../test/emulator/demo-broker';
import { brokerDemoOrganization, type EmulatorEndpoints } from '../../test/emulator/demo';

const repo = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(repo, 'node_modules/.bin', name);
const children: ChildProcess[] = [];

interface EmulatorBanner {
  readonly endpoints: EmulatorEndpoints;
  readonly brokerCredentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken: string };
  readonly organizations: readonly Record<string, unknown>[];
  readonly users?: readonly { readonly username: string; readonly password: string; readonly description?: string }[];
}

/** The Electron binary if it was downloaded (path.txt names it); never triggers a download. */
async function electronBinary(): Promise<string | null> {
  const dir = join(repo, 'node_modules/electron');
  try {
    const relative = (await readFile(join(dir, 'path.txt'), 'utf8')).trim();
    const path = join(dir, 'dist', relative);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function startEmulator(): Promise<EmulatorBanner> {
  const child = spawn(bin('tsx'), [join(repo, 'test/emulator/cli.ts')], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolveBanner, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolveBanner(JSON.parse(line) as EmulatorBanner);
      } catch {
        reject(new Error(`The local cloud printed something unexpected: ${line.slice(0, 200)}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`The local cloud stopped (exit code ${code}).`)));
  });
}

async function main(): Promise<void> {
  process.stdout.write('Starting the local cloud (WorkSpaces, STS, IAM Identity Center, an identity provider and a broker on 127.0.0.1)…\n');
  const banner = await startEmulator();
  const broker = await startDemoBroker(banner);
  const policyDir = await mkdtemp(join(tmpdir(), 'deskbridge-demo-'));
  const policyFile = join(policyDir, 'policy.json');
  // The broker organization comes from managed configuration, so its (loopback) broker URL is trusted.
  const organizations = [...banner.organizations, brokerDemoOrganization(banner.endpoints, broker.url)].map((org) => ({ badge: 'Local demo', ...org }));
  await writeFile(policyFile, JSON.stringify({ organizations, allowAddOrganizations: true, allowStaySignedIn: true }, null, 2));
  process.stdout.write('\nLocal demo organizations are ready. Sign in with one of these demo users:\n');
  for (const user of banner.users ?? []) process.stdout.write(`  ${user.username} / ${user.password}${user.description ? `  (${user.description})` : ''}\n`);

  const env = { ...process.env, DESKBRIDGE_POLICY_FILE: policyFile };
  const electron = await electronBinary();
  const app = electron
    ? spawn(bin('electron-vite'), ['preview'], { cwd: repo, env, stdio: 'inherit' })
    : spawn(bin('tsx'), [join(repo, 'test/harness/cli.ts'), '--policy', policyFile], { cwd: repo, env, stdio: 'inherit' });
  if (!electron) {
    process.stdout.write(
      '\nElectron’s binary is not installed on this machine, so Deskbridge runs as the web host:\nthe same app and core, shown in your browser.\n',
    );
  }
  children.push(app);

  const stop = async (code: number) => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await broker.close().catch(() => undefined);
    await rm(policyDir, { recursive: true, force: true });
    process.exit(code);
  };
  app.once('exit', (code) => void stop(code ?? 0));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`Deskbridge could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
});
