import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import type { SessionPorts } from '@core/sessions';
import type { SecretStore } from '@core/ports';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import type { Desktop } from '@shared/models/desktop';
import type { OrgProfile } from '@shared/models/org';
import { isWebHostOrigin, startHarness, type Harness } from '../../harness/server';

export interface SessionAppUnderTest {
  readonly core: Core;
  readonly harness: Harness;
  readonly context: BrowserContext;
  readonly org: OrgProfile;
  readonly secrets: SecretStore;
  /** Changes what the desktop list would say about the one desktop (its tag, state…). */
  setDesktop(patch: Partial<Desktop>): void;
  /** Connect as the desktop list does, and open the viewer page the web host gets. */
  connect(): Promise<{ readonly page: Page; readonly sessionId: string }>;
  close(): Promise<void>;
}

export const WORKSPACE_ID = 'ws-vnc00001';

/**
 * Deskbridge's real core with one organization and one desktop (the list's lookup is the only
 * thing supplied), served by the harness to a fresh Chromium context.
 */
export async function launchSessionApp(browser: Browser, desktop: Partial<Desktop>, ports: SessionPorts = {}): Promise<SessionAppUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-e2e-sessions-'));
  const secrets = new MemorySecretStore();
  let current: Desktop | undefined;
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-e2e', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile: null },
    secrets,
    browser: { open: async () => undefined },
    sessions: { viewerOrigin: isWebHostOrigin, ...ports, findDesktop: (key) => (current?.key === key ? current : undefined) },
  });
  const added = await core.api.orgs.add({
    code: 'WSpdx+ABC12D',
    name: 'Example Corp',
    signIn: {
      method: 'oidc',
      issuer: 'https://idp.example.com',
      clientId: 'deskbridge',
      roleArn: 'arn:aws:iam::123456789012:role/WorkSpacesUsers',
      userNameClaim: 'preferred_username',
    },
  });
  if (!added.ok) throw new Error(added.error.message);
  const org = added.value;
  current = {
    key: `${org.id}/${WORKSPACE_ID}`,
    orgId: org.id,
    workspaceId: WORKSPACE_ID,
    directoryId: 'd-1234567890',
    userName: 'alice',
    name: 'Alice’s VNC desktop',
    state: 'AVAILABLE',
    protocols: ['WSP'],
    modifications: [],
    ...desktop,
  };
  const harness = await startHarness(core, inject('rendererDir'));
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
  return {
    core,
    harness,
    context,
    org,
    secrets,
    setDesktop: (patch) => {
      if (current) current = { ...current, ...patch };
    },
    connect: async () => {
      const result = await core.api.sessions.connect(`${org.id}/${WORKSPACE_ID}`);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      if (result.value.kind !== 'session' || !result.value.viewerPath) throw new Error('Expected an in-app viewer session.');
      const page = await context.newPage();
      const [path, fragment = ''] = result.value.viewerPath.split('#');
      await page.goto(`${harness.origin}/${path}#token=${harness.token}&${fragment}`);
      return { page, sessionId: result.value.session.id };
    },
    close: async () => {
      await context.close();
      await harness.stop();
      await core.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
