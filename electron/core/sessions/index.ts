/** Launching sessions: hand-off to the official client, native RDP/DCV clients, and the in-app VNC bridge. */
export { createSessionsApi } from './sessions-api';
export { createSessions, type SessionPorts } from './create-sessions';
export { RemoteSessionService, VNC_SECRET_SERVICE, isViewerOrigin, vncPasswordAccount, type RemoteSessionServiceDeps } from './remote-session-service';
export { NodeProcessLauncher } from './node-process-launcher';
export { NodeUrlHandoff } from './node-url-handoff';
export { TempFiles } from './temp-files';
export { VncBridge } from './vnc-bridge';
export type { LaunchedProcess, ProcessExit, ProcessLauncher, SessionWindows, UrlHandoff } from './ports';
