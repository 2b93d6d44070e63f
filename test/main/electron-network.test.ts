import { beforeEach, describe, expect, it } from 'vitest';
import { Logger } from '@core/log/logger';
import type { ProxyChallenge, ProxyCredentials } from '@core/network/port';
import { electronNetwork, MAX_PROXY_ASKS, ProxyAuthError, type ElectronNetworkDeps } from '@main/platform/electron-network';
import { calls, callsTo, net, resetFakeElectron, session, type FakeClientRequest } from './fake-electron';

beforeEach(() => resetFakeElectron());

const PROXY_LOGIN = { isProxy: true, scheme: 'Basic', host: 'proxy.corp.example', port: 3128, realm: 'Corp proxy' };
const SECRET = 'pw-Sup3r-s3cret!';

/** The dialog: records every challenge and answers from a script (null: the user cancels). */
function dialog(answers: (ProxyCredentials | null)[]) {
  const asked: ProxyChallenge[] = [];
  return {
    asked,
    askProxyCredentials: async (challenge: ProxyChallenge) => {
      asked.push(challenge);
      return answers.shift() ?? null;
    },
  };
}

function port(answers: (ProxyCredentials | null)[] = [], logger = new Logger()) {
  const prompt = dialog(answers);
  const network = electronNetwork({ net: net as unknown as ElectronNetworkDeps['net'], session: () => session.defaultSession, log: logger.scoped('network') })(
    prompt,
  );
  return { network, prompt, logger };
}

async function started(fetching: Promise<Response>): Promise<FakeClientRequest> {
  void fetching.catch(() => undefined);
  const request = net.requests.at(-1) ?? (await net.nextRequest());
  return request;
}

describe('electronNetwork: requests go through net.request (Electron issue #44249)', () => {
  it('sends method, headers and body with net.request and streams the response back', async () => {
    const { network } = port();
    const fetching = network.fetch('https://workspaces.eu-central-1.amazonaws.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'WorkspacesService.DescribeWorkspaces' },
      body: '{"Limit":25}',
    });
    const request = await net.nextRequest();
    expect(callsTo('net', 'fetch')).toEqual([]);
    expect(request.options).toMatchObject({
      method: 'POST',
      url: 'https://workspaces.eu-central-1.amazonaws.com/',
      redirect: 'follow',
      useSessionCookies: false,
    });
    expect(request.headers.get('x-amz-target')).toBe('WorkspacesService.DescribeWorkspaces');
    expect(Buffer.concat(request.written).toString()).toBe('{"Limit":25}');
    expect(request.ended).toBe(true);
    request.respond(200, ['{"Workspaces"', ':[]}'], { 'content-type': 'application/x-amz-json-1.1', 'set-cookie': ['a=1', 'b=2'] });
    const response = await fetching;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({ Workspaces: [] });
  });

  it('aborts the Electron request when the signal fires', async () => {
    const { network } = port();
    const controller = new AbortController();
    const fetching = network.fetch('https://sts.amazonaws.com/', { signal: controller.signal });
    const request = await net.nextRequest();
    controller.abort();
    await expect(fetching).rejects.toThrow(/abort/i);
    expect(request.aborted).toBe(true);
  });

  it("hands back the 3xx itself for redirect: 'manual' (as fetch does) and stops the request", async () => {
    const { network } = port();
    const fetching = network.fetch('https://idp.example.com/app/aws/sso', { redirect: 'manual' });
    const request = await net.nextRequest();
    expect(request.options.redirect).toBe('manual');
    request.emit('redirect', 302, 'GET', 'https://idp.example.com/login', { 'cache-control': ['no-store'] });
    const response = await fetching;
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://idp.example.com/login');
    expect(request.aborted).toBe(true);
  });

  it('rejects with the network error Chromium reports', async () => {
    const { network } = port();
    const fetching = network.fetch('https://nonexistent.invalid/');
    const request = await net.nextRequest();
    request.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'));
    await expect(fetching).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
  });
});

