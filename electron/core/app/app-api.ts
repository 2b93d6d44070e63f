import type { AppApi, AppInfo } from '@shared/ipc/domains/app';
import { ok } from '@shared/ipc/result';
import type { NoticeCenter } from './notice-center';

export function createAppApi(info: AppInfo, notices: NoticeCenter): AppApi {
  return {
    info: async () => ok(info),
    notices: async () => ok(notices.list()),
    dismissNotice: async (id) => ok(notices.dismiss(id)),
  };
}
