/**
 * The session window's entry, kept small: it starts the connection at once — noVNC's chunk, the
 * one-time ticket, the bridge and the RFB handshake — and then runs React and the toolbar.
 * The session id travels in the fragment. This is the only page that loads noVNC.
 */
import '../app/styles.css';
import './session.css';
import { readSessionFragment } from '@shared/lib/session-page';
import { loadNoVnc, VncViewer } from './vnc-viewer';

const { sessionId, look } = readSessionFragment(location.hash);
// noVNC draws into this element; the UI puts it in place when it has rendered.
const screen = document.createElement('div');
screen.className = 'session-viewport';
const viewer = sessionId ? new VncViewer(screen, sessionId) : null;
viewer?.start();

// The UI's chunk is downloaded already (modulepreload). It runs after noVNC (loaded or not), so the
// viewer opens its connection first and React's evaluation fills the wait for the bridge and the
// server instead of delaying noVNC.
(viewer
  ? loadNoVnc().then(
      () => undefined,
      () => undefined,
    )
  : Promise.resolve()
)
  .then(() => import('./render-session'))
  .then(({ renderSession }) => renderSession(sessionId, viewer, screen, look))
  // A chunk that failed to load is an uncaught error of the page, as it would be without the split.
  .catch((error: unknown) => reportError(error));
