import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loopbackSamlCapture } from '@core/auth/saml-capture';
import type { Browser } from '@core/ports';
import { ManualClock } from './support';
import { testFetch } from '../support/network';

let idp: Server | null = null;
afterEach(async () => {
  idp?.closeAllConnections();
  await new Promise<void>((resolve) => (idp ? idp.close(() => resolve()) : resolve()));
  idp = null;
});

/** A stand-in IdP page on loopback: it only has to answer core's reachability probe. */
async function startIdp(): Promise<string> {
  idp = createServer((_req, res) => res.end('sign in here'));
  await new Promise<void>((resolve) => idp!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(idp.address() as AddressInfo).port}/app/amazon_aws/sso/saml`;
}

function rawRequest(port: number, requestLine: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (data: Buffer) => (text += data.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the loopback SAML ACS', () => {
  it('answers a request line that is no valid URL with 404 and still takes the real post', async () => {
    const signInUrl = await startIdp();
    let acs = '';
    const browser: Browser = {
      open: async (url) => {
        acs = new URL(url).searchParams.get('acs') ?? '';
      },
    };
    const capture = loopbackSamlCapture(browser, ManualClock.fixed(), testFetch);
    const result = capture.capture({ orgId: 'org', orgName: 'Example', signInUrl, hidden: false }, new AbortController().signal);
    await vi.waitFor(() => expect(acs).not.toBe(''));
    const reply = await rawRequest(Number(new URL(acs).port), 'POST http://[ HTTP/1.1');
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    const post = await fetch(acs, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLResponse: 'PHNhbWxwOlJlc3BvbnNlLz4=' }).toString(),
    });
    expect(post.status).toBe(200);
    await expect(result).resolves.toBe('PHNhbWxwOlJlc3BvbnNlLz4=');
  });
});
