import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import type { DemoUser } from './seed';

/** Shared state of the emulated IAM Identity Center: OIDC clients, grants and portal tokens. */
export interface IdcClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly grantTypes: readonly string[];
  readonly expiresAt: number;
}

export interface DeviceAuthorization {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly expiresAt: number;
  readonly intervalSeconds: number;
  lastPollAt?: number;
  status: 'pending' | 'approved' | 'denied' | 'used';
  userName?: string;
}

export interface AuthorizationCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly userName: string;
  readonly expiresAt: number;
}

export interface IdcToken {
  readonly userName: string;
  readonly clientId: string;
  readonly expiresAt: number;
}

export interface IdcAssignment {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly roleName: string;
  /**
   * The permission set's attributes for access control: tag key → ${path:…} of the user, which
   * become the session's principal tags (only ${path:userName} is modelled).
   */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The principal tags of a user's session from the permission set's attributes for access control. */
export function attributeTags(attributes: Readonly<Record<string, string>>, userName: string): Readonly<Record<string, string>> | undefined {
  const entries = Object.entries(attributes).map(([key, source]) => [key, source.replaceAll('${path:userName}', userName)] as const);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

export interface IdentityCenterState {
  readonly clock: Clock;
  readonly users: readonly DemoUser[];
  readonly assignments: readonly IdcAssignment[];
  readonly accessTokenSeconds: number;
  readonly clients: Map<string, IdcClient>;
  readonly devices: Map<string, DeviceAuthorization>;
  readonly codes: Map<string, AuthorizationCode>;
  readonly accessTokens: Map<string, IdcToken>;
  readonly refreshTokens: Map<string, IdcToken>;
  newSecret(bytes?: number): string;
  newUserCode(): string;
  issueTokens(userName: string, clientId: string, withRefresh: boolean): { accessToken: string; refreshToken?: string; expiresIn: number };
  /** Test helper: the user at the device page pressed "Deny". */
  denyDevice(userCode: string): void;
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function createIdentityCenterState(options: {
  clock: Clock;
  users: readonly DemoUser[];
  assignments: readonly IdcAssignment[];
  accessTokenSeconds?: number;
}): IdentityCenterState {
  const state: IdentityCenterState = {
    clock: options.clock,
    users: options.users,
    assignments: options.assignments,
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
    clients: new Map(),
    devices: new Map(),
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    newSecret: (bytes = 32) => randomBytes(bytes).toString('base64url'),
    newUserCode() {
      const letters = 'BCDFGHJKLMNPQRSTVWXZ';
      const pick = (): string => Array.from(randomBytes(4), (b) => letters[b % letters.length]).join('');
      return `${pick()}-${pick()}`;
    },
    issueTokens(userName, clientId, withRefresh) {
      const now = options.clock.now();
      const accessToken = `aoa${randomUUID().replace(/-/g, '')}:${state.newSecret(48)}`;
      state.accessTokens.set(accessToken, { userName, clientId, expiresAt: now + state.accessTokenSeconds * 1000 });
      if (!withRefresh) return { accessToken, expiresIn: state.accessTokenSeconds };
      const refreshToken = `aor${state.newSecret(64)}`;
      state.refreshTokens.set(refreshToken, { userName, clientId, expiresAt: now + 90 * 86_400_000 });
      return { accessToken, refreshToken, expiresIn: state.accessTokenSeconds };
    },
    denyDevice(userCode) {
      for (const device of state.devices.values()) if (device.userCode === userCode) device.status = 'denied';
    },
  };
  return state;
}
