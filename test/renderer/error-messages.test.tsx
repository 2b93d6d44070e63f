import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeBar } from '../../renderer/src/components/notice-bar';
import { SessionBadge } from '../../renderer/src/features/sessions/session-badge';
import { I18nContext, translator } from '../../renderer/src/i18n';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { errorText } from '../../renderer/src/i18n/error-text';
import { ERROR_CODES, ERROR_CODES_BY_DOMAIN } from '../../shared/ipc/errors';
import type { SessionInfo } from '../../shared/ipc/domains/sessions';

afterEach(cleanup);

const catalogs: Readonly<Record<'en' | 'de', Readonly<Record<string, string>>>> = { en, de };

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

const everyCode = Object.entries(ERROR_CODES_BY_DOMAIN).flatMap(([domain, codes]) => codes.map((code) => [domain, code] as const));

describe('every error code core sends has words in English and German', () => {
  it('lists codes in every domain that can fail', () => {
    for (const domain of ['app', 'orgs', 'auth', 'desktops', 'sessions'] as const) expect(ERROR_CODES_BY_DOMAIN[domain].length, domain).toBeGreaterThan(0);
  });

  it.each(everyCode)('%s: %s has an English and a German message with the same placeholders', (_domain, code) => {
    const english = catalogs.en[`error.${code}`];
    const german = catalogs.de[`error.${code}`];
    expect(english, 'en').toMatch(/\S/);
    expect(german, 'de').toMatch(/\S/);
    expect(placeholders(german ?? ''), 'placeholders').toEqual(placeholders(english ?? ''));
    expect(german, 'German differs from English').not.toBe(english);
  });

  it('has no message for a code that no domain lists', () => {
    const worded = Object.keys(en).filter((key) => key.startsWith('error.') && key !== 'error.unknown');
    expect(worded.sort()).toEqual(ERROR_CODES.map((code) => `error.${code}`).sort());
  });

  it('fills the placeholders from the error’s params', () => {
    const text = errorText(translator('de'), { code: 'duplicate-organization', params: { name: 'Acme', code: 'WSpdx+ABC123' } });
    expect(text).toBe('„Acme“ verwendet den Code WSpdx+ABC123 bereits.');
  });

  it('words a code outside the lists generically, in the user’s language, naming the code', () => {
    const text = errorText(translator('de'), { code: 'from-a-newer-core' });
    expect(text).toContain('Etwas ist schiefgegangen');
    expect(text).toContain('from-a-newer-core');
  });
});

describe('a failure in the German UI', () => {
  it('shows no English from core, only the technical details untranslated', () => {
    const session: SessionInfo = {
      id: 's1',
      desktopKey: 'org-1/ws-abc',
      orgId: 'org-1',
      workspaceId: 'ws-abc',
      desktopName: 'Design-PC',
      method: 'rdp',
      client: 'xfreerdp',
      status: 'failed',
      startedAt: 0,
      error: { code: 'rdp-client-failed', message: 'FreeRDP could not be started, so the desktop was not opened.', params: { client: 'FreeRDP' }, details: 'xfreerdp: ENOENT' },
    };
    render(
      <I18nContext.Provider value={translator('de')}>
        <SessionBadge session={session} />
      </I18nContext.Provider>,
    );
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toContain('FreeRDP ließ sich nicht starten oder hat sich sofort wieder beendet');
    expect(text).not.toContain('could not be started');
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('words core’s notices by code, with their params', () => {
    const notice = { id: 'n1', level: 'warning', code: 'org-removed-untrusted', message: '“Acme” (WSpdx+ABC123) was removed: it used addresses that only your IT department can set.', params: { name: 'Acme', code: 'WSpdx+ABC123' }, details: 'signIn.issuer: http://evil.example' } as const;
    render(
      <I18nContext.Provider value={translator('de')}>
        <NoticeBar notices={[notice]} onDismiss={() => undefined} />
      </I18nContext.Provider>,
    );
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toContain('„Acme“ (WSpdx+ABC123) wurde entfernt');
    expect(text).not.toContain('was removed');
  });
});
