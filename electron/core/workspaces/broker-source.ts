import type { BrokerDesktop, BrokerDesktopsResponse } from '@shared/broker/api';
import type { Desktop } from '@shared/models/desktop';
import type { AuthSession } from '../auth/auth-session';
import type { DesktopTag } from '../auth/workspaces-errors';
import type { ScopedLogger } from '../log/logger';
import type { Clock } from '../ports';
import { classify, describeFailure } from './aws-errors';
import { type BrokerClient, BrokerRequestError } from './broker-client';
import type { ResolvedDirectory } from './directory';
import { type ConnectionInfo, desktopKey } from './map-desktop';
import { CONNECT_TAG } from './org-desktops';
import { type ActionFailure, type DesktopActionRequest, DesktopSource, type OrgRefreshResult } from './source';

/**
 * Broker mode: the desktop source on the organization's broker. One GET lists the caller's
 * desktops with their connection status, connect tags and directories (the broker's cache, not
 * this client, protects AWS); actions are one POST each. The device holds only the ID token.
 */
export class BrokerDesktopSource extends DesktopSource {
  readonly kind = 'broker' as const;

  constructor(
    session: AuthSession,
    private readonly log: ScopedLogger,
    clock: Clock,
    private readonly client: BrokerClient,
  ) {
    super(session, clock);
  }

  async refresh(onPage: (pageIndex: number) => void, holds: (workspaceId: string, generation: number) => boolean): Promise<OrgRefreshResult> {
    const generation = ++this.started;
    const org = this.session.org;
    let answer: BrokerDesktopsResponse;
    try {
      answer = await this.client.desktops();
    } catch (error) {
      const kind = classify(error);
      this.log.warn(`Refreshing the desktops of ${org.name} from its broker failed (${kind})`, error);
      this.fail(describeFailure(error, { orgName: org.name, region: org.region }), kind);
      const retryAfterMs = error instanceof BrokerRequestError ? error.retryAfterMs : undefined;
      return { ok: false, kind, generation, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    }
    const seen = new Set<string>();
    for (const listed of answer.desktops) {
      seen.add(listed.workspaceId);
      if (!holds(listed.workspaceId, generation)) this.desktops.set(listed.workspaceId, this.withStateSince(toDesktop(this.orgId, listed)));
      const connection = toConnection(listed);
      if (connection === undefined) this.connections.delete(listed.workspaceId);
      else this.connections.set(listed.workspaceId, connection);
      this.tags.set(listed.workspaceId, listed.connectTag ?? null);
    }
    this.directory = pickDirectory(answer, org.directoryId) ?? this.directory;
    this.forgetUnseen(seen);
    this.succeed();
    onPage(0);
    return { ok: true, generation };
  }

  /** The broker sends every desktop's tag with the list: nothing to fetch. */
  loadTags(): Promise<boolean> {
    return Promise.resolve(false);
  }

  connectTag(workspaceId: string): Promise<string | null> {
    return Promise.resolve(this.tags.get(workspaceId) ?? null);
  }

  desktopTags(workspaceId: string): Promise<readonly DesktopTag[]> {
    const tag = this.tags.get(workspaceId);
    return Promise.resolve(tag === undefined || tag === null ? [] : [{ Key: CONNECT_TAG, Value: tag }]);
  }

  /** The broker checks that the desktop is the caller's, carries the action out and refuses with a closed code. */
  async act(desktop: Desktop, request: DesktopActionRequest): Promise<readonly ActionFailure[]> {
    await this.client.act(desktop.workspaceId, request);
    return [];
  }

  dispose(): void {
    // Nothing held: the ID token stays with the auth service.
  }
}

/** The directory whose self-service permissions apply: the profile's, else the one the desktops are in. */
function pickDirectory(answer: BrokerDesktopsResponse, wanted: string | undefined): ResolvedDirectory | undefined {
  const id = wanted ?? answer.desktops[0]?.directoryId;
  const found = answer.directories.find((d) => d.directoryId === id) ?? answer.directories[0];
  return found === undefined ? undefined : { directoryId: found.directoryId, permissions: found.selfService };
}

function toDesktop(orgId: string, listed: BrokerDesktop): Desktop {
  const { connectionState: _state, lastConnectedAt: _last, connectionCheckedAt: _checked, connectTag: _tag, ...desktop } = listed;
  return { ...desktop, key: desktopKey(orgId, listed.workspaceId), orgId };
}

function toConnection(listed: BrokerDesktop): ConnectionInfo | undefined {
  if (listed.connectionState === undefined) return undefined;
  return {
    connectionState: listed.connectionState,
    ...(listed.lastConnectedAt === undefined ? {} : { lastConnectedAt: listed.lastConnectedAt }),
    ...(listed.connectionCheckedAt === undefined ? {} : { connectionCheckedAt: listed.connectionCheckedAt }),
  };
}
