import { DescribeWorkspaceDirectoriesCommand, type WorkSpacesClient, type WorkspaceDirectory } from '@aws-sdk/client-workspaces';
import type { OrgProfile } from '@shared/models/org';
import type { SelfServicePermissions } from '@shared/models/desktop';
import { toPermissions } from './map-desktop';
import { MAX_DIRECTORY_PAGES, PageChain } from './pages';

export interface ResolvedDirectory {
  readonly directoryId: string;
  readonly permissions: SelfServicePermissions;
}

/** Thrown when no directory matches: a user-facing problem, not a transport one. */
export class DirectoryNotFound extends Error {
  override readonly name = 'DirectoryNotFound';
}

/**
 * The org's directory and its self-service permissions: by the profile's directory id, else by
 * matching the registration code (case-insensitive) across all pages of DescribeWorkspaceDirectories.
 */
export async function resolveDirectory(client: WorkSpacesClient, org: OrgProfile): Promise<ResolvedDirectory> {
  if (org.directoryId !== undefined) {
    const out = await client.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [org.directoryId] }));
    const found = out.Directories?.find((d) => d.DirectoryId === org.directoryId);
    if (found === undefined) throw new DirectoryNotFound(`The directory ${org.directoryId} of ${org.name} was not found in ${org.region ?? 'its Region'}.`);
    return resolved(found);
  }
  const wanted = org.code.toLowerCase();
  let token: string | undefined;
  const chain = new PageChain('the WorkSpaces directories', MAX_DIRECTORY_PAGES);
  do {
    const out = await client.send(new DescribeWorkspaceDirectoriesCommand({ Limit: 25, ...(token === undefined ? {} : { NextToken: token }) }));
    const match = out.Directories?.find((d) => d.RegistrationCode?.toLowerCase() === wanted);
    if (match !== undefined) return resolved(match);
    token = chain.next(out.NextToken);
  } while (token !== undefined);
  throw new DirectoryNotFound(`No WorkSpaces directory with the registration code ${org.code} is visible to your sign-in in ${org.region ?? 'this Region'}.`);
}

function resolved(d: WorkspaceDirectory): ResolvedDirectory {
  return { directoryId: d.DirectoryId ?? '', permissions: toPermissions(d.SelfservicePermissions) };
}
