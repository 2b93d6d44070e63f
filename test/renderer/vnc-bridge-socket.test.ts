import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { openBridge } from '@renderer/session/vnc-viewer';

let server: WebSocketServer | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A bridge stand-in that speaks first, as a VNC server does: its version, then one more message. */
async function greetingServer(): Promise<string> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
  server.on('connection', (ws) => {
    ws.send(Buffer.from('RFB 003.008\n'));
    ws.send(Buffer.from([1, 2]));
  });
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/vnc/token`;
}

const text = (data: unknown): string => new TextDecoder().decode(new Uint8Array(data as ArrayBuffer));

describe('the bridge socket opened ahead of noVNC', () => {
  it('keeps what the server says before noVNC attaches and replays it to noVNC’s handler, in order', async () => {
    const bridge = openBridge(await greetingServer());
    // Both messages arrive while nothing is attached yet (noVNC still starting up).
    await new Promise<void>((resolve) => {
      let count = 0;
      bridge.socket.addEventListener('message', () => (count += 1) === 2 && resolve());
    });
    // noVNC attaches the way Websock.attach does, then the viewer replays.
    const seen: unknown[] = [];
    bridge.socket.onmessage = (event: MessageEvent) => seen.push(event.data);
    bridge.replay();
    expect(seen.map((data) => (data instanceof ArrayBuffer ? text(data) : typeof data))).toEqual(['RFB 003.008\n', '\u0001\u0002']);
    expect(bridge.close()).toEqual({ code: 1006, reason: '' });
    bridge.socket.close();
  });
});
