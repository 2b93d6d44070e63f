/** Argument schemas for every contract method: what crosses into core is checked here first. */
import { z } from 'zod';
import type { DeskbridgeApi, Domain } from './contract';
import { LOG_LEVELS } from './domains/diagnostics';
import { LANGUAGE_PREFERENCES, THEME_PREFERENCES } from './domains/settings';
import { networkSettingsSchema } from '../models/network';

const id = z.string().min(1).max(128);
/** `${orgId}/${workspaceId}` */
const desktopKey = z
  .string()
  .min(3)
  .max(256)
  .regex(/^[^/]+\/ws-[0-9a-z]{8,63}$/);
const volumeGib = z.number().int().min(1).max(2000);
const viewerStatus = z.enum(['connecting', 'connected', 'reconnecting', 'failed']);

type DomainSchemas<D extends Domain> = {
  readonly [M in keyof DeskbridgeApi[D]]: z.ZodType<unknown[]>;
};

export const ARG_SCHEMAS: { readonly [D in Domain]: DomainSchemas<D> } = {
  app: {
    info: z.tuple([]),
    notices: z.tuple([]),
    dismissNotice: z.tuple([id]),
  },
  orgs: {
    list: z.tuple([]),
    // The input's own rules are applied by the service so it can report them field by field.
    add: z.tuple([z.record(z.string(), z.unknown())]),
    // The name's own rules are applied by the service so the user reads why (not 'invalid arguments').
    rename: z.tuple([id, z.string().max(256)]),
    remove: z.tuple([id]),
    exportProfile: z.tuple([id]),
    importProfile: z.tuple([z.string().max(64 * 1024)]),
    pendingLinks: z.tuple([]),
    answerLink: z.tuple([id, z.boolean()]),
  },
  auth: {
    status: z.tuple([]),
    signIn: z.tuple([id, z.strictObject({ staySignedIn: z.boolean(), flow: z.enum(['browser', 'device']).optional() })]),
    cancel: z.tuple([id]),
    signOut: z.tuple([id]),
    setUserName: z.tuple([id, z.string().trim().min(1).max(128)]),
    openVerificationPage: z.tuple([id]),
    chooseRole: z.tuple([id, z.string().min(20).max(2048)]),
  },
  sessions: {
    list: z.tuple([]),
    connect: z.tuple([desktopKey]),
    disconnect: z.tuple([id]),
    openWebAccess: z.tuple([id]),
    vncTicket: z.tuple([id]),
    reportStatus: z.union([
      z.tuple([id, viewerStatus]),
      z.tuple([id, viewerStatus, z.strictObject({ code: z.string().max(64), message: z.string().max(1024), details: z.string().max(4096).optional() })]),
    ]),
    rememberPassword: z.tuple([id, z.string().min(1).max(256)]),
    forgetPassword: z.tuple([id]),
  },
  desktops: {
    list: z.tuple([]),
    refresh: z.tuple([]),
    setVisible: z.tuple([z.boolean()]),
    start: z.tuple([desktopKey]),
    restart: z.tuple([desktopKey]),
    rebuild: z.tuple([desktopKey, z.string().max(256)]),
    changeComputeType: z.tuple([desktopKey, z.string().regex(/^[A-Z0-9_]{1,40}$/)]),
    increaseVolume: z.tuple([desktopKey, z.strictObject({ rootGib: volumeGib.optional(), userGib: volumeGib.optional() })]),
    switchRunningMode: z.tuple([desktopKey, z.enum(['AUTO_STOP', 'ALWAYS_ON'])]),
    connect: z.tuple([desktopKey]),
    dismissProblem: z.tuple([desktopKey]),
  },
  diagnostics: {
    logs: z.tuple([]),
    setLevel: z.tuple([z.enum(LOG_LEVELS)]),
    exportLogs: z.tuple([]),
    networkCheck: z.tuple([]),
  },
  settings: {
    get: z.tuple([]),
    update: z.tuple([
      z
        .strictObject({
          language: z.enum(LANGUAGE_PREFERENCES).optional(),
          theme: z.enum(THEME_PREFERENCES).optional(),
          connectOnOpen: z.boolean().optional(),
          rdpFullScreen: z.boolean().optional(),
        })
        .refine((patch) => Object.keys(patch).length > 0, 'Name at least one preference to change.'),
    ]),
  },
  network: {
    get: z.tuple([]),
    update: z.tuple([networkSettingsSchema]),
    answerProxyLogin: z.tuple([id, z.strictObject({ username: z.string().min(1).max(256), password: z.string().max(1024) }).nullable()]),
  },
};
