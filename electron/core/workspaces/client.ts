import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { AuthSession } from '../auth/auth-session';
import type { NetworkFetch } from '../network/port';
import { NetworkSdkHandler } from '../network/sdk-handler';

/** The regional endpoint when the profile has no override (GovCloud/FIPS/tests set one). */
export function workspacesEndpoint(session: Pick<AuthSession, 'org'>): string | undefined {
  return session.org.endpoints?.workspaces;
}

/**
 * A WorkSpaces client for one signed-in organization: explicit region, endpoint and in-memory
 * credentials (never the SDK's default chain). maxAttempts 1 — the scheduler owns retries and
 * back-off, so nothing is retried twice behind its back. Requests go through the network port.
 */
export function createWorkspacesClient(session: Pick<AuthSession, 'org' | 'credentials'>, fetch: NetworkFetch): WorkSpacesClient {
  const endpoint = workspacesEndpoint(session);
  return new WorkSpacesClient({
    region: session.org.region ?? 'us-east-1',
    ...(endpoint === undefined ? {} : { endpoint }),
    credentials: () => session.credentials(),
    maxAttempts: 1,
    // 20 s for the whole request; the port's adapter bounds the connection itself (8 s in Node's).
    requestHandler: new NetworkSdkHandler(fetch, { requestTimeoutMs: 20_000 }),
  });
}
