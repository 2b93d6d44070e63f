/**
 * A welcome link in broker mode may carry just the broker's URL (issue 14): core reads the
 * broker's GET /v1/config (the local broker's real handler) and offers the whole organization for
 * confirmation; an untrusted broker is never contacted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalBroker } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import type { PendingLink } from '@shared/ipc/domains/orgs';
import { parseDeepLink } from '@shared/lib/deep-link';
import { type Emulator, startEmulator } from '../emulator';
import { OIDC_CLIENT_ID } from '../emulator/seed';
import { startTempCore, type TempCore, unwrap } from './support/temp-core';

let emu: Emulator;
let broker: LocalBroker;
let t: TempCore | null = null;

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0 });
  broker = await startDemoBroker(emu, { region: 'eu-central-1', name: 'Example Broker Corp' });
});
afterEach(async () => {
  await t?.stop();
  t = null;
  await broker.close();
  await emu.stop();
});

const brokerLink = (brokerUrl: string, extra = '') => `deskbridge://register?method=broker&brokerUrl=${encodeURIComponent(brokerUrl)}${extra}`;

function nextLinks(core: TempCore): Promise<readonly PendingLink[]> {
  return new Promise((resolve) => {
    const off = core.core.events.on('orgs:links', (links) => {
      off();
      resolve(links);
    });
  });
}

describe('a broker link with just the broker’s URL', () => {
  it('is completed from the broker’s configuration and waits for the user’s confirmation', async () => {
    t = await startTempCore({
      policy: {
        organizations: [],
        allowAddOrganizations: true,
        allowStaySignedIn: true,
        trustedHosts: [new URL(broker.url).host, new URL(emu.endpoints.oidcIssuer).host],
      },
    });
    const links = nextLinks(t);
    t.core.receiveDeepLink(brokerLink(broker.url, '&code=SLiad%2BDEMO04'));
    expect(await links).toEqual([
      {
        id: expect.any(String) as unknown,
        source: 'link',
        input: {
          code: 'SLiad+DEMO04',
          name: 'Example Broker Corp',
          region: 'eu-central-1',
          signIn: { method: 'broker', brokerUrl: broker.url, issuer: emu.endpoints.oidcIssuer, clientId: OIDC_CLIENT_ID, userNameClaim: 'preferred_username' },
        },
      },
    ]);
    // Nothing is added before the user says yes.
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
  });

  it('is refused, without contacting the broker, when managed configuration does not trust its host', async () => {
    // The untrusted "broker" counts every request that reaches it.
    let requests = 0;
    const untrusted = createServer((_req, res) => {
      requests += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => untrusted.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(untrusted.address() as AddressInfo).port}`;
      t = await startTempCore({
        policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: [new URL(emu.endpoints.oidcIssuer).host] },
      });
      t.core.receiveDeepLink(brokerLink(url));
      // Give a wrong implementation's request time to arrive (the refusal itself is synchronous).
      await new Promise<void>((resolve) => setTimeout(resolve, 200));
      const notices = unwrap(await t.core.api.app.notices());
      expect(notices).toEqual([expect.objectContaining({ code: 'link-refused', details: expect.stringContaining('signIn.brokerUrl') as unknown })]);
      expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([]);
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => untrusted.close(() => resolve()));
    }
  });

  it('is refused, saying why, when the broker gives no valid configuration', async () => {
    const gone = broker.url;
    await broker.close();
    broker = await startDemoBroker(emu, { name: 'x' });
    t = await startTempCore({ policy: { organizations: [], allowAddOrganizations: true, allowStaySignedIn: true, trustedHosts: [new URL(gone).host] } });
    const notice = new Promise<void>((resolve) => t!.core.events.on('app:notices', () => resolve()));
    t.core.receiveDeepLink(brokerLink(gone));
    await notice;
    expect(unwrap(await t.core.api.app.notices())).toEqual([
      expect.objectContaining({ code: 'link-refused', details: expect.stringContaining('did not give its configuration') as unknown }),
    ]);
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([]);
  });

  it('is a link the plain parser refuses (it has no sign-in settings of its own), while a full broker link parses', () => {
    expect(parseDeepLink(brokerLink('https://desktops.example.com'))).toMatchObject({ ok: false, reason: 'invalid-value' });
    const full = parseDeepLink(`${brokerLink('https://desktops.example.com')}&code=SLiad%2BDEMO04&issuer=https%3A%2F%2Flogin.example.com&clientId=deskbridge`);
    expect(full).toMatchObject({
      ok: true,
      input: {
        signIn: {
          method: 'broker',
          brokerUrl: 'https://desktops.example.com',
          issuer: 'https://login.example.com',
          clientId: 'deskbridge',
          userNameClaim: 'preferred_username',
        },
      },
    });
    expect(parseDeepLink(`${brokerLink('https://desktops.example.com')}&roleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FX`)).toMatchObject({
      ok: false,
      reason: 'unexpected-parameter',
    });
  });
});
