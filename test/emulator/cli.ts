/**
 * `npm run emulator`: starts the local cloud with demo durations and prints ONE JSON line
 * ({ endpoints, organizations, users, managedPolicy }) so scripts and tests in other processes can use it.
 * Flags: --port-base N (workspaces N, sts N+1, sso N+2, ssoOidc N+3, oidcIssuer N+4), --latency MS.
 */
import { DEMO_DURATIONS, startEmulator } from './index';

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a non-negative integer`);
  return value;
}

async function main(): Promise<void> {
  const base = flag('--port-base');
  const latency = flag('--latency');
  const emulator = await startEmulator({
    durations: DEMO_DURATIONS,
    ports: base === undefined ? {} : { workspaces: base, sts: base + 1, sso: base + 2, ssoOidc: base + 3, oidcIssuer: base + 4 },
    faults:
      latency === undefined ? [] : (['workspaces', 'sts', 'sso', 'ssoOidc', 'oidc'] as const).map((service) => ({ service, spec: { latencyMs: latency } })),
  });
  process.stdout.write(
    `${JSON.stringify({
      endpoints: emulator.endpoints,
      organizations: emulator.demo.organizations,
      users: emulator.demo.users.map(({ username, password, email, name, description }) => ({ username, password, email, name, description })),
      managedPolicy: emulator.demo.managedPolicy,
      // A long-term key that sees every directory, for benchmarks and scripts (emulator-only).
      adminCredentials: emulator.adminCredentials,
      // The broker's execution-role session, for the local broker `npm start` runs (broker mode).
      brokerCredentials: emulator.brokerCredentials,
    })}\n`,
  );
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`emulator: stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
