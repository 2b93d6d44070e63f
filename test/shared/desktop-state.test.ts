import { describe, expect, it } from 'vitest';
import { isTransitional, needsAttention, STATE_ICONS, stateInfo } from '@shared/lib/desktop-state';
import { DESKTOP_STATES } from '@shared/models/desktop';

describe('state → label, colour, icon, transitional (all 17 states)', () => {
  it('gives every state its own label, colour and icon', () => {
    const infos = DESKTOP_STATES.map(stateInfo);
    expect(new Set(infos.map((i) => i.labelKey)).size).toBe(17);
    expect(new Set(infos.map((i) => i.colour)).size).toBe(17);
    expect(new Set(infos.map((i) => i.icon)).size).toBe(17);
    expect(new Set(infos.map((i) => i.explainKey)).size).toBe(17);
    for (const info of infos) expect(STATE_ICONS).toContain(info.icon);
  });

  it.each(DESKTOP_STATES)('%s has consistent keys', (state) => {
    const info = stateInfo(state);
    expect(info.labelKey).toBe(`state.${state}`);
    expect(info.explainKey).toBe(`stateExplain.${state}`);
    expect(info.colour).toBe(`--state-${state.toLowerCase()}`);
    expect(info.transitional).toBe(isTransitional(state));
    expect(info.connectable).toBe(state === 'AVAILABLE');
  });

  it('counts exactly the states AWS moves out of by itself as transitional', () => {
    expect(DESKTOP_STATES.filter(isTransitional).sort()).toEqual(
      ['PENDING', 'REBOOTING', 'STARTING', 'REBUILDING', 'RESTORING', 'TERMINATING', 'UPDATING', 'STOPPING'].sort(),
    );
  });

  it('flags the states that need an explanation and a way out', () => {
    expect(DESKTOP_STATES.filter(needsAttention).sort()).toEqual(['ERROR', 'IMPAIRED', 'UNHEALTHY']);
  });

  it('gives problem states a danger or warning tone and AVAILABLE the ok tone', () => {
    expect(stateInfo('AVAILABLE').tone).toBe('ok');
    expect(stateInfo('ERROR').tone).toBe('danger');
    expect(stateInfo('UNHEALTHY').tone).toBe('danger');
    expect(stateInfo('IMPAIRED').tone).toBe('warning');
    for (const s of DESKTOP_STATES.filter(isTransitional)) expect(['progress', 'gone']).toContain(stateInfo(s).tone);
  });
});
