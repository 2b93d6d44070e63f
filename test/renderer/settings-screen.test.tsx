/** The Settings screen in the App, over the real core (in-process bridge): live language and theme, locks, About. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '@renderer/app/app';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge | null = null;
afterEach(async () => {
  cleanup();
  await b?.stop();
  b = null;
  delete document.documentElement.dataset['theme'];
});

async function openSettings(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }, { timeout: 5000 }));
  return screen.findByRole('heading', { level: 2, name: 'Settings' }, { timeout: 5000 });
}

describe('the Settings screen', () => {
  it('opens from the header button and closes back to the home', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await openSettings();
    fireEvent.click(screen.getByRole('button', { name: 'Back to desktops' }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: 'Settings' })).toBeNull());
    expect(await screen.findByRole('heading', { name: 'Add your organization' }, { timeout: 5000 })).toBeTruthy();
  });

  it('opens on the deskbridge:open-settings window event (Ctrl/Cmd+,)', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await screen.findByRole('button', { name: 'Settings' });
    act(() => {
      window.dispatchEvent(new Event('deskbridge:open-settings'));
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Settings' })).toBeTruthy();
  });

  it('changes the language live, without a reload, and keeps it in the settings file', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await openSettings();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'de' } });
    expect(await screen.findByRole('heading', { level: 2, name: 'Einstellungen' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zurück zu den Desktops' })).toBeTruthy();
    // The page's lang follows in an effect after the render.
    await waitFor(() => expect(document.documentElement.lang).toBe('de'));
    const saved = JSON.parse(await readFile(b.paths.settingsFile, 'utf8')) as { preferences: Record<string, unknown> };
    expect(saved.preferences).toEqual({ language: 'de' });
    fireEvent.change(screen.getByLabelText('Sprache'), { target: { value: 'ja' } });
    expect(await screen.findByRole('heading', { level: 2, name: '設定' }, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
  });

  it('changes the theme live through data-theme', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await openSettings();
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('system'));
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'));
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'light' } });
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('light'));
  });

  it('saves the connection preferences', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await openSettings();
    const connect = screen.getByLabelText('When Deskbridge opens and I have one desktop, connect to it');
    expect((connect as HTMLInputElement).checked).toBe(false);
    fireEvent.click(connect);
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('When Deskbridge opens and I have one desktop, connect to it').checked).toBe(true));
    fireEvent.click(screen.getByLabelText('Open RDP desktops full screen'));
    await waitFor(async () => {
      const saved = JSON.parse(await readFile(b!.paths.settingsFile, 'utf8')) as { preferences: Record<string, unknown> };
      expect(saved.preferences).toEqual({ connectOnOpen: true, rdpFullScreen: true });
    });
  });

  it('shows what IT locks as disabled, “Set by your IT department”', async () => {
    b = await installInProcessBridge({ policy: { preferences: { theme: { value: 'dark' }, connectOnOpen: { value: true, locked: true } } } });
    render(<App />);
    await openSettings();
    const theme = screen.getByLabelText<HTMLSelectElement>('Theme');
    await waitFor(() => expect(theme.disabled).toBe(true));
    expect(theme.value).toBe('dark');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    const connect = screen.getByLabelText<HTMLInputElement>('When Deskbridge opens and I have one desktop, connect to it');
    expect(connect.disabled).toBe(true);
    expect(connect.checked).toBe(true);
    for (const control of [theme, connect]) {
      const note = document.getElementById(control.getAttribute('aria-describedby')!.split(' ')[0]!);
      expect(note?.textContent).toBe('Set by your IT department');
    }
    expect(screen.getByLabelText<HTMLSelectElement>('Language').disabled).toBe(false);
    expect(screen.getAllByText('Set by your IT department')).toHaveLength(2);
  });

  it('About shows the version, the runtimes and the licences of shipped dependencies', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await openSettings();
    const about = screen.getByRole('heading', { name: 'About Deskbridge' }).closest('section')!;
    await waitFor(() => expect(about.textContent).toContain('0.0.0-test'));
    expect(about.textContent).toContain(process.versions.node);
    const table = within(about).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows.some((row) => row?.startsWith('react') && row.endsWith('MIT'))).toBe(true);
    expect(rows.some((row) => row?.startsWith('zod') && row.endsWith('MIT'))).toBe(true);
  });

  it('offers the diagnostics log viewer', async () => {
    b = await installInProcessBridge();
    render(<App />);
    await openSettings();
    const section = screen.getByRole('heading', { name: 'Diagnostics' }).closest('section')!;
    fireEvent.click(within(section).getByRole('button', { name: 'Logs' }));
    expect(await screen.findByRole('log', { name: 'Deskbridge logs' })).toBeTruthy();
  });
});
