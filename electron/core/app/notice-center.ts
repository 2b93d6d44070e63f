import { randomUUID } from 'node:crypto';
import type { Notice, NoticeLevel } from '@shared/ipc/domains/app';
import type { AppNoticeCode, ErrorParams } from '@shared/ipc/errors';
import type { EventBus } from '../events';

const MAX_NOTICES = 20;

/** Notices the user should read (recovered settings, refused links, policy problems). */
export class NoticeCenter {
  private notices: readonly Notice[] = [];

  constructor(private readonly events: EventBus) {}

  list(): readonly Notice[] {
    return this.notices;
  }

  add(level: NoticeLevel, code: AppNoticeCode, message: string, details?: string, params?: ErrorParams): Notice {
    const notice: Notice = {
      id: randomUUID(),
      level,
      code,
      message,
      ...(details === undefined ? {} : { details }),
      ...(params === undefined ? {} : { params }),
    };
    this.notices = [...this.notices, notice].slice(-MAX_NOTICES);
    this.events.emit('app:notices', this.notices);
    return notice;
  }

  dismiss(id: string): readonly Notice[] {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.events.emit('app:notices', this.notices);
    return this.notices;
  }
}
