import { describe, expect, it } from 'vitest';
import { problemText } from '@renderer/features/desktops/describe';
import { translator } from '@renderer/i18n';

const vars = { desktop: 'Linux-VNC', user: 'alice' };

describe('IAM refusals in the user’s language', () => {
  it.each([
    ['en', 'desktops.denied.ownerTag', 'AWS didn’t allow this on “Linux-VNC”: the desktop’s owner tag does not name alice.'],
    ['de', 'desktops.denied.ownerTag', 'AWS hat das für „Linux-VNC“ nicht erlaubt: Das Besitzer-Tag des Desktops nennt nicht alice.'],
    ['en', 'desktops.denied.principalTag', 'session tags your identity provider sends'],
    ['de', 'desktops.denied.principalTag', 'Sitzungs-Tags Ihres Identitätsanbieters'],
    ['en', 'desktops.denied.policy', 'permission policy does not allow it'],
    ['de', 'desktops.denied.policy', 'Berechtigungsrichtlinie der Rolle erlaubt es nicht'],
    ['en', 'desktops.denied.list', 'AWS did not let alice see the desktops.'],
    ['de', 'desktops.denied.list', 'AWS lässt alice die Desktops nicht sehen.'],
  ] as const)('%s: %s names the IT setting', (language, code, expected) => {
    const error = { code, message: 'core’s English words' };
    const text = problemText(translator(language), error, vars);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('other errors are worded by code too, never with core’s English words', () => {
    const error = { code: 'aws.InvalidResourceState', message: 'The desktop is not in a state…' };
    expect(problemText(translator('de'), error, vars)).toBe(
      'Der Zustand des Desktops erlaubt das gerade nicht. Warten Sie, bis er fertig ist mit dem, was er gerade tut, und versuchen Sie es dann erneut.',
    );
  });
});
