/**
 * AWS answers that parse but make no sense must be refused with a clear error, not turned into
 * credentials whose expiry is "Invalid Date" (which would renew them in a tight loop).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '@core/auth/auth-error';
import { IdentityCenterClient, type IdcOrg } from '@core/auth/identity-center-client';
import { systemClock } from '@core/ports';
import { testFetch } from '../support/network';

let server: Server;
let endpoint: string;
let expiration: unknown = 1e20;
/** When set, every call is refused with this AWS error type (HTTP 400). */
let refuseWith: string | null = null;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (refuseWith !== null) {
      res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': refuseWith });
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'refused by the test' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ roleCredentials: { accessKeyId: 'ASIAQEXAMPLEKEY12345', secretAccessKey: 'secret', sessionToken: 'token', expiration } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function client(): IdentityCenterClient {
  const org: IdcOrg = {
    id: 'org-1',
    code: 'WSpdx+ABC12D',
    name: 'Contoso',
    region: 'us-east-1',
    signIn: { method: 'identity-center', startUrl: 'https://contoso.awsapps.com/start', region: 'us-east-1', accountId: '123456789012', roleName: 'Desk' },
    endpoints: { sso: endpoint, ssoOidc: endpoint },
    policy: { allowStaySignedIn: true },
    managed: false,
  };
  return new IdentityCenterClient(org, systemClock, 5_000, testFetch);
}

describe('IAM Identity Center role credentials', () => {
  it('refuses credentials whose expiry is not a real time', async () => {
    const c = client();
    try {
      const error = await c.roleCredentials('access-token').then(
        (value) => value,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ code: 'identity-center-incomplete', params: { operation: 'GetRoleCredentials' } });
    } finally {
      c.destroy();
    }
  });

  it('accepts a sensible expiry', async () => {
    expiration = Date.now() + 3600_000;
    const c = client();
    try {
      const credentials = await c.roleCredentials('access-token');
      expect(credentials.expiration.getTime()).toBe(expiration);
    } finally {
      c.destroy();
    }
  });
});

describe('IAM Identity Center refusals and incomplete answers', () => {
  it('a refusal names the operation and AWS’s reason', async () => {
    refuseWith = 'InvalidRequestException';
    const c = client();
    try {
      const error = await c.register().then(
        (value) => value,
        (reason: unknown) => reason,
      );
      expect(error).toMatchObject({ code: 'identity-center-refused', params: { operation: 'RegisterClient', reason: 'InvalidRequest' } });
    } finally {
      refuseWith = null;
      c.destroy();
    }
  });

  it('an answer without a client is incomplete, naming the operation', async () => {
    const c = client();
    try {
      // The server's one answer (role credentials) has no clientId: RegisterClient got nothing usable.
      const error = await c.register().then(
        (value) => value,
        (reason: unknown) => reason,
      );
      expect(error).toMatchObject({ code: 'identity-center-incomplete', params: { operation: 'RegisterClient' } });
    } finally {
      c.destroy();
    }
  });
});
