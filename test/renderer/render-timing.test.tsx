import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECEIVED_MARK, RENDER_MEASURE, markReceived, measureUntilPresented } from '@renderer/features/desktops/render-timing';
import { useDesktops } from '@renderer/features/desktops/use-desktops';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

const marks = (): number => performance.getEntriesByName(RECEIVED_MARK, 'mark').length;
const measures = (): PerformanceEntryList => performance.getEntriesByName(RENDER_MEASURE, 'measure');

beforeEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
});

describe('the render benchmark’s User Timing', () => {
  let b: InProcessBridge | undefined;
  afterEach(async () => {
    cleanup();
    vi.restoreAllMocks();
    await b?.stop();
    b = undefined;
  });

  it('keeps one arrival mark however many lists are pushed (no unbounded marks)', async () => {
    b = await installInProcessBridge();
    const { result } = renderHook(() => useDesktops());
    await waitFor(() => expect(result.current).toBeDefined());
    act(() => {
      for (let i = 0; i < 300; i += 1) b?.core.events.emit('desktops:changed', { orgs: [], desktops: [], offline: false, refreshedAt: i });
    });
    await waitFor(() => expect(result.current?.refreshedAt).toBe(299));
    expect(marks()).toBe(1);
  });

  it('ends the measure at the second animation frame, after the first frame’s layout and paint', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const nextFrame = (): void => frames.splice(0).forEach((callback) => callback(performance.now()));

    markReceived(2500);
    measureUntilPresented(2500);
    nextFrame();
    expect(measures()).toHaveLength(0);
    nextFrame();
    expect(measures()).toHaveLength(1);
    expect((measures()[0] as PerformanceMeasure).detail).toBe(2500);
  });

  it('keeps only the latest measure, and does not time a later re-render from an old arrival', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const nextFrame = (): void => frames.splice(0).forEach((callback) => callback(performance.now()));
    for (let i = 0; i < 200; i += 1) {
      markReceived(i);
      measureUntilPresented(i);
      nextFrame();
      nextFrame();
    }
    expect(measures()).toHaveLength(1);
    expect((measures()[0] as PerformanceMeasure).detail).toBe(199);
    expect(marks()).toBe(0);
    measureUntilPresented(7);
    nextFrame();
    nextFrame();
    expect((measures()[0] as PerformanceMeasure).detail).toBe(199);
  });

  it('cancels a pending measure when the list changes before the frame', () => {
    const frames = new Map<number, FrameRequestCallback>();
    let id = 0;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => (frames.set(++id, callback), id));
    vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((handle) => void frames.delete(handle));
    const nextFrame = (): void => {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((callback) => callback(performance.now()));
    };
    markReceived(1);
    const cancel = measureUntilPresented(1);
    nextFrame();
    cancel();
    nextFrame();
    expect(measures()).toHaveLength(0);
  });
});
