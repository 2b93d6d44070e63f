import type { OrgsApi } from '@shared/ipc/domains/orgs';
import { fail, ok } from '@shared/ipc/result';
import type { LinkInbox } from './link-inbox';
import type { OrgService } from './org-service';
import { exportProfile, parseProfileFile } from './profile-file';

export function createOrgsApi(orgs: OrgService, links: LinkInbox): OrgsApi {
  return {
    list: async () => ok(orgs.snapshot()),
    add: (input) => orgs.add(input),
    rename: (id, name) => orgs.rename(id, name),
    remove: (id) => orgs.remove(id),
    exportProfile: async (id) => {
      const org = orgs.find(id);
      return org ? ok(exportProfile(org)) : fail('unknown-organization', 'This organization no longer exists.');
    },
    // An import is confirmed like a link: checked here, added only when the user accepts it.
    importProfile: async (text) => {
      const forbidden = orgs.addingForbidden();
      if (forbidden) return forbidden;
      const input = parseProfileFile(text);
      if (!input.ok) return input;
      const vetted = orgs.vet(input.value);
      if (!vetted.ok) return vetted;
      return orgs.duplicateOf(vetted.value.code) ?? ok(links.offer(vetted.value, 'file'));
    },
    pendingLinks: async () => ok(links.list()),
    answerLink: async (id, accept) => {
      const link = links.list().find((p) => p.id === id);
      if (!link) return fail('unknown-link', 'This link was already answered.');
      if (accept) {
        const added = await orgs.add(link.input);
        // Still pending on failure, so the dialog stays open to say why; the user can then refuse.
        if (!added.ok) return added;
      }
      links.take(id);
      return ok(orgs.snapshot());
    },
  };
}
