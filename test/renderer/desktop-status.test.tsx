import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopRow } from '@renderer/features/desktops/desktop-row';
import { I18nContext, type Language, translator } from '@renderer/i18n';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import type { SessionInfo } from '@shared/ipc/domains/sessions';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'deskbridge');
});

const NOW = 1_800_000_000_000;

const DESIGN_PC: DesktopEntry = {
  key: 'org/ws-design01',
  orgId: 'org',
  workspaceId: 'ws-design01',
  directoryId: 'd-1',
  userName: 'alice',
  name: 'Design-PC',
  state: 'AVAILABLE',
  protocols: ['WSP'],
  modifications: [],
};

/** A launch that failed, as core shows it now: the connect ended as failed, the reason on the desktop. */
const FAILED_LAUNCH: DesktopEntry = {
  ...DESIGN_PC,
  connect: { phase: 'failed', startedAt: NOW - 2_000 },
  problem: { action: 'connect', at: NOW - 1_000, code: 'rdp-client-missing', message: 'No RDP client is installed on this computer.' },
};

const SESSION: SessionInfo = {
  id: 's-1',
  desktopKey: DESIGN_PC.key,
  orgId: 'org',
  workspaceId: 'ws-design01',
  desktopName: 'Design-PC',
  method: 'rdp',
  client: 'xfreerdp',
  status: 'connected',
  startedAt: NOW,
};

function row(d: DesktopEntry, language: Language = 'en', session?: SessionInfo, dismissed: string[] = []): HTMLElement {
  render(
    <I18nContext.Provider value={translator(language)}>
      <DesktopRow
        desktop={d}
        permissions={undefined}
        now={NOW}
        locale={language}
        onAction={() => undefined}
        onConnect={() => undefined}
        onDismiss={(x) => void dismissed.push(x.key)}
        {...(session === undefined ? {} : { session })}
      />
    </I18nContext.Provider>,
  );
  return screen.getByRole('article', { name: 'Design-PC' });
}

describe('one desktop shows one truthful status at a time', () => {
  it('after a failed launch, only the failure and its next step: no session, no "opening your session"', () => {
    const dismissed: string[] = [];
    const card = row(FAILED_LAUNCH, 'en', undefined, dismissed);
    expect(card.textContent).toContain('Connect failed: This desktop connects with RDP, but no RDP client is installed.');
    expect(card.textContent).not.toMatch(/opening your session|Handed to the WorkSpaces client|Starting Design-PC/);
    expect(within(card).queryByRole('status')).toBeNull();
    // The next steps: try again, or dismiss.
    expect(within(card).getByRole('button', { name: 'Connect to Design-PC' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss' }));
    expect(dismissed).toEqual([DESIGN_PC.key]);
  });

  it('says the same in German', () => {
    const card = row(FAILED_LAUNCH, 'de');
    expect(card.textContent).toContain('Verbinden fehlgeschlagen: Dieser Desktop verbindet sich über RDP, aber es ist kein RDP-Client installiert.');
    expect(card.textContent).not.toMatch(/Sitzung wird geöffnet|An den WorkSpaces-Client übergeben/);
  });

  it('a failed connect whose desktop was still "ready" shows the failure, not "opening your session"', () => {
    const card = row({ ...FAILED_LAUNCH, connect: { phase: 'ready', startedAt: NOW - 2_000, readyAt: NOW - 1_500 } });
    expect(card.textContent).toContain('Connect failed');
    expect(card.textContent).not.toContain('opening your session');
  });

  it('an open session replaces "opening your session"', () => {
    const card = row({ ...DESIGN_PC, connect: { phase: 'ready', startedAt: NOW - 2_000, readyAt: NOW - 1_500 } }, 'en', SESSION);
    expect(card.querySelector('.status-line')?.textContent).toBe('Open in FreeRDP');
    expect(card.textContent).not.toMatch(/opening your session|waiting for AWS/);
  });

  it('with no client for workspaces:// links, offers Web Access beside the failure', () => {
    const opened: string[] = [];
    Object.defineProperty(window, 'deskbridge', {
      value: { sessions: { openWebAccess: async (orgId: string) => (opened.push(orgId), { ok: true, value: null }) } },
      configurable: true,
    });
    const card = row({
      ...FAILED_LAUNCH,
      problem: { ...FAILED_LAUNCH.problem!, code: 'handoff-no-handler', message: 'The Amazon WorkSpaces client is not installed on this computer.' },
    });
    expect(card.textContent).toContain('Connect failed: The Amazon WorkSpaces client is not installed on this computer.');
    fireEvent.click(within(card).getByRole('button', { name: 'Open Web Access in the browser' }));
    expect(opened).toEqual(['org']);
  });
});

describe('the card’s main action fits the desktop’s state', () => {
  function card(d: DesktopEntry, connected: string[] = []): HTMLElement {
    render(
      <I18nContext.Provider value={translator('en')}>
        <DesktopRow
          desktop={d}
          permissions={undefined}
          now={NOW}
          locale="en"
          onAction={() => undefined}
          onConnect={(x) => void connected.push(x.key)}
          onDismiss={() => undefined}
        />
      </I18nContext.Provider>,
    );
    return screen.getByRole('article', { name: d.name });
  }

  it('Connect when ready; Enter on the card does the same', () => {
    const connected: string[] = [];
    const c = card(DESIGN_PC, connected);
    expect(within(c).getByRole('button', { name: 'Connect to Design-PC' }).textContent).toBe('Connect');
    fireEvent.keyDown(c, { key: 'Enter' });
    expect(connected).toEqual([DESIGN_PC.key]);
  });

  it('Start and connect when stopped and startable', () => {
    const c = card({ ...DESIGN_PC, state: 'STOPPED', runningMode: 'AUTO_STOP' });
    expect(within(c).getByRole('button', { name: 'Start and connect to Design-PC' }).textContent).toBe('Start and connect');
    expect(within(c).queryByRole('button', { name: /^Connect to/ })).toBeNull();
  });

  it('“Why can’t I connect?” otherwise, opening the explanation; Enter does nothing', () => {
    const connected: string[] = [];
    const c = card({ ...DESIGN_PC, state: 'UNHEALTHY' }, connected);
    const why = within(c).getByRole('button', { name: 'Why can’t I connect to Design-PC?' });
    const explanation = document.getElementById(why.getAttribute('aria-controls') ?? '');
    expect(explanation?.hidden).toBe(true);
    expect(why.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(why);
    expect(explanation?.hidden).toBe(false);
    expect(explanation?.textContent).toContain('A restart often helps');
    fireEvent.keyDown(c, { key: 'Enter' });
    expect(connected).toEqual([]);
  });

  it('details (volumes, compute, protocol) sit behind a disclosure', () => {
    const c = card({ ...DESIGN_PC, computeType: 'PERFORMANCE', rootVolumeGib: 175, userVolumeGib: 100 });
    const details = c.querySelector('details.desktop-details');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.textContent).toContain('root 175 GiB, user 100 GiB');
  });
});
