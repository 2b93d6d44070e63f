import { randomUUID } from 'node:crypto';
import type { BrokerConfig } from '@shared/broker/api';
import { type BrokerLinkHints, parseLink } from '@shared/lib/deep-link';
import { parseRegistrationCode } from '@shared/lib/registration-code';
import type { PendingLink } from '@shared/ipc/domains/orgs';
import type { Result } from '@shared/ipc/result';
import type { OrgInput } from '@shared/models/org';
import type { NoticeCenter } from '../app/notice-center';
import type { EventBus } from '../events';

const MAX_PENDING = 5;

/** Checks a profile before it is offered (the organization service's rules for what users supply). */
export type ProfileVetter = (input: OrgInput) => Result<OrgInput>;

/** Reads a broker's public configuration (GET /v1/config), for links that carry just its URL. */
export type BrokerConfigReader = (brokerUrl: string) => Promise<BrokerConfig>;

/**
 * Registration links and imported profile files wait here until the user confirms or refuses
 * them; nothing is added unasked.
 */
export class LinkInbox {
  private pending: readonly PendingLink[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly notices: NoticeCenter,
    private readonly vet: ProfileVetter,
    private readonly brokerConfig: BrokerConfigReader,
  ) {}

  list(): readonly PendingLink[] {
    return this.pending;
  }

  receive(url: unknown): PendingLink | null {
    const parsed = parseLink(url);
    if (!parsed.ok) {
      this.refuse(parsed.message);
      return null;
    }
    if (parsed.action === 'register-broker') {
      void this.receiveBroker(parsed.brokerUrl, parsed.hints);
      return null;
    }
    return this.offerVetted(parsed.input);
  }

  /**
   * A broker link with just the broker's URL: the URL must be one the user may use (managed
   * configuration trusts its host) before Deskbridge contacts it; the broker's public
   * configuration then fills in the sign-in, and the user confirms all of it as usual.
   */
  private async receiveBroker(brokerUrl: string, hints: BrokerLinkHints): Promise<PendingLink | null> {
    // Until the broker answers, its URL is the only address (as the issuer too: the same host).
    const provisional = this.vet(
      brokerInput(brokerUrl, hints, {
        issuer: brokerUrl,
        clientId: 'deskbridge',
        userNameClaim: 'sub',
        name: hints.name ?? 'Broker',
        region: hints.region ?? 'us-east-1',
      }),
    );
    if (!provisional.ok) {
      this.refuse(`${provisional.error.message}${provisional.error.details ? `\n${provisional.error.details}` : ''}`);
      return null;
    }
    let config: BrokerConfig;
    try {
      config = await this.brokerConfig(brokerUrl);
    } catch (error) {
      const details =
        error instanceof Error && 'details' in error && typeof error.details === 'string'
          ? error.details
          : error instanceof Error
            ? error.message
            : String(error);
      this.refuse(`The broker at ${new URL(brokerUrl).host} did not give its configuration. ${details}`);
      return null;
    }
    return this.offerVetted(brokerInput(brokerUrl, hints, config));
  }

  private offerVetted(input: OrgInput): PendingLink | null {
    const vetted = this.vet(input);
    if (!vetted.ok) {
      this.refuse(`${vetted.error.message}${vetted.error.details ? `\n${vetted.error.details}` : ''}`);
      return null;
    }
    return this.offer(vetted.value, 'link');
  }

  private refuse(details: string): void {
    this.notices.add('error', 'link-refused', 'A Deskbridge link was refused.', details);
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

/** A broker organization from a link's hints and the broker's configuration (the link's own values first). */
function brokerInput(
  brokerUrl: string,
  hints: BrokerLinkHints,
  config: Pick<BrokerConfig, 'issuer' | 'clientId' | 'userNameClaim' | 'name' | 'region'>,
): OrgInput {
  return {
    code: hints.code ?? codeFor(brokerUrl),
    name: hints.name ?? config.name,
    region: hints.region ?? config.region,
    ...(hints.directoryId === undefined ? {} : { directoryId: hints.directoryId }),
    signIn: { method: 'broker', brokerUrl, issuer: config.issuer, clientId: config.clientId, userNameClaim: config.userNameClaim },
  };
}

/** Without a code in the link: the broker's host where it reads as an alias, else a fixed opaque code. */
function codeFor(brokerUrl: string): string {
  const host = new URL(brokerUrl).hostname;
  const parsed = parseRegistrationCode(host);
  return parsed.ok && parsed.kind === 'alias' ? parsed.code : 'broker';
}
