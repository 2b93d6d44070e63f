import { useEffect } from 'react';

/** The window event the Settings screen listens for (Ctrl/Cmd+,). */
export const OPEN_SETTINGS_EVENT = 'deskbridge:open-settings';

export interface ShortcutActions {
  /** Ctrl/Cmd+F: focus the desktop search. */
  readonly search: () => void;
  /** Ctrl/Cmd+R: refresh the list (never the browser's reload). */
  readonly refresh: () => void;
}

/** Which shortcut a key press is, if any (Ctrl on Windows and Linux, Cmd on macOS). */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): 'search' | 'refresh' | 'settings' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case 'f':
      return 'search';
    case 'r':
      return 'refresh';
    case ',':
      return 'settings';
    default:
      return null;
  }
}

/** The app's keyboard shortcuts, for the whole window. */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const shortcut = shortcutOf(event);
      if (shortcut === null) return;
      event.preventDefault();
      if (shortcut === 'settings') window.dispatchEvent(new CustomEvent(OPEN_SETTINGS_EVENT));
      else actions[shortcut]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
