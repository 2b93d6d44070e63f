/**
 * The session window's entry, kept small: it starts the connection at once — noVNC's chunk, the
 * one-time ticket, the bridge and the RFB handshake — and runs React and the toolbar once the
 * first screen update is painted (page.ts). The session id, the user's language and theme travel
 * in the fragment. This is the only page that loads noVNC.
 */
import '../app/styles.css';
import './session.css';
import { readSessionFragment } from '@shared/lib/session-page';
import { startSessionPage } from './page';
import { VncViewer } from './vnc-viewer';

const { sessionId, look } = readSessionFragment(location.hash);
// The theme applies from the first paint; the language with the UI's words (render-session).
document.documentElement.dataset['theme'] = look.theme;
// noVNC draws into this element; the UI puts it in place when it has rendered.
const screen = document.createElement('div');
screen.className = 'session-viewport';

// A chunk that failed to load is an uncaught error of the page, as it would be without the split.
startSessionPage({
  sessionId,
  screen,
  viewer: sessionId ? new VncViewer(screen, sessionId) : null,
  // The UI's chunk is downloaded already (modulepreload); only its evaluation waits.
  loadUi: () =>
    import('./render-session').then(({ renderSession }) => ({
      renderSession: (id: string | null, viewer: VncViewer | null, element: HTMLElement) => renderSession(id, viewer, element, look),
    })),
}).catch((error: unknown) => reportError(error));