describe('electronNetwork: proxy sign-in', () => {
  it('hands the proxy login to the dialog with the proxy host and the host it was trying to reach', async () => {
    const { network, prompt } = port([{ username: 'alice', password: SECRET }]);
    const fetching = network.fetch('https://oidc.eu-central-1.amazonaws.com/token');
    const request = await started(fetching);
    const answer = await request.login(PROXY_LOGIN);
    expect(prompt.asked).toEqual([
      { proxy: 'proxy.corp.example:3128', scheme: 'basic', realm: 'Corp proxy', forHost: 'oidc.eu-central-1.amazonaws.com', attempt: 1 },
    ]);
    expect(answer).toEqual(['alice', SECRET]);
    request.respond(200, ['ok']);
    expect((await fetching).status).toBe(200);
  });

  it('keeps the answer in memory for this run: the next request is answered without asking', async () => {
    const { network, prompt, logger } = port([{ username: 'alice', password: SECRET }]);
    const first = network.fetch('https://sts.eu-central-1.amazonaws.com/');
    const r1 = await started(first);
    await r1.login(PROXY_LOGIN);
    r1.respond(200);
    await first;
    const second = network.fetch('https://workspaces.eu-central-1.amazonaws.com/');
    const r2 = await net.nextRequest();
    expect(await r2.login(PROXY_LOGIN)).toEqual(['alice', SECRET]);
    expect(prompt.asked).toHaveLength(1);
    r2.respond(200);
    await second;
    // Only the login callback ever saw the password: not the log, not any recorded Electron call
    // (no setProxy, no settings, no keychain: nothing else is reachable from this module).
    expect(JSON.stringify(logger.list())).not.toContain(SECRET);
    expect(JSON.stringify(calls)).not.toContain(SECRET);
    expect(logger.list().map((e) => e.message)).toContain('The proxy proxy.corp.example:3128 asks for sign-in (basic, ask 1 of 3)');
  });

  it('shows one dialog for requests that meet the same proxy at the same time', async () => {
    const { network, prompt } = port([{ username: 'alice', password: SECRET }]);
    const first = network.fetch('https://sts.eu-central-1.amazonaws.com/');
    const r1 = await started(first);
    const second = network.fetch('https://workspaces.eu-central-1.amazonaws.com/');
    const r2 = await net.nextRequest();
    const answers = await Promise.all([r1.login(PROXY_LOGIN), r2.login(PROXY_LOGIN)]);
    expect(answers).toEqual([
      ['alice', SECRET],
      ['alice', SECRET],
    ]);
    expect(prompt.asked).toHaveLength(1);
    r1.respond(200);
    r2.respond(204);
    expect([(await first).status, (await second).status]).toEqual([200, 204]);
  });

  it('forgets the answers when the network settings change', async () => {
    const { network, prompt } = port([
      { username: 'alice', password: SECRET },
      { username: 'bob', password: 'other' },
    ]);
    const first = network.fetch('https://sts.eu-central-1.amazonaws.com/');
    const r1 = await started(first);
    await r1.login(PROXY_LOGIN);
    r1.respond(200);
    await first;
    await network.configure({ proxy: { mode: 'manual', url: 'http://proxy.corp.example:3128' } });
    const second = network.fetch('https://sts.eu-central-1.amazonaws.com/');
    const r2 = await net.nextRequest();
    expect(await r2.login(PROXY_LOGIN)).toEqual(['bob', 'other']);
    expect(prompt.asked).toHaveLength(2);
    r2.respond(200);
    await second;
  });

  it(`asks at most ${MAX_PROXY_ASKS} times when the proxy keeps refusing, then fails with a clear error`, async () => {
    const wrong = { username: 'alice', password: 'wrong' };
    const { network, prompt } = port([wrong, wrong, wrong, wrong, wrong]);
    const fetching = network.fetch('https://sts.eu-central-1.amazonaws.com/');
    const request = await started(fetching);
    const answers = [];
    // The proxy answers 407 again and again (Chromium emits 'login' again for each refusal).
    for (let i = 0; i < MAX_PROXY_ASKS + 2 && !request.aborted; i++) answers.push(await request.login(PROXY_LOGIN));
    expect(prompt.asked.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(answers).toEqual([['alice', 'wrong'], ['alice', 'wrong'], ['alice', 'wrong'], []]);
    expect(request.aborted).toBe(true);
    const error = await fetching.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProxyAuthError);
    expect((error as ProxyAuthError).reason).toBe('refused');
    expect((error as Error).message).toMatch(/proxy proxy\.corp\.example:3128 refused the user name and password 3 times/);
    // The bound holds for the run: a later request does not ask again.
    const later = network.fetch('https://sts.eu-central-1.amazonaws.com/');
    const r2 = await net.nextRequest();
    expect(await r2.login(PROXY_LOGIN)).toEqual([]);
    await expect(later).rejects.toThrow(ProxyAuthError);
    expect(prompt.asked).toHaveLength(3);
  });

  it('ends with an error, answering without credentials, when the user cancels the dialog', async () => {
    const { network, prompt } = port([null]);
    const fetching = network.fetch('https://portal.sso.eu-central-1.amazonaws.com/');
    const request = await started(fetching);
    expect(await request.login(PROXY_LOGIN)).toEqual([]);
    expect(prompt.asked).toHaveLength(1);
    await expect(fetching).rejects.toThrow('Sign-in to the proxy proxy.corp.example:3128 was cancelled');
    expect(request.aborted).toBe(true);
  });

  it('refuses a server (not a proxy) asking for HTTP sign-in, without showing the dialog', async () => {
    const { network, prompt } = port([{ username: 'alice', password: SECRET }]);
    const fetching = network.fetch('https://idp.example.com/.well-known/openid-configuration');
    const request = await started(fetching);
    expect(await request.login({ ...PROXY_LOGIN, isProxy: false, host: 'idp.example.com', port: 443 })).toEqual([]);
    expect(prompt.asked).toEqual([]);
    request.respond(401, ['no']);
    expect((await fetching).status).toBe(401);
  });
});

describe('electronNetwork: settings and proxy resolution', () => {
  it('maps Settings → Network onto the default session', async () => {
    const { network } = port();
    await network.configure({ proxy: { mode: 'system' } });
    await network.configure({ proxy: { mode: 'manual', url: 'http://proxy.corp.example:3128/' } });
    await network.configure({ proxy: { mode: 'none' } });
    expect(callsTo('session', 'setProxy').map((c) => c.args[1])).toEqual([
      { mode: 'system' },
      { mode: 'fixed_servers', proxyRules: 'http://proxy.corp.example:3128' },
      { mode: 'direct' },
    ]);
    expect(network.active()).toMatchObject({ settings: { proxy: { mode: 'none' } }, description: 'DIRECT' });
  });

  it('asks the session which proxy a URL goes through', async () => {
    const { network } = port();
    session.defaultSession.proxyFor = (url) => (url.includes('amazonaws.com') ? 'PROXY proxy.corp.example:3128' : 'DIRECT');
    expect(await network.resolveProxy('https://sts.amazonaws.com/')).toBe('PROXY proxy.corp.example:3128');
    expect(await network.resolveProxy('http://127.0.0.1:4000/')).toBe('DIRECT');
  });
});
