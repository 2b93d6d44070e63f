import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoticeCenter } from '@core/app/notice-center';
import { AuthService } from '@core/auth/auth-service';
import { EventBus } from '@core/events';
import { Logger } from '@core/log/logger';
import { OrgService } from '@core/orgs/org-service';
import type { Browser, Clock, SecretStore } from '@core/ports';
import { SettingsStore } from '@core/settings/settings-store';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { SignInVault } from '@core/vault/sign-in-vault';
import type { ManagedPolicy } from '@shared/models/org';
import { type Emulator, loginWithPassword } from '../../emulator';
import { testFetch } from '../support/network';
import type { NetworkFetch } from '@core/network/port';

/** Core's Clock port under the test's hand: time moves only on advance(), which fires due timers. */
export class ManualClock implements Clock {
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;
  /** Core's time ahead of the linked clock (advance with alone: true). */
  private drift = 0;
  private alone = false;

  constructor(
    private readonly base: () => number,
    private readonly move: (ms: number) => void,
  ) {}

  /** A clock that moves together with the emulator's manual clock. */
  static linkedTo(emu: Emulator): ManualClock {
    return new ManualClock(
      () => emu.clock.now(),
      (ms) => emu.clock.advance(ms),
    );
  }

  /** A clock frozen at `start` that moves only on advance(). */
  static fixed(start = Date.now()): ManualClock {
    let current = start;
    return new ManualClock(
      () => current,
      (ms) => (current += ms),
    );
  }

  /** A clock `offsetMs` away from real time (a computer whose clock is wrong). */
  static offset(offsetMs: number): ManualClock {
    let extra = 0;
    return new ManualClock(
      () => Date.now() + offsetMs + extra,
      (ms) => (extra += ms),
    );
  }

  now(): number {
    return this.base() + this.drift;
  }

  private step(ms: number): void {
    if (this.alone) this.drift += ms;
    else this.move(ms);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.now() + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing every timer that falls due, and lets the promises they start settle. */
  async advance(ms: number, options: { alone?: boolean } = {}): Promise<void> {
    this.alone = options.alone ?? false;
    const target = this.now() + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      if (due.at > this.now()) this.step(due.at - this.now());
      this.timers = this.timers.filter((t) => t !== due);
      due.callback();
      await settle();
    }
    if (target > this.now()) this.step(target - this.now());
    this.alone = false;
    await settle();
  }
}

/** Lets pending I/O callbacks and promise chains run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface PlayedBrowser extends Browser {
  readonly opened: string[];
  /** The last user-play failure, if any (wrong password, no form). */
  readonly failures: unknown[];
  /** Resolves with the next URL opened. */
  next(): Promise<string>;
}

/**
 * The "system browser": records each URL and, unless told otherwise, plays the user — signs in on
 * the emulator's login form and follows the redirect back to Deskbridge's loopback listener.
 */
export interface Rewrites {
  /** Changes the authorization URL before "the user" opens it (a tampered request). */
  readonly authorize?: (url: string) => string;
  /** Changes the redirect back to Deskbridge (a forged or mixed-up answer). */
  readonly redirect?: (url: string) => string;
}

export function playingBrowser(user: { username: string; password: string } | null, rewrite: Rewrites = {}): PlayedBrowser {
  const opened: string[] = [];
  const failures: unknown[] = [];
  const waiters: ((url: string) => void)[] = [];
  return {
    opened,
    failures,
    next: () => new Promise<string>((resolve) => waiters.push(resolve)),
    open: async (url) => {
      opened.push(url);
      waiters.shift()?.(url);
      if (user === null) return;
      void (async () => {
        const redirect = await loginWithPassword(rewrite.authorize ? rewrite.authorize(url) : url, user.username, user.password);
        await (await fetch(rewrite.redirect ? rewrite.redirect(redirect) : redirect)).text();
      })().catch((error: unknown) => failures.push(error));
    },
  };
}

export const ALICE = { username: 'alice', password: 'alice-demo-pass' };

export interface AuthUnderTest {
  readonly auth: AuthService;
  readonly orgs: OrgService;
  readonly events: EventBus;
  readonly notices: NoticeCenter;
  readonly secrets: SecretStore;
  readonly dir: string;
  readonly oidcOrgId: string;
  readonly idcOrgId: string;
  close(): Promise<void>;
}

export async function startAuth(
  emu: Emulator,
  options: {
    clock: Clock;
    browser: Browser;
    secrets?: SecretStore;
    requestTimeoutMs?: number;
    fetch?: NetworkFetch;
    policy?: ManagedPolicy;
    settingsDir?: string;
  },
): Promise<AuthUnderTest> {
  const dir = options.settingsDir ?? (await mkdtemp(join(tmpdir(), 'deskbridge-auth-')));
  const store = new SettingsStore(join(dir, 'settings.json'));
  await store.load();
  const events = new EventBus();
  const notices = new NoticeCenter(events);
  const policy = options.policy ?? emu.demo.managedPolicy;
  const orgs = new OrgService(store, policy, events);
  const secrets = options.secrets ?? new MemorySecretStore();
  const auth = new AuthService({
    orgs,
    events,
    notices,
    vault: new SignInVault(secrets, options.clock),
    browser: options.browser,
    clock: options.clock,
    log: new Logger().scoped('auth'),
    fetch: options.fetch ?? testFetch,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  const ids = orgs.snapshot().organizations;
  const oidcOrgId = ids.find((o) => o.signIn.method === 'oidc')?.id ?? '';
  const idcOrgId = ids.find((o) => o.signIn.method === 'identity-center')?.id ?? '';
  return {
    auth,
    orgs,
    events,
    notices,
    secrets,
    dir,
    oidcOrgId,
    idcOrgId,
    close: async () => {
      auth.dispose();
      if (!options.settingsDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
