import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CLOSE } from '@shared/ipc/domains/sessions';
import { closeMeaning, isReleaseShortcut, reconnectDelay, shouldReconnect } from '@shared/lib/viewer-policy';

describe('viewer policy', () => {
  it('tells a disconnect from a wrong password from a drop', () => {
    expect(closeMeaning({ code: BRIDGE_CLOSE.disconnected, securityFailure: false, userDisconnected: false })).toBe('ended');
    expect(closeMeaning({ code: BRIDGE_CLOSE.bridgeStopped, securityFailure: false, userDisconnected: false })).toBe('ended');
    expect(closeMeaning({ code: 1005, securityFailure: false, userDisconnected: true })).toBe('ended');
    expect(closeMeaning({ code: BRIDGE_CLOSE.serverClosed, securityFailure: true, userDisconnected: false })).toBe('wrong-password');
    expect(closeMeaning({ code: BRIDGE_CLOSE.serverClosed, securityFailure: false, userDisconnected: false })).toBe('dropped');
    expect(closeMeaning({ code: BRIDGE_CLOSE.connectionError, securityFailure: false, userDisconnected: false })).toBe('dropped');
    expect(closeMeaning({ code: 1006, securityFailure: false, userDisconnected: false })).toBe('dropped');
  });

  it('backs off from half a second to at most eight (plus a fifth of jitter)', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => reconnectDelay(a))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, jitter) => {
        const delay = reconnectDelay(attempt, jitter);
        expect(delay).toBeGreaterThanOrEqual(500);
        expect(delay).toBeLessThanOrEqual(9_600);
        expect(delay).toBeGreaterThanOrEqual(reconnectDelay(attempt - 1, jitter));
      }),
    );
  });

  it('gives an established session more tries than a first connect', () => {
    expect(shouldReconnect(2, false)).toBe(true);
    expect(shouldReconnect(3, false)).toBe(false);
    expect(shouldReconnect(7, true)).toBe(true);
    expect(shouldReconnect(8, true)).toBe(false);
  });

  it('releases the keyboard on Ctrl+Alt+Shift+R only', () => {
    const key = { ctrlKey: true, altKey: true, shiftKey: true, metaKey: false, code: 'KeyR' };
    expect(isReleaseShortcut(key)).toBe(true);
    expect(isReleaseShortcut({ ...key, shiftKey: false })).toBe(false);
    expect(isReleaseShortcut({ ...key, code: 'KeyT' })).toBe(false);
    expect(isReleaseShortcut({ ...key, metaKey: true })).toBe(false);
  });
});
