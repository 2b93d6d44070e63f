/** Desktops: every WorkSpace of every signed-in organization, kept live by one scheduler, with self-service. */
import type { ScopedLogger } from '../log/logger';
import type { AuthSessions } from '../auth/auth-session';
import type { EventBus } from '../events';
import type { NetworkFetch } from '../network/port';
import type { Clock } from '../ports';
import { DesktopActions } from './actions';
import { DesktopService } from './desktop-service';

export { DesktopActions } from './actions';
export { DesktopService, type DesktopServiceDeps } from './desktop-service';
export { createDesktopsApi } from './desktops-api';

export interface Desktops {
  readonly service: DesktopService;
  readonly actions: DesktopActions;
}

export function createDesktops(deps: { auth: AuthSessions; clock: Clock; events: EventBus; log: ScopedLogger; fetch: NetworkFetch }): Desktops {
  const service = new DesktopService(deps);
  return { service, actions: new DesktopActions(service) };
}
