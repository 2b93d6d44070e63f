import type { OrgInput, OrgProfile } from '../../models/org';
import type { Result } from '../result';

export interface OrgsSnapshot {
  readonly organizations: readonly OrgProfile[];
  /** False when the managed policy forbids adding organizations. */
  readonly canAdd: boolean;
  /** False when the managed policy forbids staying signed in. */
  readonly canStaySignedIn: boolean;
}

/** A registration link waiting for the user's confirmation. */
export interface PendingLink {
  readonly id: string;
  readonly input: OrgInput;
}

export interface OrgsApi {
  list(): Promise<Result<OrgsSnapshot>>;
  add(input: OrgInput): Promise<Result<OrgProfile>>;
  rename(id: string, name: string): Promise<Result<OrgProfile>>;
  remove(id: string): Promise<Result<OrgsSnapshot>>;
  /** The profile as a file's text (no secrets), for sharing with a colleague. */
  exportProfile(id: string): Promise<Result<string>>;
  importProfile(text: string): Promise<Result<OrgProfile>>;
  pendingLinks(): Promise<Result<readonly PendingLink[]>>;
  /** Accept (adds the organization) or refuse a pending registration link. */
  answerLink(id: string, accept: boolean): Promise<Result<OrgsSnapshot>>;
}

export interface OrgsEvents {
  'orgs:changed': OrgsSnapshot;
  'orgs:links': readonly PendingLink[];
}

export const orgsMethods = [
  'list',
  'add',
  'rename',
  'remove',
  'exportProfile',
  'importProfile',
  'pendingLinks',
  'answerLink',
] as const;
export const orgsEvents = ['orgs:changed', 'orgs:links'] as const;
