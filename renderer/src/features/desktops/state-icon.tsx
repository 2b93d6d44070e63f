import type { ReactNode } from 'react';
import type { StateIcon as IconName } from '@shared/lib/desktop-state';

/** One small, distinct glyph per state (16×16, currentColor), so colour is never the only cue. */
const GLYPHS: Readonly<Record<IconName, ReactNode>> = {
  clock: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" />
      <path d="M8 4v4l3 2" fill="none" />
    </>
  ),
  check: <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" />,
  half: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" />
      <path d="M8 1.5a6.5 6.5 0 0 1 0 13z" stroke="none" />
    </>
  ),
  'cross-circle': (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" />
      <path d="M5 5l6 6M11 5l-6 6" fill="none" />
    </>
  ),
  cycle: (
    <>
      <path d="M13 8a5 5 0 1 1-1.5-3.6" fill="none" />
      <path d="M12 1.5v3.5h-3.5" fill="none" />
    </>
  ),
  play: <path d="M4 2.5l9 5.5-9 5.5z" stroke="none" />,
  hammer: (
    <>
      <path d="M2 4h9v3H2z" stroke="none" />
      <path d="M8 7v7" fill="none" />
    </>
  ),
  rewind: <path d="M8 3L2 8l6 5zM14 3L8 8l6 5z" stroke="none" />,
  wrench: (
    <>
      <circle cx="11" cy="5" r="3" fill="none" />
      <path d="M9 7l-6.5 6.5" fill="none" />
    </>
  ),
  shield: <path d="M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z" fill="none" />,
  'arrow-out': (
    <>
      <path d="M9 2.5H3v11h6" fill="none" />
      <path d="M7 8h7M11 5l3 3-3 3" fill="none" />
    </>
  ),
  tomb: (
    <>
      <path d="M4 14V6a4 4 0 0 1 8 0v8z" fill="none" />
      <path d="M2 14h12" fill="none" />
    </>
  ),
  pause: <path d="M4 3h3v10H4zM9 3h3v10H9z" stroke="none" />,
  upload: (
    <>
      <path d="M8 12V3M4 7l4-4 4 4" fill="none" />
      <path d="M3 14h10" fill="none" />
    </>
  ),
  'stop-ring': (
    <>
      <circle cx="8" cy="8" r="6.5" fill="none" />
      <path d="M5.5 5.5h5v5h-5z" stroke="none" />
    </>
  ),
  stop: <path d="M3 3h10v10H3z" stroke="none" />,
  alert: (
    <>
      <path d="M8 1.5l7 12.5H1z" fill="none" />
      <path d="M8 6v4M8 11.5v1" fill="none" />
    </>
  ),
};

export function StateIcon({ icon }: { readonly icon: IconName }) {
  return (
    <svg
      className="state-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {GLYPHS[icon]}
    </svg>
  );
}
