/**
 * The broker's wire contract (broker mode, docs/admin-guide.md): versioned JSON over HTTPS,
 * checked with these schemas on both sides — by the broker on every request and response, and by
 * the client on every response. Pure TypeScript + zod: no node:*, no DOM.
 *
 * Every request carries `Authorization: Bearer <ID token>` from the organization's OIDC issuer
 * (audience = the client id). The caller is the token's user claim and nothing else.
 */
import { z } from 'zod';
import { DESKTOP_STATES } from '../models/desktop';

export const BROKER_API_VERSION = 'v1';

/** Routes, relative to the broker's base URL (which may carry a stage path). */
export const BROKER_ROUTES = {
  /** GET, no token: what a client needs to sign in (so a welcome link can carry just the URL). */
  config: '/v1/config',
  /** GET: the caller's desktops, with connection status and connect tag, and their directories. */
  desktops: '/v1/desktops',
  /** GET `/v1/desktops/{workspaceId}`: one of the caller's desktops (404 when not the caller's). */
  desktop: (workspaceId: string) => `/v1/desktops/${encodeURIComponent(workspaceId)}`,
  /** POST `/v1/desktops/{workspaceId}/actions` with a BrokerActionRequest. */
  actions: (workspaceId: string) => `/v1/desktops/${encodeURIComponent(workspaceId)}/actions`,
} as const;

const WORKSPACE_ID = /^ws-[0-9a-z]{8,63}$/;
const DIRECTORY_ID = /^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$/;

export const brokerConfigSchema = z
  .object({
    version: z.literal(BROKER_API_VERSION),
    name: z.string().min(1).max(100),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
    /** The OIDC issuer and client the broker accepts tokens from. */
    issuer: z.string().url(),
    clientId: z.string().min(1).max(256),
    /** The ID-token claim that holds the WorkSpaces user name. */
    userNameClaim: z.string().min(1).max(128),
    /** Default connection method for desktops without a deskbridge:connect tag. */
    defaultConnect: z.string().max(2048).optional(),
  })
  .strict();
export type BrokerConfig = z.infer<typeof brokerConfigSchema>;

const selfServiceSchema = z
  .object({
    restartWorkspace: z.boolean(),
    increaseVolumeSize: z.boolean(),
    changeComputeType: z.boolean(),
    switchRunningMode: z.boolean(),
    rebuildWorkspace: z.boolean(),
  })
  .strict();

export const brokerDirectorySchema = z
  .object({
    directoryId: z.string().regex(DIRECTORY_ID),
    selfService: selfServiceSchema,
  })
  .strict();
export type BrokerDirectory = z.infer<typeof brokerDirectorySchema>;

/** A desktop as the broker sends it: Desktop (shared/models/desktop.ts) without the client's key/orgId. */
export const brokerDesktopSchema = z
  .object({
    workspaceId: z.string().regex(WORKSPACE_ID),
    directoryId: z.string().regex(DIRECTORY_ID),
    userName: z.string().min(1).max(63),
    name: z.string().min(1).max(256),
    state: z.enum(DESKTOP_STATES),
    computerName: z.string().max(256).optional(),
    ipAddress: z.string().max(64).optional(),
    bundleId: z.string().max(64).optional(),
    os: z.string().max(64).optional(),
    protocols: z.array(z.string().max(32)).max(8),
    computeType: z.string().max(64).optional(),
    runningMode: z.enum(['AUTO_STOP', 'ALWAYS_ON', 'MANUAL']).optional(),
    autoStopTimeoutMinutes: z.number().int().nonnegative().optional(),
    rootVolumeGib: z.number().int().nonnegative().optional(),
    userVolumeGib: z.number().int().nonnegative().optional(),
    modifications: z.array(z.object({ resource: z.string().max(64), state: z.string().max(64) }).strict()).max(16),
    errorCode: z.string().max(256).optional(),
    errorMessage: z.string().max(2048).optional(),
    connectionState: z.enum(['CONNECTED', 'DISCONNECTED', 'UNKNOWN']).optional(),
    /** Epoch milliseconds. */
    lastConnectedAt: z.number().int().nonnegative().optional(),
    connectionCheckedAt: z.number().int().nonnegative().optional(),
    /** The `deskbridge:connect` tag, raw (the client validates it when launching). */
    connectTag: z.string().max(256).optional(),
  })
  .strict();
export type BrokerDesktop = z.infer<typeof brokerDesktopSchema>;

export const brokerDesktopsResponseSchema = z
  .object({
    userName: z.string().min(1).max(63),
    desktops: z.array(brokerDesktopSchema).max(1000),
    directories: z.array(brokerDirectorySchema).max(100),
    /** Epoch ms of the directory sweep these figures come from (the broker's cache). */
    asOf: z.number().int().nonnegative(),
  })
  .strict();
export type BrokerDesktopsResponse = z.infer<typeof brokerDesktopsResponseSchema>;

export const brokerDesktopResponseSchema = z.object({ desktop: brokerDesktopSchema }).strict();
export type BrokerDesktopResponse = z.infer<typeof brokerDesktopResponseSchema>;

export const brokerActionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }).strict(),
  z.object({ action: z.literal('restart') }).strict(),
  /** `confirmation`: the desktop's name as the user typed it. */
  z.object({ action: z.literal('rebuild'), confirmation: z.string().min(1).max(256) }).strict(),
  z.object({ action: z.literal('changeComputeType'), computeType: z.string().min(1).max(64) }).strict(),
  z
    .object({
      action: z.literal('increaseVolume'),
      rootGib: z.number().int().positive().max(2000).optional(),
      userGib: z.number().int().positive().max(2000).optional(),
    })
    .strict(),
  z.object({ action: z.literal('switchRunningMode'), mode: z.enum(['AUTO_STOP', 'ALWAYS_ON', 'MANUAL']) }).strict(),
]);
export type BrokerActionRequest = z.infer<typeof brokerActionRequestSchema>;

/** Error codes: a closed union, worded by the client. */
export const BROKER_ERROR_CODES = [
  'unauthorized', // 401: no, forged, expired, wrong-audience/issuer or alg:none token
  'not-found', // 404: unknown route, or a desktop that is not the caller's (never "forbidden")
  'invalid-request', // 400: the body or a parameter fails the schema
  'action-refused', // 409: AWS refused the action (state, self-service permission, limits)
  'throttled', // 429: per-user throttling or AWS throttling
  'aws-unavailable', // 502/503: AWS could not be reached or failed
] as const;
export type BrokerErrorCode = (typeof BROKER_ERROR_CODES)[number];

export const brokerErrorSchema = z
  .object({
    error: z
      .object({
        code: z.enum(BROKER_ERROR_CODES),
        /** A short English explanation for logs; the UI words the code itself. */
        message: z.string().max(1024),
        /** For action-refused: the AWS error name, e.g. "OperationNotSupportedException". */
        awsError: z.string().max(128).optional(),
        retryAfterSeconds: z.number().int().nonnegative().optional(),
      })
      .strict(),
  })
  .strict();
export type BrokerError = z.infer<typeof brokerErrorSchema>;
