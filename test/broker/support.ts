import { type LocalBroker, type LocalBrokerOptions } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import { type Emulator, type EmulatorOptions, startEmulator, type TapEvent } from '../emulator';
import { signInWithOidc } from '../emulator/oidc-helpers';
import { DEMO_USERS } from '../emulator/seed';

/** The local cloud with a broker in front of it (the local HTTP adapter), and every call the emulator receives. */
export interface BrokerWorld {
  readonly emu: Emulator;
  readonly broker: LocalBroker;
  /** WorkSpaces (and DynamoDB) calls the emulator answered, in order. */
  readonly calls: TapEvent[];
  /** Structured lines the broker logged. */
  readonly logs: string[];
  /** An ID token of a demo user, from the emulator's OIDC IdP (the real sign-in flow). */
  idToken(username: string): Promise<string>;
  /** A request to the broker with an optional bearer token. */
  request(
    path: string,
    init?: { token?: string; method?: string; body?: unknown },
  ): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startBrokerWorld(options: { emulator?: EmulatorOptions; broker?: Partial<LocalBrokerOptions> } = {}): Promise<BrokerWorld> {
  const calls: TapEvent[] = [];
  const logs: string[] = [];
  const emu = await startEmulator({
    bulkCount: 30,
    ...options.emulator,
    onResponse: (event) => {
      if (event.service === 'workspaces' || event.service === 'dynamodb') calls.push(event);
    },
  });
  let broker: LocalBroker;
  try {
    broker = await startDemoBroker(emu, { name: 'Deskbridge Demo (broker)', log: (line) => logs.push(line), ...options.broker });
  } catch (error) {
    await emu.stop();
    throw error;
  }
  const tokens = new Map<string, string>();
  return {
    emu,
    broker,
    calls,
    logs,
    async idToken(username) {
      const known = tokens.get(username);
      if (known !== undefined) return known;
      const user = DEMO_USERS.find((u) => u.username === username);
      if (user === undefined) throw new Error(`no demo user ${username}`);
      const token = (await signInWithOidc(emu.endpoints.oidcIssuer, user.username, user.password)).id_token;
      tokens.set(username, token);
      return token;
    },
    async request(path, init = {}) {
      const headers: Record<string, string> = {};
      if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${broker.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      });
      const text = await response.text();
      return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>, headers: response.headers };
    },
    async stop() {
      await broker.close();
      await emu.stop();
    },
  };
}

/** WorkSpaces operations among the calls since `from`. */
export function operations(calls: readonly TapEvent[], from = 0): string[] {
  return calls
    .slice(from)
    .filter((c) => c.service === 'workspaces')
    .map((c) => c.operation ?? '?');
}
