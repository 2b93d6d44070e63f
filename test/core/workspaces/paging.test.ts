import {
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  DescribeWorkspacesConnectionStatusCommand,
  WorkSpacesClient,
} from '@aws-sdk/client-workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDirectory } from '@core/workspaces/directory';
import { listDesktops } from '@core/workspaces/list-desktops';
import { MAX_DESKTOP_PAGES, MAX_DIRECTORY_PAGES, PagingError } from '@core/workspaces/pages';
import { POLL_FAST_MS } from '@shared/lib/polling-policy';
import type { OrgProfile } from '@shared/models/org';
import { startWorld, type World } from './support/setup';

/** A WorkSpaces client at the port whose DescribeWorkspaces/-Directories pages carry `token(n)`. */
function pagingClient(token: (page: number) => string | undefined): { client: WorkSpacesClient; calls: () => number } {
  let pages = 0;
  const client = {
    send: async (command: unknown) => {
      if (command instanceof DescribeWorkspacesConnectionStatusCommand) return { WorkspacesConnectionStatus: [] };
      pages += 1;
      if (command instanceof DescribeWorkspacesCommand)
        return { Workspaces: [{ WorkspaceId: `ws-page${pages}`, DirectoryId: 'd-1', UserName: 'alice' }], NextToken: token(pages) };
      if (command instanceof DescribeWorkspaceDirectoriesCommand)
        return { Directories: [{ DirectoryId: `d-${pages}`, RegistrationCode: 'other' }], NextToken: token(pages) };
      throw new Error('unexpected command');
    },
  } as unknown as WorkSpacesClient;
  return { client, calls: () => pages };
}

const sinks = { onPage: () => undefined, onStatuses: () => undefined, onStatusesFailed: () => undefined };
const org = { id: 'o', name: 'Org', code: 'SLiad+ABC123', region: 'us-east-1' } as OrgProfile;

describe('NextToken chains are bounded', () => {
  it('stops listing desktops at a repeated token, with a clear error', async () => {
    const { client, calls } = pagingClient(() => 'same-token');
    const error = await listDesktops(client, 'd-1', 'alice', sinks).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as Error).message).toMatch(/same page token twice while listing your desktops/);
    expect(calls()).toBe(2);
  });

  it('stops listing desktops after the page cap even when every token is new', async () => {
    const { client, calls } = pagingClient((n) => `token-${n}`);
    const error = await listDesktops(client, 'd-1', 'alice', sinks).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(new RegExp(`more than ${MAX_DESKTOP_PAGES} pages`));
    expect(calls()).toBe(MAX_DESKTOP_PAGES);
  });

  it('still follows a normal chain to its end', async () => {
    const { client, calls } = pagingClient((n) => (n < 5 ? `token-${n}` : undefined));
    expect(await listDesktops(client, 'd-1', 'alice', sinks)).toHaveLength(5);
    expect(calls()).toBe(5);
  });

  it('bounds the directory search by registration code the same way', async () => {
    const repeated = pagingClient(() => 'same-token');
    await expect(resolveDirectory(repeated.client, org)).rejects.toThrow(/same page token twice while listing the WorkSpaces directories/);
    expect(repeated.calls()).toBe(2);
    const endless = pagingClient((n) => `token-${n}`);
    await expect(resolveDirectory(endless.client, org)).rejects.toBeInstanceOf(PagingError);
    expect(endless.calls()).toBe(MAX_DIRECTORY_PAGES);
  });
});

describe('an organization whose desktop pages never end', () => {
  let w: World;
  beforeAll(async () => {
    // The real emulator behind a client that echoes a constant NextToken on DescribeWorkspaces.
    w = await startWorld({
      clientFor: (session) => {
        const real = new WorkSpacesClient({
          region: 'us-east-1',
          endpoint: session.org.endpoints?.workspaces,
          credentials: () => session.credentials(),
          maxAttempts: 1,
        });
        const send = real.send.bind(real) as (command: unknown) => Promise<unknown>;
        return Object.assign(real, {
          send: async (command: unknown) => {
            if (!(command instanceof DescribeWorkspacesCommand)) return send(command);
            const out = await send(new DescribeWorkspacesCommand({ ...command.input, NextToken: undefined }));
            return { ...(out as object), NextToken: 'stuck' };
          },
        });
      },
    });
    await w.sessions.signIn(w.sessions.org(), 'alice', 'alice-demo-pass');
    await w.service.idle();
    w.service.setVisible(true);
    await w.service.idle();
  });
  afterAll(async () => {
    await w.stop();
  });

  it('keeps what it got, says why it stopped, and does not hammer AWS', async () => {
    const s = w.service.snapshot();
    expect(s.orgs[0]).toMatchObject({ status: 'error', error: { code: 'desktops.paging' } });
    expect(s.orgs[0]?.error?.message).toMatch(/same page token twice/);
    expect(s.desktops).toHaveLength(19);
    const pages = w.workspaceCalls('DescribeWorkspaces').length;
    await w.advance(POLL_FAST_MS);
    expect(w.workspaceCalls('DescribeWorkspaces').length).toBeLessThanOrEqual(pages + 2);
    expect(w.service.failedRefreshesInARow).toBe(0);
  });
});
