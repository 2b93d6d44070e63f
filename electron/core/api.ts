import type { DeskbridgeApi } from '@shared/ipc/contract';
import { ok } from '@shared/ipc/result';
import type { AppInfo } from '@shared/ipc/domains/app';
import { createAppApi } from './app/app-api';
import type { NoticeCenter } from './app/notice-center';
import { createAuthApi } from './auth/auth-api';
import { createDiagnosticsApi } from './log/diagnostics-api';
import type { Logger } from './log/logger';
import type { NetworkCheck } from './network/network-check';
import { createNetworkApi, type NetworkService } from './network/network-service';
import type { AuthService } from './auth/auth-service';
import type { LinkInbox } from './orgs/link-inbox';
import type { OrgService } from './orgs/org-service';
import { createOrgsApi } from './orgs/orgs-api';
import { createDesktopsApi, type Desktops } from './workspaces';
import { createSessionsApi, type RemoteSessionService } from './sessions';
import type { PreferencesService } from './settings/preferences-service';
import { createSettingsApi } from './settings/settings-api';

export interface Services {
  readonly info: AppInfo;
  readonly notices: NoticeCenter;
  readonly orgs: OrgService;
  readonly links: LinkInbox;
  readonly auth: AuthService;
  readonly sessions: RemoteSessionService;
  readonly desktops: Desktops;
  readonly logger: Logger;
  readonly networkCheck: NetworkCheck;
  readonly preferences: PreferencesService;
  readonly network: NetworkService;
}

/** The DeskbridgeApi implementation, host-agnostic: contract → services. */
export function createApi(services: Services): DeskbridgeApi {
  return {
    app: createAppApi(services.info, services.notices),
    orgs: createOrgsApi(services.orgs, services.links),
    auth: createAuthApi(services.auth),
    sessions: createSessionsApi(services.sessions),
    desktops: createDesktopsApi(services.desktops.service, services.desktops.actions),
    diagnostics: { ...createDiagnosticsApi(services.logger, services.info), networkCheck: async () => ok(await services.networkCheck.run()) },
    settings: createSettingsApi(services.preferences),
    network: createNetworkApi(services.network),
  };
}
