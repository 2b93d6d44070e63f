/** The state glyphs: one distinct 16×16 drawing per icon, outlines stroked and solids filled in currentColor. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { STATE_ICONS } from '@shared/lib/desktop-state';
import { StateIcon } from '@renderer/features/desktops/state-icon';

afterEach(cleanup);

function drawn(icon: (typeof STATE_ICONS)[number]): SVGSVGElement {
  const { container } = render(<StateIcon icon={icon} />);
  const svg = container.querySelector('svg');
  if (!svg) throw new Error(`no svg for ${icon}`);
  return svg;
}

describe('StateIcon', () => {
  // The drawings as they were written by hand, before the glyphs became data: a refactor must keep them.
  it('draws every icon as it always has', () => {
    const glyphs = Object.fromEntries(STATE_ICONS.map((icon) => [icon, drawn(icon).innerHTML]));
    expect(glyphs).toMatchInlineSnapshot(`
      {
        "alert": "<path d="M8 1.5l7 12.5H1z" fill="none"></path><path d="M8 6v4M8 11.5v1" fill="none"></path>",
        "arrow-out": "<path d="M9 2.5H3v11h6" fill="none"></path><path d="M7 8h7M11 5l3 3-3 3" fill="none"></path>",
        "check": "<path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none"></path>",
        "clock": "<circle cx="8" cy="8" r="6.5" fill="none"></circle><path d="M8 4v4l3 2" fill="none"></path>",
        "cross-circle": "<circle cx="8" cy="8" r="6.5" fill="none"></circle><path d="M5 5l6 6M11 5l-6 6" fill="none"></path>",
        "cycle": "<path d="M13 8a5 5 0 1 1-1.5-3.6" fill="none"></path><path d="M12 1.5v3.5h-3.5" fill="none"></path>",
        "half": "<circle cx="8" cy="8" r="6.5" fill="none"></circle><path d="M8 1.5a6.5 6.5 0 0 1 0 13z" stroke="none"></path>",
        "hammer": "<path d="M2 4h9v3H2z" stroke="none"></path><path d="M8 7v7" fill="none"></path>",
        "pause": "<path d="M4 3h3v10H4zM9 3h3v10H9z" stroke="none"></path>",
        "play": "<path d="M4 2.5l9 5.5-9 5.5z" stroke="none"></path>",
        "rewind": "<path d="M8 3L2 8l6 5zM14 3L8 8l6 5z" stroke="none"></path>",
        "shield": "<path d="M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z" fill="none"></path>",
        "stop": "<path d="M3 3h10v10H3z" stroke="none"></path>",
        "stop-ring": "<circle cx="8" cy="8" r="6.5" fill="none"></circle><path d="M5.5 5.5h5v5h-5z" stroke="none"></path>",
        "tomb": "<path d="M4 14V6a4 4 0 0 1 8 0v8z" fill="none"></path><path d="M2 14h12" fill="none"></path>",
        "upload": "<path d="M8 12V3M4 7l4-4 4 4" fill="none"></path><path d="M3 14h10" fill="none"></path>",
        "wrench": "<circle cx="11" cy="5" r="3" fill="none"></circle><path d="M9 7l-6.5 6.5" fill="none"></path>",
      }
    `);
  });

  it('keeps the same hidden, currentColor svg around each glyph, and no two glyphs alike', () => {
    const svgs = STATE_ICONS.map(drawn);
    const frames = new Set(svgs.map((svg) => (svg.cloneNode(false) as SVGSVGElement).outerHTML));
    expect([...frames]).toEqual([
      '<svg class="state-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="currentColor" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"></svg>',
    ]);
    expect(new Set(svgs.map((svg) => svg.innerHTML)).size).toBe(STATE_ICONS.length);
  });
});
