import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogViewer, DiagnosticsButton } from '@renderer/features/diagnostics/log-viewer';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge;
beforeEach(async () => {
  b = await installInProcessBridge();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await b.stop();
});

describe('the log viewer', () => {
  it('opens from the footer button and lists the redacted log', async () => {
    b.core.logger.log('warn', 'auth', 'Refresh failed with Authorization: Bearer abcdefSECRET123');
    render(<DiagnosticsButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Logs' }));
    const log = await screen.findByRole('log', { name: 'Deskbridge logs' });
    await waitFor(() => expect(log.textContent).toContain('Refresh failed with Authorization: [redacted]'));
    expect(log.textContent).not.toContain('abcdefSECRET123');
    expect(within(log).getAllByRole('listitem').length).toBeGreaterThan(0);
  });

  it('switches to debug detail through the contract', async () => {
    render(<LogViewer onClose={() => undefined} />);
    const select = await screen.findByLabelText('Detail');
    fireEvent.change(select, { target: { value: 'debug' } });
    await waitFor(() => expect(b.core.logger.level).toBe('debug'));
    expect(b.channels).toContain('diagnostics:setLevel');
  });

  it('offers the export as a file download', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:deskbridge/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    render(<LogViewer onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save as file…' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^deskbridge-log-\d{8}-\d{6}\.txt$/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(created[0]!);
    });
    expect(text).toMatch(/^Deskbridge 0\.0\.0-test/);
  });
});
