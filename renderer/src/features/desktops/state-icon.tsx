import type { StateIcon as IconName } from '@shared/lib/desktop-state';

/** Part of a glyph: an outline (stroked, never filled), a solid (filled, never stroked), or an outlined circle. */
type Shape = { readonly outline: string } | { readonly solid: string } | { readonly circle: readonly [cx: number, cy: number, r: number] };

const outline = (d: string): Shape => ({ outline: d });
const solid = (d: string): Shape => ({ solid: d });
/** The ring most round glyphs sit in. */
const RING: Shape = { circle: [8, 8, 6.5] };

/** One small, distinct glyph per state (16×16, currentColor), so colour is never the only cue; drawn in order. */
const GLYPHS: Readonly<Record<IconName, readonly Shape[]>> = {
  clock: [RING, outline('M8 4v4l3 2')],
  check: [outline('M2.5 8.5l3.5 3.5 7.5-8')],
  half: [RING, solid('M8 1.5a6.5 6.5 0 0 1 0 13z')],
  'cross-circle': [RING, outline('M5 5l6 6M11 5l-6 6')],
  cycle: [outline('M13 8a5 5 0 1 1-1.5-3.6'), outline('M12 1.5v3.5h-3.5')],
  play: [solid('M4 2.5l9 5.5-9 5.5z')],
  hammer: [solid('M2 4h9v3H2z'), outline('M8 7v7')],
  rewind: [solid('M8 3L2 8l6 5zM14 3L8 8l6 5z')],
  wrench: [{ circle: [11, 5, 3] }, outline('M9 7l-6.5 6.5')],
  shield: [outline('M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z')],
  'arrow-out': [outline('M9 2.5H3v11h6'), outline('M7 8h7M11 5l3 3-3 3')],
  tomb: [outline('M4 14V6a4 4 0 0 1 8 0v8z'), outline('M2 14h12')],
  pause: [solid('M4 3h3v10H4zM9 3h3v10H9z')],
  upload: [outline('M8 12V3M4 7l4-4 4 4'), outline('M3 14h10')],
  'stop-ring': [RING, solid('M5.5 5.5h5v5h-5z')],
  stop: [solid('M3 3h10v10H3z')],
  alert: [outline('M8 1.5l7 12.5H1z'), outline('M8 6v4M8 11.5v1')],
};

function ShapeElement({ shape }: { readonly shape: Shape }) {
  if ('circle' in shape) {
    const [cx, cy, r] = shape.circle;
    return <circle cx={cx} cy={cy} r={r} fill="none" />;
  }
  return 'solid' in shape ? <path d={shape.solid} stroke="none" /> : <path d={shape.outline} fill="none" />;
}

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
      {GLYPHS[icon].map((shape, i) => (
        <ShapeElement key={i} shape={shape} />
      ))}
    </svg>
  );
}
