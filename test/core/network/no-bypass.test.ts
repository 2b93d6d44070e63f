/**
 * Issue 13: no request in core bypasses the network port. A whole core signs in, lists and restarts
 * a desktop on the local cloud through a counting port, while global fetch and Node's HTTP clients
 * are trapped: only the test's own "browser" (the user's side, not core) may use them.
 */
import http from 'node:http';
import https from 'node:https';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeNetwork } from '@core/network/node-network';
import type { NetworkFactory, NetworkPort } from '@core/network/port';
import { type Emulator, startEmulator } from '../../emulator';
import { listAndRestart, oidcOrgId, signIn, startCoreOnEmulator } from './support';

/** Code outside core that may use the global stack: the played browser and the user's redirect back. */
const USER_SIDE = ['/test/emulator/login.ts', '/test/core/auth/support.ts'];

interface Trap {
  readonly violations: string[];
  release(): void;
}

function trapGlobalHttp(): Trap {
  const violations: string[] = [];
  const record = (what: string, allowed: readonly string[]) => {
    const stack = new Error().stack ?? '';
    if (!allowed.some((frame) => stack.includes(frame))) violations.push(`${what}\n${stack}`);
  };
  const saved = { fetch: globalThis.fetch, httpRequest: http.request, httpGet: http.get, httpsRequest: https.request, httpsGet: https.get };
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    record(`global fetch ${input instanceof Request ? input.url : input.toString()}`, USER_SIDE);
    return saved.fetch(input, init);
  };
  const wrap = <F extends (...args: never[]) => unknown>(name: string, original: F): F =>
    ((...args: Parameters<F>) => {
      record(name, []);
      return original(...args);
    }) as F;
  http.request = wrap('http.request', saved.httpRequest);
  http.get = wrap('http.get', saved.httpGet);
  https.request = wrap('https.request', saved.httpsRequest);
  https.get = wrap('https.get', saved.httpsGet);
  return {
    violations,
    release: () => {
      globalThis.fetch = saved.fetch;
      http.request = saved.httpRequest;
      http.get = saved.httpGet;
      https.request = saved.httpsRequest;
      https.get = saved.httpsGet;
    },
  };
}

/** The real undici adapter, counting every request by host. */
function countingNetwork(counts: Map<string, number>): NetworkFactory {
  return (hooks) => {
    const inner: NetworkPort = new NodeNetwork(hooks, { env: {}, systemCaFiles: [], settings: { proxy: { mode: 'none' } } });
    return {
      ...inner,
      resolveProxy: (url) => inner.resolveProxy(url),
      configure: (settings) => inner.configure(settings),
      active: () => inner.active(),
      dispose: () => inner.dispose(),
      fetch: (input, init) => {
        const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
        counts.set(url.host, (counts.get(url.host) ?? 0) + 1);
        return inner.fetch(input, init);
      },
    };
  };
}

describe('no request in core bypasses the network port', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu.stop();
  });

  it('signs in, lists and restarts a desktop with every request through the port', async () => {
    const counts = new Map<string, number>();
    const trap = trapGlobalHttp();
    const run = await startCoreOnEmulator({ network: countingNetwork(counts), emu });
    try {
      const orgId = await oidcOrgId(run.core);
      expect(await signIn(run.core, orgId)).toBeNull();
      const listed = await listAndRestart(run.core);
      expect(listed.listError).toBeNull();
      expect(listed.count).toBeGreaterThan(0);
      expect(listed.restart).toBeNull();
    } finally {
      trap.release();
      await run.stop();
    }
    expect(trap.violations).toEqual([]);
    // The IdP (discovery, token, JWKS), STS and WorkSpaces were all reached, through the port.
    for (const endpoint of [emu.endpoints.oidcIssuer, emu.endpoints.sts, emu.endpoints.workspaces]) {
      expect(counts.get(new URL(endpoint).host) ?? 0, endpoint).toBeGreaterThan(0);
    }
  });

  it('the trap catches a request that goes around the port (the SDK’s own handler)', async () => {
    const trap = trapGlobalHttp();
    try {
      const client = new STSClient({
        region: 'us-east-1',
        endpoint: emu.endpoints.sts,
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
        maxAttempts: 1,
      });
      await client.send(new GetCallerIdentityCommand({})).catch(() => undefined);
      client.destroy();
      // Code in the test file is not the user's side: a plain fetch here is a bypass too.
      await fetch(emu.endpoints.sts).catch(() => undefined);
    } finally {
      trap.release();
    }
    expect(trap.violations.some((v) => v.startsWith('http.request'))).toBe(true);
    expect(trap.violations.some((v) => v.startsWith('global fetch'))).toBe(true);
  });
});
