/**
 * User Timing for the render benchmark, bounded: the page keeps only the latest arrival mark and the
 * latest render measure (a PerformanceObserver sees every one as it is made).
 */
export const RECEIVED_MARK = 'desktops:received';
export const RENDER_MEASURE = 'desktops:render';

/** A pushed desktop list arrived (its size as the detail). */
export function markReceived(count: number): void {
  performance.clearMarks(RECEIVED_MARK);
  performance.mark(RECEIVED_MARK, { detail: count });
}

/**
 * Called once React has committed the list: measures from the last arrival to the frame that shows
 * it. A first animation frame callback runs *before* that frame's style, layout and paint; the
 * second runs only once the frame has been painted and handed to the compositor, so the measure
 * ends there. Returns a cancel function for the effect's cleanup.
 */
export function measureUntilPresented(count: number): () => void {
  const received = performance.getEntriesByName(RECEIVED_MARK, 'mark').at(-1);
  if (received === undefined) return () => undefined;
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      performance.clearMeasures(RENDER_MEASURE);
      performance.measure(RENDER_MEASURE, { start: received.startTime, detail: count });
      // Consumed: a later re-render (a search, a resize) is not timed from this old arrival.
      performance.clearMarks(RECEIVED_MARK);
    });
  });
  return () => cancelAnimationFrame(frame);
}
