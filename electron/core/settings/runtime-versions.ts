import type { AppInfo } from '@shared/ipc/domains/app';

/** The host's AppInfo with the Node version core runs on (the host adds Electron's and Chromium's). */
export function withRuntimeVersions(info: AppInfo, node: string = process.versions.node): AppInfo {
  return { ...info, versions: { node, ...info.versions } };
}
