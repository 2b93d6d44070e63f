/**
 * The order of work on the session page. The remote screen comes first: noVNC's chunk, the ticket,
 * the bridge and the RFB handshake. Each handshake round trip needs the page's main thread the
 * moment the server answers, and evaluating React's chunk and rendering the UI hold that thread
 * for tens of milliseconds at a time; so the UI is loaded once the viewer has settled (the first
 * screen update is painted, or it needs the user), or after UI_WAIT_MS at the latest. Until then
 * the screen fills the window on its own; the UI takes it into its layout when it renders.
 */
import type { VncViewer } from './vnc-viewer';

/**
 * The longest the UI waits for the viewer to settle: the target for the first frame. A slow server
 * must not leave a bare window; a page that is merely slow (a loaded machine) must not have React
 * land in the middle of its handshake.
 */
export const UI_WAIT_MS = 500;

export interface SessionPage<V extends Pick<VncViewer, 'start' | 'settled'>> {
  readonly sessionId: string | null;
  /** noVNC's element; it goes into the document at once, before the (still empty) UI root. */
  readonly screen: HTMLElement;
  readonly viewer: V | null;
  /** The UI's chunk (React and the toolbar). */
  loadUi(): Promise<{ renderSession(sessionId: string | null, viewer: V | null, screen: HTMLElement): void }>;
  readonly waitMs?: number;
}

/** Starts the viewer, shows its screen, and renders the UI when the viewer has settled. */
export async function startSessionPage<V extends Pick<VncViewer, 'start' | 'settled'>>(page: SessionPage<V>): Promise<void> {
  page.viewer?.start();
  document.body.prepend(page.screen);
  if (page.viewer) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, page.waitMs ?? UI_WAIT_MS)));
    await Promise.race([page.viewer.settled(), waited]);
    clearTimeout(timer);
  }
  const ui = await page.loadUi();
  ui.renderSession(page.sessionId, page.viewer, page.screen);
}
