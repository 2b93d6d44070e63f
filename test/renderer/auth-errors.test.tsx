import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthErrorView } from '@renderer/features/auth/auth-error-view';
import { I18nContext, type Language, translator } from '@renderer/i18n';
import type { AppError } from '@shared/ipc/result';

afterEach(cleanup);

function show(error: AppError, language: Language): HTMLElement {
  render(
    <I18nContext.Provider value={translator(language)}>
      <AuthErrorView error={error} />
    </I18nContext.Provider>,
  );
  return screen.getByRole('alert');
}

describe('sign-in failures in the user’s language', () => {
  it('words the new sign-in failures in German, keeping the details', () => {
    const alert = show(
      {
        code: 'idp-sign-in-too-old',
        message: 'Your identity provider used a sign-in from 9 hours ago…',
        details: 'Last signed in at the identity provider 9 h ago.',
      },
      'de',
    );
    expect(alert.textContent).toContain('Melden Sie sich im Browser bei Ihrem Identitätsanbieter ab');
    expect(alert.textContent).not.toContain('Your identity provider');
    expect(alert.textContent).toContain('9 h ago');
  });

  it('has English and German words for each code core added for identity providers', () => {
    for (const code of ['idp-sign-in-too-old', 'subject-changed', 'idp-response-too-large'] as const) {
      const english = show({ code, message: 'core text' }, 'en').textContent ?? '';
      cleanup();
      const german = show({ code, message: 'core text' }, 'de').textContent ?? '';
      cleanup();
      expect(english).not.toBe('core text');
      expect(german).not.toBe('core text');
      expect(german).not.toBe(english);
    }
  });

  it('words every failure itself, with core’s values, never core’s English message', () => {
    const text = show({ code: 'clock-skew', message: 'This computer’s clock is about 10 minutes behind.', params: { minutes: 10 } }, 'de').textContent;
    expect(text).toContain('um etwa 10 Minuten');
    expect(text).not.toContain('behind');
  });
});
