import { randomUUID } from 'node:crypto';
import { parseDeepLink } from '../../../shared/lib/deep-link';
import type { PendingLink } from '../../../shared/ipc/domains/orgs';
import type { NoticeCenter } from '../app/notice-center';
import type { EventBus } from '../events';

const MAX_PENDING = 5;

/** Registration links wait here until the user confirms or refuses them; nothing is added unasked. */
export class LinkInbox {
  private pending: readonly PendingLink[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly notices: NoticeCenter,
  ) {}

  list(): readonly PendingLink[] {
    return this.pending;
  }

  receive(url: unknown): PendingLink | null {
    const parsed = parseDeepLink(url);
    if (!parsed.ok) {
      this.notices.add('error', 'A Deskbridge link was refused.', parsed.message);
      return null;
    }
    const duplicate = this.pending.find((p) => JSON.stringify(p.input) === JSON.stringify(parsed.input));
    if (duplicate) return duplicate;
    const link: PendingLink = { id: randomUUID(), input: parsed.input };
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
