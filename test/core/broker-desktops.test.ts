/**
 * Broker mode end to end in core (issue 14): the real auth service signs alice in to the broker
 * organization (OIDC, no STS), the real desktop service lists through the local broker (the
 * broker's handler against the emulator) and acts through it. alice sees and acts on her own
 * desktops only; the device never calls STS nor WorkSpaces itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetworkFetch } from '@core/network/port';
import { testFetch } from './support/network';
import { type LocalBroker } from '../../broker/src/local-server';
import { startDemoBroker } from '../emulator/demo-broker';
import { Logger } from '@core/log/logger';
import { POLL_FAST_MS } from '@shared/lib/polling-policy';
import { DesktopActions } from '@core/workspaces/actions';
import { BrokerClient } from '@core/workspaces/broker-client';
import { describeFailure } from '@core/workspaces/aws-errors';
import { DesktopService } from '@core/workspaces/desktop-service';
import { type Emulator, startEmulator, type TapEvent } from '../emulator';
import { CODE_BROKER, withBrokerDemo } from '../emulator/demo';
import { DIRECTORY_FULL } from '../emulator/seed';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './auth/support';

const BROKER_ID = `managed:${CODE_BROKER.toLowerCase()}`;

let emu: Emulator;
let broker: LocalBroker;
let app: AuthUnderTest | null = null;
let service: DesktopService | null = null;
const calls: TapEvent[] = [];

beforeEach(async () => {
  calls.length = 0;
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true }, durations: { rebootMs: 60_000 }, onResponse: (event) => calls.push(event) });
  broker = await startDemoBroker(emu);
});
afterEach(async () => {
  service?.dispose();
  service = null;
  await app?.close();
  app = null;
  await broker.close();
  await emu.stop();
});

/** Every request the desktop service sends (its HTTP port in broker mode). */
const sent: string[] = [];
const countingFetch: NetworkFetch = (input, init) => {
  sent.push(`${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}`);
  return testFetch(input, init);
};

async function signedInAlice(): Promise<{ service: DesktopService; actions: DesktopActions; clock: ManualClock }> {
  sent.length = 0;
  const clock = ManualClock.linkedTo(emu);
  const demo = withBrokerDemo(emu.demo, emu.endpoints, broker.url);
  app = await startAuth(emu, { clock, browser: playingBrowser(ALICE), policy: demo.managedPolicy });
  expect((await app.auth.signIn(BROKER_ID, { staySignedIn: false })).ok).toBe(true);
  service = new DesktopService({
    auth: app.auth,
    clock,
    log: new Logger().scoped('desktops'),
    random: () => 0.5,
    fetch: countingFetch,
    // Broker mode builds no WorkSpaces client at all.
    clientFor: () => {
      throw new Error('a WorkSpaces client was asked for in broker mode');
    },
  });
  await service.refreshNow();
  return { service, actions: new DesktopActions(service), clock };
}

const sts = () => calls.filter((c) => c.service === 'sts');

