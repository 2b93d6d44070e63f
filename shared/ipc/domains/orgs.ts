import type { OrgInput, OrgProfile } from '@shared/models/org';
import type { Result } from '../result';

export interface OrgsSnapshot {
  readonly organizations: readonly OrgProfile[];
  /** False when the managed policy forbids adding organizations. */
  readonly canAdd: boolean;
  /** False when the managed policy forbids staying signed in. */
  readonly canStaySignedIn: boolean;
}

/** A registration link or an imported profile file waiting for the user's confirmation. */
export interface PendingLink {
  readonly id: string;
  readonly input: OrgInput;
  /** Where it came from: a deskbridge:// link or a profile file the user imported. */
  readonly source: 'link' | 'file';
}

export interface OrgsApi {
  list(): Promise<Result<OrgsSnapshot>>;
  add(input: OrgInput): Promise<Result<OrgProfile>>;
  rename(id: string, name: string): Promise<Result<OrgProfile>>;
  remove(id: string): Promise<Result<OrgsSnapshot>>;
  /** The profile as a file's text (no secrets), for sharing with a colleague. */
  exportProfile(id: string): Promise<Result<string>>;
  /** Checks a profile file and queues it for the user's confirmation, like a link (answerLink adds it). */
  importProfile(text: string): Promise<Result<PendingLink>>;
  pendingLinks(): Promise<Result<readonly PendingLink[]>>;
  /** Accept (adds the organization) or refuse a pending registration link or imported file. */
  answerLink(id: string, accept: boolean): Promise<Result<OrgsSnapshot>>;
}

export interface OrgsEvents {
  'orgs:changed': OrgsSnapshot;
  'orgs:links': readonly PendingLink[];
}

export const orgsMethods = ['list', 'add', 'rename', 'remove', 'exportProfile', 'importProfile', 'pendingLinks', 'answerLink'] as const;
export const orgsEvents = ['orgs:changed', 'orgs:links'] as const;
