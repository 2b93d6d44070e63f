import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../harness/server';
import { startTempCore, tempDir, type TempCore } from '../support/temp-core';

function open(harness: Harness, token = harness.token, origin = harness.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${harness.origin.replace('http', 'ws')}/bridge?token=${token}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, channel: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (reply.id !== id) return;
      ws.off('message', onMessage);
      resolve(reply.result);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, args }));
  });
}

describe('test harness socket', () => {
  let temp: TempCore | null = null;
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.stop();
    await temp?.stop();
    harness = null;
    temp = null;
  });

  async function start(): Promise<Harness> {
    temp = await startTempCore();
    harness = await startHarness(temp.core, await tempDir('deskbridge-harness-'));
    return harness;
  }

  it('refuses a wrong token and a foreign origin', async () => {
    const h = await start();
    await expect(open(h, 'x'.repeat(48))).rejects.toThrow();
    await expect(open(h, h.token, 'http://evil.example')).rejects.toThrow();
  });

  it('closes a connection that sends an oversized message, and keeps serving the others', async () => {
    const h = await start();
    const bad = await open(h);
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.on('error', () => undefined);
    bad.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const good = await open(h);
    expect(await call(good, 1, 'app:info', [])).toMatchObject({ ok: true });
    good.close();
  });

  it('answers request lines that are no valid URL with an error, for pages and for the socket', async () => {
    const h = await start();
    const port = Number(new URL(h.origin).port);
    const send = (head: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(head));
        let text = '';
        socket.on('data', (data: Buffer) => (text += data.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
    expect(await send('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 404/);
    await send(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nOrigin: ${h.origin}\r\n\r\n`);
    const good = await open(h);
    expect(await call(good, 1, 'app:info', [])).toMatchObject({ ok: true });
    good.close();
  });
});