describe('desktops in broker mode', () => {
  it('lists alice’s desktops only, with connection status, tags and permissions, through the broker', async () => {
    const { service: desktops } = await signedInAlice();
    const snapshot = desktops.snapshot();
    expect(snapshot.orgs).toEqual([
      expect.objectContaining({
        orgId: BROKER_ID,
        status: 'ready',
        userName: 'alice',
        directoryId: DIRECTORY_FULL,
        permissions: expect.objectContaining({ restartWorkspace: true }) as unknown,
      }),
    ]);
    const ids = snapshot.desktops.map((d) => d.workspaceId);
    expect(ids.sort()).toEqual(
      emu.state
        .listWorkspaces('alice')
        .map((w) => w.id)
        .sort(),
    );
    expect(snapshot.desktops.every((d) => d.userName === 'alice' && d.orgId === BROKER_ID)).toBe(true);
    expect(ids.filter((id) => id.startsWith('ws-bob'))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(['ws-alice0000', 'ws-alicr0000']));
    const vnc = snapshot.desktops.find((d) => d.name === 'Linux-VNC');
    expect(vnc).toMatchObject({ connectionState: 'DISCONNECTED', connectTag: expect.stringMatching(/^vnc:\/\//) as unknown });
    // The broker made the WorkSpaces calls; this device called neither STS nor anything but the IdP and the broker.
    expect(broker.awsCalls()).toBeGreaterThan(0);
    expect(sts()).toEqual([]);
  });

  it('waits as long as the broker asks when it throttles (retryAfterSeconds), then lists again', async () => {
    // One request per user, then one every ten minutes.
    await broker.close();
    broker = await startDemoBroker(emu, { userThrottle: { burst: 1, perSecond: 1 / 600 } });
    const { service: desktops, clock } = await signedInAlice();
    desktops.setVisible(true);
    await desktops.refreshNow();
    expect(desktops.snapshot().orgs[0]).toMatchObject({ status: 'error', error: { code: 'desktops.throttled' } });
    expect(desktops.snapshot().desktops.length).toBeGreaterThan(0);
    // The scheduler's own back-off would try again in about a second; the broker asked for 600 s.
    expect((desktops.nextRefreshAt ?? 0) - clock.now()).toBe(600_000);
  });

  it('runs a self-service action through the broker and shows its effect', async () => {
    const { service: desktops, actions } = await signedInAlice();
    const design = desktops.snapshot().desktops.find((d) => d.name === 'Design-PC');
    expect(design?.state).toBe('AVAILABLE');
    const result = await actions.restart(design?.key ?? '');
    expect(result.ok).toBe(true);
    expect(desktops.snapshot().desktops.find((d) => d.name === 'Design-PC')?.state).toBe('REBOOTING');
    expect(emu.state.getWorkspace(design?.workspaceId ?? '')?.state).toBe('REBOOTING');
    expect(sts()).toEqual([]);
  });

  it('gets “not found” for bob’s desktop, from the list and from the broker itself', async () => {
    const { service: desktops, actions } = await signedInAlice();
    expect(await actions.restart(`${BROKER_ID}/ws-bob00000`)).toMatchObject({ ok: false, error: { code: 'desktops.notFound' } });
    const session = app!.auth.session(BROKER_ID)!;
    const direct = new BrokerClient({ baseUrl: broker.url, token: session.brokerToken!, fetch: testFetch });
    const refused = await direct.act('ws-bob00000', { action: 'restart' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(describeFailure(refused, { orgName: 'Demo', region: null })).toMatchObject({ code: 'desktops.broker.notFound' });
    expect(emu.state.getWorkspace('ws-bob00000')?.state).toBe('AVAILABLE');
    expect(desktops.snapshot().desktops.some((d) => d.workspaceId.startsWith('ws-bob'))).toBe(false);
  });

  it('polls the broker on the client’s own schedule, and only the broker', async () => {
    const { service: desktops, clock } = await signedInAlice();
    desktops.setVisible(true);
    await desktops.idle();
    // Shown: one refresh at once, as in direct mode.
    expect(sent).toEqual([`GET ${broker.url}/v1/desktops`, `GET ${broker.url}/v1/desktops`]);
    expect(desktops.snapshot().orgs[0]?.status).toBe('ready');
    // alice has desktops in transition (STARTING, REBOOTING…): the fast cadence applies, as in direct mode.
    const next = desktops.nextRefreshAt;
    expect((next ?? 0) - clock.now()).toBe(POLL_FAST_MS);
    await clock.advance((next ?? 0) - clock.now());
    await desktops.idle();
    expect(sent).toEqual([`GET ${broker.url}/v1/desktops`, `GET ${broker.url}/v1/desktops`, `GET ${broker.url}/v1/desktops`]);
    expect(calls.filter((c) => c.service === 'sts' || c.service === 'sso')).toEqual([]);
  });

  it('hands a desktop to the launch step with its connect tag, as in direct mode', async () => {
    const { service: desktops, actions } = await signedInAlice();
    const vnc = desktops.snapshot().desktops.find((d) => d.name === 'Linux-VNC');
    const ready = new Promise<{ key: string; connectTag?: string }>((resolve) => desktops.onReady(resolve));
    expect((await actions.connect(vnc?.key ?? '')).ok).toBe(true);
    expect(await ready).toMatchObject({
      key: vnc?.key,
      connectTag: emu.state.getWorkspace(vnc?.workspaceId ?? '')?.tags.find((t) => t.Key === 'deskbridge:connect')?.Value,
    });
  });
});
