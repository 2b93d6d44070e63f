import type { DesktopsApi } from '@shared/ipc/domains/desktops';
import { ok } from '@shared/ipc/result';
import type { DesktopActions } from './actions';
import type { DesktopService } from './desktop-service';

export function createDesktopsApi(service: DesktopService, actions: DesktopActions): DesktopsApi {
  return {
    list: async () => ok(service.snapshot()),
    refresh: async () => {
      await service.refreshNow();
      return ok(service.snapshot());
    },
    setVisible: async (visible) => {
      service.setVisible(visible);
      return ok(null);
    },
    start: (key) => actions.start(key),
    restart: (key) => actions.restart(key),
    rebuild: (key, confirmation) => actions.rebuild(key, confirmation),
    changeComputeType: (key, computeType) => actions.changeComputeType(key, computeType),
    increaseVolume: (key, request) => actions.increaseVolume(key, request),
    switchRunningMode: (key, mode) => actions.switchRunningMode(key, mode),
    connect: (key) => actions.connect(key),
    dismissProblem: async (key) => actions.dismissProblem(key),
  };
}
