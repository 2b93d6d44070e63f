/**
 * Real proxies for the network system tests, each on 127.0.0.1 and stopped by the test:
 * squid and tinyproxy (Debian) with Basic authentication; a TLS-inspecting proxy (CONNECT → TLS terminated
 * with a leaf for the requested host signed by its own CA → re-encrypted to the real upstream);
 * an https front (its own "public" test CA) before the emulator's AWS endpoints.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect as netConnect, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import type { TestCa } from '../../core/network/certs';

const runFile = promisify(execFile);

export interface Running {
  readonly url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`the proxy exited (${child.exitCode}): ${output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = netConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the proxy did not listen on ${port}: ${output()}`);
}

/**
 * squid with basic_ncsa_auth (a password file made with `openssl passwd -apr1`), from a temp
 * config: no cache, no pinger, every port allowed for CONNECT. It answers wrong credentials with
 * 407 as RFC 9110 says (tinyproxy 1.11 answers them with a 401 of its own).
 */
export async function startSquid(user: string, pass: string): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-squid-'));
  // Run as root, squid drops to its own user: it must read its config, the test password file and write its log here.
  await chmod(dir, 0o777);
  const port = await freePort();
  const { stdout: hash } = await runFile('openssl', ['passwd', '-apr1', pass]);
  await writeFile(join(dir, 'passwd'), `${user}:${hash.trim()}\n`, { mode: 0o644 });
  const config = join(dir, 'squid.conf');
  await writeFile(
    config,
    [
      `http_port 127.0.0.1:${port}`,
      `pid_filename ${join(dir, 'squid.pid')}`,
      `cache_log ${join(dir, 'cache.log')}`,
      'access_log none',
      'cache deny all',
      'pinger_enable off',
      'visible_hostname deskbridge-test',
      `coredump_dir ${dir}`,
      `auth_param basic program /usr/lib/squid/basic_ncsa_auth ${join(dir, 'passwd')}`,
      'auth_param basic realm deskbridge-test',
      'auth_param basic children 2 startup=1 idle=1',
      'acl authed proxy_auth REQUIRED',
      'http_access allow authed',
      'http_access deny all',
      'shutdown_lifetime 0 seconds',
      '',
    ].join('\n'),
  );
  return spawnProxy('squid', ['-N', '-f', config], port, dir);
}

async function spawnProxy(command: string, args: string[], port: number, dir: string): Promise<Running> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port, child, () => output);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** tinyproxy with `BasicAuth user pass`, from a temp config; every port allowed for CONNECT. */
export async function startTinyproxy(user: string, pass: string): Promise<Running> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-tinyproxy-'));
  const port = await freePort();
  const config = join(dir, 'tinyproxy.conf');
  await writeFile(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      'MaxClients 50',
      'Allow 127.0.0.1',
      `BasicAuth ${user} ${pass}`,
      'LogLevel Error',
      'DisableViaHeader Yes',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return spawnProxy('tinyproxy', ['-d', '-c', config], port, dir);
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return async () => {
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  };
}

/** An https front for a plain-http upstream (the emulator), Host header kept for SigV4. */
export async function startHttpsFront(ca: TestCa, upstream: string): Promise<Running> {
  const leaf = await ca.leaf('127.0.0.1');
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  const server = createHttpsServer({ key: leaf.key, cert: leaf.cert }, (req, res) => {
    const forward = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connection', (s: Socket) => sockets.add(s));
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}`, stop: closer(server, sockets) };
}

/**
 * The TLS-inspecting proxy: plain http is forwarded; a CONNECT is answered 200, its TLS terminated
 * with a leaf for the requested host signed by `inspectionCa`, and re-encrypted to the upstream
 * (which it verifies against `upstreamCa`, as a corporate box verifies the public internet).
 */
export async function startInspectingProxy(inspectionCa: TestCa, upstreamCa: TestCa): Promise<Running & { readonly inspected: () => number }> {
  let inspected = 0;
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    const target = new URL(req.url ?? '/');
    const forward = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connection', (s: Socket) => sockets.add(s));
  server.on('connect', (req, client: Socket) => {
    sockets.add(client);
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    void inspectionCa.leaf(host).then((leaf) => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      const terminated = new TLSSocket(client, { isServer: true, key: leaf.key, cert: leaf.cert });
      const upstream = tlsConnect({ host, port: Number(port), ca: upstreamCa.cert });
      sockets.add(upstream);
      upstream.once('secureConnect', () => {
        inspected += 1;
      });
      terminated.pipe(upstream).pipe(terminated);
      const end = (): void => {
        terminated.destroy();
        upstream.destroy();
      };
      terminated.on('error', end);
      upstream.on('error', end);
    });
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, stop: closer(server, sockets), inspected: () => inspected };
}

/** A proxy address where nothing listens (a proxy that is down). */
export async function downProxy(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
