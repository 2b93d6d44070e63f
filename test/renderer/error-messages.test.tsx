import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeBar } from '@renderer/components/notice-bar';
import { SessionBadge } from '@renderer/features/sessions/session-badge';
import { I18nContext, translator } from '@renderer/i18n';
import { de } from '@renderer/i18n/de';
import { en } from '@renderer/i18n/en';
import { errorText } from '@renderer/i18n/error-text';
import { ERROR_CODES, ERROR_CODES_BY_DOMAIN } from '@shared/ipc/errors';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import { englishReason, FIELD_REASONS, type FieldReason } from '@shared/lib/field-reasons';
import { parseRegistrationCode } from '@shared/lib/registration-code';
import { fieldErrors, fieldReasonText, orgFailureText } from '@renderer/features/orgs/field-errors';

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
      error: {
        code: 'rdp-client-failed',
        message: 'FreeRDP could not be started, so the desktop was not opened.',
        params: { client: 'FreeRDP' },
        details: 'xfreerdp: ENOENT',
      },
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
    const notice = {
      id: 'n1',
      level: 'warning',
      code: 'org-removed-untrusted',
      message: '“Acme” (WSpdx+ABC123) was removed: it used addresses that only your IT department can set.',
      params: { name: 'Acme', code: 'WSpdx+ABC123' },
      details: 'signIn.issuer: http://evil.example',
    } as const;
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

describe('every field reason core sends has words in English and German', () => {
  const coreEnglish = (reason: FieldReason): string => englishReason({ reason });

  it.each([...FIELD_REASONS])('%s has an English and a German message with the params core sends', (reason) => {
    const english = catalogs.en[`fieldReason.${reason}`];
    const german = catalogs.de[`fieldReason.${reason}`];
    expect(english, 'en').toMatch(/\S/);
    expect(german, 'de').toMatch(/\S/);
    expect(german, 'German differs from English').not.toBe(english);
    expect(placeholders(german ?? ''), 'de placeholders').toEqual(placeholders(english ?? ''));
    expect(placeholders(english ?? ''), 'the params core fills').toEqual(placeholders(coreEnglish(reason)));
  });

  it('has no message for a reason the list lacks', () => {
    const worded = Object.keys(en).filter((key) => key.startsWith('fieldReason.'));
    expect(worded.sort()).toEqual(FIELD_REASONS.map((reason) => `fieldReason.${reason}`).sort());
  });

  it('words a refused organization from its codes: no line of core’s English reaches the German UI', () => {
    const fields = [
      { path: 'signIn.issuer', reason: 'url-not-https' },
      {
        path: 'endpoints.sts',
        reason: 'trust-endpoint',
        params: { host: 'sts.attacker.example', service: 'sts', example: 'https://sts.us-east-1.amazonaws.com' },
      },
      { path: 'code', reason: 'code-invalid-alias', params: { value: 'a..b' } },
    ] as const;
    const details = fields.map((field) => `${field.path}: ${englishReason(field)}`).join('\n');
    const error = {
      code: 'untrusted-address',
      message: 'This organization uses addresses that only your IT department can set, so it was not added.',
      details,
      fields,
    } as const;
    const t = translator('de');
    const text = orgFailureText(t, error);
    expect(text).toContain('sts.attacker.example ist nicht die eigene sts-Adresse von AWS');
    expect(text).toContain('„a..b“ ist kein gültiger Verbindungsalias');
    for (const line of [error.message, ...fields.map((field) => englishReason(field))]) expect(text).not.toContain(line);
    expect(Object.values(fieldErrors(t, fields))).toEqual(
      fields.map((field) => t(`fieldReason.${field.reason}`, 'params' in field ? field.params : undefined)),
    );
  });

  it('words the registration code’s own rejections by code, as the form shows them live', () => {
    for (const input of ['', 'wsiad+abc', 'desk top', 'a'.repeat(21), 'a'.repeat(300), 'bad..alias']) {
      const parsed = parseRegistrationCode(input);
      expect(parsed.ok, input).toBe(false);
      if (parsed.ok) continue;
      const german = fieldReasonText(translator('de'), parsed.field);
      expect(german, input).not.toBe(parsed.message);
      expect(german, input).not.toMatch(/\{\w+\}/);
    }
  });
});
