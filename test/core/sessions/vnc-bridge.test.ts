import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_CLOSE } from '@shared/ipc/domains/sessions';
import { Logger } from '@core/log/logger';
import { BridgeLimitError, MAX_OPEN_PER_DESKTOP, MAX_OPEN_TOTAL, TICKET_TTL_MS, VncBridge } from '@core/sessions/vnc-bridge';

const ORIGIN = 'app://deskbridge';

interface Peer {
  readonly server: Server;
  readonly port: number;
  readonly sockets: Socket[];
}

async function tcpPeer(onSocket: (socket: Socket) => void = () => undefined): Promise<Peer> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

function open(url: string, origin = ORIGIN): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** A hand-made WebSocket handshake, so a test can send frames no well-behaved client would. */
function rawUpgrade(url: string, origin = ORIGIN): Promise<Socket> {
  const { port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => {
      socket.write(
        `GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${Buffer.alloc(16, 1).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n\r\n`,
      );
    });
    socket.once('data', (data: Buffer) => (data.toString().startsWith('HTTP/1.1 101') ? resolve(socket) : reject(new Error(data.toString()))));
    socket.once('error', reject);
  });
}

describe('VncBridge', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  function bridge(events: { closed?: (id: string, code: number) => void } = {}, now?: () => number): VncBridge {
    const b = new VncBridge(new Logger().scoped('test'), { upstreamOpen: () => undefined, closed: events.closed ?? (() => undefined) }, now);
    cleanups.push(() => b.stop());
    return b;
  }

  it('listens on 127.0.0.1 and pipes bytes both ways', async () => {
    const peer = await tcpPeer((socket) => {
      socket.write('RFB 003.008\n');
      socket.on('data', (data) => socket.write(Buffer.concat([Buffer.from('echo:'), data])));
    });
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const url = await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/vnc\/[A-Za-z0-9_-]{32}$/);
    // Listening from the start: the greeting (already read when the ticket's early connection
    // came up) may arrive with the handshake's response, before 'open' has been awaited.
    const ws = new WebSocket(url, { origin: ORIGIN });
    const messages: Buffer[] = [];
    ws.on('message', (data: Buffer) => messages.push(data));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await expect.poll(() => Buffer.concat(messages).toString()).toBe('RFB 003.008\n');
    ws.send(Buffer.from('hello'));
    await expect.poll(() => Buffer.concat(messages).toString()).toBe('RFB 003.008\necho:hello');
    ws.close();
  });

  it('accepts a ticket once, and only from the origin it was issued to', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const url = await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    await expect(open(url, 'http://evil.example')).rejects.toThrow(/403/);
    const url2 = await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    const ws = await open(url2);
    await expect(open(url2)).rejects.toThrow(/403/);
    await expect(open(url2.replace(/[^/]+$/, 'A'.repeat(32)))).rejects.toThrow(/403/);
    ws.close();
  });

  it('closes with 4001 when the VNC server closes the connection', async () => {
    const peer = await tcpPeer((socket) => setTimeout(() => socket.end(), 50));
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const seen: number[] = [];
    const b = bridge({ closed: (_id, code) => seen.push(code) });
    const ws = await open(await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN));
    expect((await closed(ws)).code).toBe(BRIDGE_CLOSE.serverClosed);
    await expect.poll(() => seen).toEqual([BRIDGE_CLOSE.serverClosed]);
  });

  it('closes with 4002 when the VNC server cannot be reached', async () => {
    const peer = await tcpPeer();
    const port = peer.port;
    await new Promise<void>((r) => peer.server.close(() => r()));
    const b = bridge();
    const ws = await open(await b.issue('s1', { host: '127.0.0.1', port }, ORIGIN));
    const result = await closed(ws);
    expect(result.code).toBe(BRIDGE_CLOSE.connectionError);
    expect(result.reason).toMatch(/ECONNREFUSED/);
  });

  it('closes a session’s connections with 4000 when the user disconnects, and 4003 on stop', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const ws1 = await open(await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN));
    const ws2 = await open(await b.issue('s2', { host: '127.0.0.1', port: peer.port }, ORIGIN));
    const c1 = closed(ws1);
    b.closeSession('s1');
    expect((await c1).code).toBe(BRIDGE_CLOSE.disconnected);
    expect(ws2.readyState).toBe(WebSocket.OPEN);
    const c2 = closed(ws2);
    await b.stop();
    expect((await c2).code).toBe(BRIDGE_CLOSE.bridgeStopped);
    await expect.poll(() => peer.sockets.every((s) => s.destroyed || s.readableEnded)).toBe(true);
  });
  it('survives a malformed frame from the page: that connection closes, the VNC link is cut, core keeps running', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const seen: number[] = [];
    const b = bridge({ closed: (_id, code) => seen.push(code) });
    const raw = await rawUpgrade(await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN));
    cleanups.push(() => void raw.destroy());
    await expect.poll(() => peer.sockets.length).toBe(1);
    // A masked frame with the reserved opcode 3: the bridge's WebSocket reports it as an 'error'.
    raw.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0]));
    await expect.poll(() => seen).toEqual([1002]);
    await expect.poll(() => peer.sockets[0]?.destroyed || peer.sockets[0]?.readableEnded).toBe(true);
    const ws = await open(await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('dials the VNC server when the ticket is issued; what it sends first waits for the viewer', async () => {
    const peer = await tcpPeer((socket) => socket.write('RFB 003.008\n'));
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const url = await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    await expect.poll(() => peer.sockets.length).toBe(1);
    const ws = new WebSocket(url, { origin: ORIGIN });
    const messages: Buffer[] = [];
    ws.on('message', (data: Buffer) => messages.push(data));
    await expect.poll(() => Buffer.concat(messages).toString()).toBe('RFB 003.008\n');
    expect(peer.sockets).toHaveLength(1);
    ws.close();
  });

  it('drops the early connection of a refused ticket or a closed session', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const url = await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    await b.issue('s2', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    await expect.poll(() => peer.sockets.length).toBe(2);
    await expect(open(url, 'http://evil.example')).rejects.toThrow(/403/);
    b.closeSession('s2');
    await expect.poll(() => peer.sockets.every((s) => s.destroyed || s.readableEnded)).toBe(true);
  });

  it('dials again when the early connection was closed before the viewer came', async () => {
    let accepted = 0;
    const peer = await tcpPeer((socket) => {
      accepted += 1;
      if (accepted === 1) socket.end();
      else socket.write('RFB 003.008\n');
    });
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const url = await b.issue('s1', { host: '127.0.0.1', port: peer.port }, ORIGIN);
    await expect.poll(() => peer.sockets[0]?.readableEnded || peer.sockets[0]?.destroyed).toBe(true);
    const ws = new WebSocket(url, { origin: ORIGIN });
    const messages: Buffer[] = [];
    ws.on('message', (data: Buffer) => messages.push(data));
    await expect.poll(() => Buffer.concat(messages).toString()).toBe('RFB 003.008\n');
    expect(accepted).toBe(2);
    ws.close();
  });

  it('limits open tickets per desktop: the extra request is refused and dials nothing', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const target = { host: '127.0.0.1', port: peer.port };
    for (let i = 0; i < MAX_OPEN_PER_DESKTOP; i++) await b.issue('s1', target, ORIGIN, 'org-1/ws-1');
    await expect.poll(() => peer.sockets.length).toBe(MAX_OPEN_PER_DESKTOP);
    await expect(b.issue('s1', target, ORIGIN, 'org-1/ws-1')).rejects.toThrow(BridgeLimitError);
    await expect(b.issue('s1', target, ORIGIN, 'org-1/ws-1')).rejects.toThrow(/open for this desktop \(limit 4\)/);
    // Another desktop still gets its tickets.
    await b.issue('s2', target, ORIGIN, 'org-1/ws-2');
    await expect.poll(() => peer.sockets.length).toBe(MAX_OPEN_PER_DESKTOP + 1);
  });

  it('counts a connection in use as open, and frees its place when it closes', async () => {
    const peer = await tcpPeer((socket) => socket.write('RFB 003.008\n'));
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const target = { host: '127.0.0.1', port: peer.port };
    const urls = [];
    for (let i = 0; i < MAX_OPEN_PER_DESKTOP; i++) urls.push(await b.issue('s1', target, ORIGIN, 'org-1/ws-1'));
    const sockets = await Promise.all(urls.map((url) => open(url)));
    await expect(b.issue('s1', target, ORIGIN, 'org-1/ws-1')).rejects.toThrow(BridgeLimitError);
    const gone = closed(sockets[0]!);
    sockets[0]!.close();
    await gone;
    await expect
      .poll(() =>
        b.issue('s1', target, ORIGIN, 'org-1/ws-1').then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    for (const ws of sockets.slice(1)) ws.close();
  });

  it('limits open tickets in total, across desktops', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    const b = bridge();
    const target = { host: '127.0.0.1', port: peer.port };
    for (let i = 0; i < MAX_OPEN_TOTAL; i++) await b.issue(`s${i}`, target, ORIGIN, `org-1/ws-${i % (MAX_OPEN_TOTAL / 2)}`);
    await expect(b.issue('late', target, ORIGIN, 'org-2/ws-new')).rejects.toThrow(/in all \(limit 16\)/);
  });

  it('lets tickets expire: an expired ticket is refused and no longer counts', async () => {
    const peer = await tcpPeer();
    cleanups.push(() => new Promise<void>((r) => peer.server.close(() => r())));
    let now = 1_000_000;
    const b = bridge({}, () => now);
    const target = { host: '127.0.0.1', port: peer.port };
    const urls = [];
    for (let i = 0; i < MAX_OPEN_PER_DESKTOP; i++) urls.push(await b.issue('s1', target, ORIGIN, 'org-1/ws-1'));
    await expect(b.issue('s1', target, ORIGIN, 'org-1/ws-1')).rejects.toThrow(BridgeLimitError);
    now += TICKET_TTL_MS;
    await expect(open(urls[0]!)).rejects.toThrow(/403/);
    // The expired ones are dropped when the next is issued: the desktop has room again.
    for (let i = 0; i < MAX_OPEN_PER_DESKTOP; i++) await b.issue('s1', target, ORIGIN, 'org-1/ws-1');
  });
});
