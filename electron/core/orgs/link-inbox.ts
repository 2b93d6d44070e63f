import { randomUUID } from 'node:crypto';
import { parseDeepLink } from '../../../shared/lib/deep-link';
import type { PendingLink } from '../../../shared/ipc/domains/orgs';
import type { Result } from '../../../shared/ipc/result';
import type { OrgInput } from '../../../shared/models/org';
import type { NoticeCenter } from '../app/notice-center';
import type { EventBus } from '../events';

const MAX_PENDING = 5;

/** Checks a profile before it is offered (the organization service's rules for what users supply). */
export type ProfileVetter = (input: OrgInput) => Result<OrgInput>;

/**
 * Registration links and imported profile files wait here until the user confirms or refuses
 * them; nothing is added unasked.
 */
export class LinkInbox {
  private pending: readonly PendingLink[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly notices: NoticeCenter,
    private readonly vet: ProfileVetter = (input) => ({ ok: true, value: input }),
  ) {}

  list(): readonly PendingLink[] {
    return this.pending;
  }

  receive(url: unknown): PendingLink | null {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      this.notices.add('error', 'link-refused', 'A Deskbridge link was refused.', parsed.message);
      return null;
    }
    const vetted = this.vet(parsed.input);
    if (!vetted.ok) {
      this.notices.add('error', 'link-refused', 'A Deskbridge link was refused.', `${vetted.error.message}${vetted.error.details ? `\n${vetted.error.details}` : ''}`);
      return null;
    }
    return this.offer(vetted.value, 'link');
  }

  /** Queues a profile that passed its checks for the user's confirmation. */
  offer(input: OrgInput, source: PendingLink['source']): PendingLink {
    const duplicate = this.pending.find((p) => JSON.stringify(p.input) === JSON.stringify(input));
    if (duplicate) return duplicate;
    const link: PendingLink = { id: randomUUID(), input, source };
    this.pending = [...this.pending, link].slice(-MAX_PENDING);
    this.events.emit('orgs:links', this.pending);
    return link;
  }

  take(id: string): PendingLink | undefined {
    const link = this.pending.find((p) => p.id === id);
    if (link) {
      this.pending = this.pending.filter((p) => p.id !== id);
      this.events.emit('orgs:links', this.pending);
    }
    return link;
  }
}
