import type { DesktopState } from '../models/desktop';

/** How a state reads: each of the 17 has its own label, colour token and icon, so colour is never the only cue. */
export type StateTone = 'ok' | 'progress' | 'idle' | 'warning' | 'danger' | 'gone';

export interface StateInfo {
  /** i18n key of the plain-language label, e.g. "state.AVAILABLE" → "Ready". */
  readonly labelKey: `state.${DesktopState}`;
  /** i18n key of a one-line explanation of what the state means for the user. */
  readonly explainKey: `stateExplain.${DesktopState}`;
  /** CSS custom property holding this state's own colour (defined for light and dark themes). */
  readonly colour: `--state-${Lowercase<DesktopState>}`;
  /** A distinct icon per state (renderer/src/features/desktops/state-icon.tsx draws it). */
  readonly icon: StateIcon;
  readonly tone: StateTone;
  /** Moving on by itself soon: poll quickly while any desktop is in such a state. */
  readonly transitional: boolean;
  /** A session can be opened now. */
  readonly connectable: boolean;
}

export const STATE_ICONS = [
  'clock',
  'check',
  'half',
  'cross-circle',
  'cycle',
  'play',
  'hammer',
  'rewind',
  'wrench',
  'shield',
  'arrow-out',
  'tomb',
  'pause',
  'upload',
  'stop-ring',
  'stop',
  'alert',
] as const;
export type StateIcon = (typeof STATE_ICONS)[number];

const TABLE: Readonly<Record<DesktopState, readonly [StateIcon, StateTone, boolean]>> = {
  PENDING: ['clock', 'progress', true],
  AVAILABLE: ['check', 'ok', false],
  IMPAIRED: ['half', 'warning', false],
  UNHEALTHY: ['cross-circle', 'danger', false],
  REBOOTING: ['cycle', 'progress', true],
  STARTING: ['play', 'progress', true],
  REBUILDING: ['hammer', 'progress', true],
  RESTORING: ['rewind', 'progress', true],
  // Maintenance windows last hours: not worth fast polling.
  MAINTENANCE: ['wrench', 'warning', false],
  ADMIN_MAINTENANCE: ['shield', 'warning', false],
  TERMINATING: ['arrow-out', 'gone', true],
  TERMINATED: ['tomb', 'gone', false],
  SUSPENDED: ['pause', 'idle', false],
  UPDATING: ['upload', 'progress', true],
  STOPPING: ['stop-ring', 'progress', true],
  STOPPED: ['stop', 'idle', false],
  ERROR: ['alert', 'danger', false],
};

export function stateInfo(state: DesktopState): StateInfo {
  const [icon, tone, transitional] = TABLE[state];
  return {
    labelKey: `state.${state}`,
    explainKey: `stateExplain.${state}`,
    colour: `--state-${state.toLowerCase() as Lowercase<DesktopState>}`,
    icon,
    tone,
    transitional,
    connectable: state === 'AVAILABLE',
  };
}

export function isTransitional(state: DesktopState): boolean {
  return TABLE[state][2];
}

/** States that deserve an explanation and a way out (restart where allowed). */
export function needsAttention(state: DesktopState): boolean {
  return state === 'UNHEALTHY' || state === 'IMPAIRED' || state === 'ERROR';
}
