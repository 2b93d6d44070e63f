import { afterEach, describe, expect, it } from 'vitest';
import type { PendingLink } from '@shared/ipc/domains/orgs';
import { OIDC_INPUT, startTempCore, unwrap, type TempCore } from './support/temp-core';

let t: TempCore;
afterEach(async () => {
  await t.stop();
});

const roleArn = OIDC_INPUT.signIn.method === 'oidc' ? OIDC_INPUT.signIn.roleArn : '';
const link = (code = 'SLiad+S393HD', extra = '') =>
  `deskbridge://register?code=${encodeURIComponent(code)}&name=Example%20Corp&issuer=https%3A%2F%2Flogin.example.com&clientId=deskbridge&roleArn=${encodeURIComponent(roleArn)}${extra}`;

describe('the link inbox', () => {
  it('refuses a bad link with an error notice that says why, and adds nothing', async () => {
    t = await startTempCore();
    t.core.receiveDeepLink(link('SLiad+S393HD', '&issuer=https%3A%2F%2Fevil.example'));
    expect(unwrap(await t.core.api.app.notices())).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'link-refused',
        message: 'A Deskbridge link was refused.',
        details: 'The link gives "issuer" more than once.',
      }),
    ]);
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([]);
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
  });

  it.each([undefined, 42, '', 'https://example.com', 'deskbridge://connect?x=1'])('refuses %j without throwing', async (raw) => {
    t = await startTempCore();
    expect(() => t.core.receiveDeepLink(raw)).not.toThrow();
    expect(unwrap(await t.core.api.app.notices())).toHaveLength(1);
  });

  it('keeps a valid link pending, without adding anything, until the user answers', async () => {
    t = await startTempCore();
    const pushes: (readonly PendingLink[])[] = [];
    t.core.events.on('orgs:links', (links) => pushes.push(links));
    t.core.receiveDeepLink(link());
    const pending = unwrap(await t.core.api.orgs.pendingLinks());
    expect(pending).toEqual([{ id: expect.any(String), source: 'link', input: expect.objectContaining({ code: 'SLiad+S393HD', name: 'Example Corp' }) }]);
    expect(pushes).toEqual([pending]);
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);

    const snapshot = unwrap(await t.core.api.orgs.answerLink(pending[0]!.id, true));
    expect(snapshot.organizations).toEqual([expect.objectContaining({ code: 'SLiad+S393HD', region: 'us-east-1', name: 'Example Corp' })]);
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([]);
    expect(await t.core.api.orgs.answerLink(pending[0]!.id, true)).toMatchObject({ ok: false, error: { code: 'unknown-link' } });
  });

  it('adds nothing when the user refuses', async () => {
    t = await startTempCore();
    t.core.receiveDeepLink(link());
    const [pending] = unwrap(await t.core.api.orgs.pendingLinks());
    expect(unwrap(await t.core.api.orgs.answerLink(pending!.id, false)).organizations).toEqual([]);
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([]);
    expect(unwrap(await t.core.api.orgs.list()).organizations).toEqual([]);
  });

  it('keeps one entry for the same link opened twice, and at most five distinct ones', async () => {
    t = await startTempCore();
    t.core.receiveDeepLink(link());
    t.core.receiveDeepLink(link());
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toHaveLength(1);
    for (const site of ['pdx', 'sin', 'syd', 'nrt', 'fra', 'dub']) t.core.receiveDeepLink(link(`WS${site}+ABC123`));
    const pending = unwrap(await t.core.api.orgs.pendingLinks());
    expect(pending.map((p) => p.input.code)).toEqual(['WSsin+ABC123', 'WSsyd+ABC123', 'WSnrt+ABC123', 'WSfra+ABC123', 'WSdub+ABC123']);
  });

  it('reports why an accepted link could not be added (already present)', async () => {
    t = await startTempCore();
    unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    t.core.receiveDeepLink(link());
    const [pending] = unwrap(await t.core.api.orgs.pendingLinks());
    expect(await t.core.api.orgs.answerLink(pending!.id, true)).toMatchObject({ ok: false, error: { code: 'duplicate-organization' } });
    expect(unwrap(await t.core.api.orgs.list()).organizations).toHaveLength(1);
    // Still pending, so the dialog can say why; refusing then clears it.
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([pending]);
    unwrap(await t.core.api.orgs.answerLink(pending!.id, false));
    expect(unwrap(await t.core.api.orgs.pendingLinks())).toEqual([]);
  });
});
