import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator, type TapEvent } from './index';

let emu: Emulator;
const events: TapEvent[] = [];

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0, onResponse: (event) => events.push(event) });
});
afterAll(() => emu.stop());

describe('the response tap', () => {
  it('sees every answer of the OIDC identity provider too, so benchmarks can count IdP calls', async () => {
    const discovery = await fetch(`${emu.endpoints.oidcIssuer}/.well-known/openid-configuration`);
    const { jwks_uri: jwksUri } = (await discovery.json()) as { jwks_uri: string };
    await (await fetch(jwksUri)).text();
    await (await fetch(`${emu.endpoints.oidcIssuer}/no-such-page`)).text();
    const idp = events.filter((e) => e.service === 'oidc').map((e) => `${e.operation ?? ''} ${e.status}`);
    expect(idp).toEqual(['/.well-known/openid-configuration 200', `${new URL(jwksUri).pathname} 200`, '/no-such-page 404']);
  });
});
