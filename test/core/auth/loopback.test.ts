import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '@core/auth/auth-error';
import { type LoopbackListener, LOOPBACK_TIMEOUT_MS, startLoopback } from '@core/auth/loopback';
import { ManualClock } from './support';

const listeners: LoopbackListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

const STATE = 'state-of-this-sign-in';

async function start(clock = ManualClock.fixed()): Promise<{ listener: LoopbackListener; clock: ManualClock }> {
  const listener = await startLoopback(clock, STATE);
  listeners.push(listener);
  return { listener, clock };
}

async function status(url: string): Promise<number | 'refused'> {
  try {
    const response = await fetch(url);
    await response.text();
    return response.status;
  } catch {
    return 'refused';
  }
}

describe('loopback redirect listener', () => {
  it('listens on 127.0.0.1 with an ephemeral port and a /callback redirect URI', async () => {
    const { listener } = await start();
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`);
    expect(listener.port).toBeGreaterThan(1024);
    const other = await start();
    expect(other.listener.port).not.toBe(listener.port);
  });

  it('binds 127.0.0.1 only: the same port on another local address refuses the connection', async () => {
    const { listener } = await start();
    // 127.0.0.2 is always probed (a wildcard bind answers it on Linux), so this never depends on
    // the machine having a network interface; this computer's own IPv4 addresses are probed too.
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    expect(await status(`http://localhost:${listener.port}/nothing`).then((s) => s === 404 || s === 'refused')).toBe(true);
    expect(await status(`http://[::1]:${listener.port}/callback?code=x&state=y`)).toBe('refused');
    const others = ['127.0.0.2', ...own];
    const answers = await Promise.all(others.map((address) => status(`http://${address}:${listener.port}/callback?code=x&state=y`)));
    expect(answers).toEqual(others.map(() => 'refused'));
  });

  it('delivers the first callback and refuses a second one', async () => {
    const { listener } = await start();
    expect(await status(`${listener.redirectUri}?code=first&state=${STATE}`)).toBe(200);
    const params = await listener.callback;
    expect(params.get('code')).toBe('first');
    const second = await status(`${listener.redirectUri}?code=second&state=${STATE}`);
    expect(second === 410 || second === 'refused').toBe(true);
  });

  it('refuses a wrong path and keeps waiting for the real callback', async () => {
    const { listener } = await start();
    expect(await status(`http://127.0.0.1:${listener.port}/other?code=x&state=y`)).toBe(404);
    expect(await status(`http://127.0.0.1:${listener.port}/callback/extra?code=x`)).toBe(404);
    expect(await status(`${listener.redirectUri}?code=real&state=${STATE}`)).toBe(200);
    expect((await listener.callback).get('code')).toBe('real');
  });

  it('answers a callback with a wrong or missing state with 404 and still delivers the real one', async () => {
    const { listener } = await start();
    expect(await status(`${listener.redirectUri}?code=stray&state=guessed`)).toBe(404);
    expect(await status(`${listener.redirectUri}?error=access_denied&state=guessed`)).toBe(404);
    expect(await status(`${listener.redirectUri}?code=stray`)).toBe(404);
    expect(await status(`${listener.redirectUri}?code=real&state=${STATE}`)).toBe(200);
    expect((await listener.callback).get('code')).toBe('real');
  });

  it('stops waiting after 10 minutes on the Clock and closes', async () => {
    const { listener, clock } = await start();
    await clock.advance(LOOPBACK_TIMEOUT_MS - 1);
    expect(clock.pending()).toBe(1);
    await clock.advance(1);
    await expect(listener.callback).rejects.toMatchObject({ code: 'sign-in-timeout' });
    expect(await status(`${listener.redirectUri}?code=late&state=${STATE}`)).toBe('refused');
  });

  it('rejects with sign-in-cancelled when the user cancels, and closes', async () => {
    const { listener } = await start();
    listener.cancel();
    const error = await listener.callback.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('sign-in-cancelled');
    await listener.close();
    expect(await status(`${listener.redirectUri}?code=late&state=${STATE}`)).toBe('refused');
  });

  it('answers a request line that is no valid URL with 404 and keeps waiting for the real callback', async () => {
    const { listener } = await start();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(listener.port, '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (data: Buffer) => (text += data.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(await status(`${listener.redirectUri}?code=c&state=${STATE}`)).toBe(200);
    await expect(listener.callback).resolves.toBeInstanceOf(URLSearchParams);
  });
});
