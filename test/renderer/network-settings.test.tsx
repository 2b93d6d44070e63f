import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkSection } from '@renderer/features/network/network-settings';
import { ProxyLoginDialog } from '@renderer/features/network/proxy-login-dialog';
import { installInProcessBridge, type InProcessBridge } from './support/in-process-bridge';

let b: InProcessBridge;
beforeEach(async () => {
  b = await installInProcessBridge();
});
afterEach(async () => {
  cleanup();
  await b.stop();
});

describe('Settings → Network', () => {
  it('shows the active choice and saves a manual proxy to the settings file', async () => {
    render(<NetworkSection />);
    expect(screen.getByRole('heading', { name: 'Network' })).toBeTruthy();
    expect(await screen.findByText(/In use now:/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Use this proxy'));
    fireEvent.change(screen.getByLabelText('Proxy address'), { target: { value: 'http://proxy.corp:3128' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(JSON.parse(await readFile(b.paths.settingsFile, 'utf8')).preferences.network).toEqual({ proxy: { mode: 'manual', url: 'http://proxy.corp:3128' } });
    await waitFor(() => expect(screen.getByText(/In use now: PROXY proxy\.corp:3128/)).toBeTruthy());
  });

  it('says why a proxy address with a password is refused', async () => {
    render(<NetworkSection />);
    fireEvent.click(await screen.findByLabelText('Use this proxy'));
    fireEvent.change(screen.getByLabelText('Proxy address'), { target: { value: 'http://ann:secret@proxy.corp:3128' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('without a user name or password');
  });
});

describe('the proxy sign-in dialog', () => {
  it('names the proxy and the host it was reaching, says why, and sends the answer through the contract', async () => {
    let done = false;
    render(
      <ProxyLoginDialog
        question={{ id: 'q1', proxy: 'proxy.corp:3128', forHost: 'sts.us-east-1.amazonaws.com', scheme: 'basic', attempt: 2 }}
        onDone={() => (done = true)}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Sign in to the proxy' });
    expect(dialog.textContent).toContain('sts.us-east-1.amazonaws.com');
    expect(dialog.textContent).toContain('proxy.corp:3128');
    expect(dialog.textContent).toContain('asks for a user name and password');
    expect(screen.getByRole('alert').textContent).toContain('did not accept');
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'ann' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(done).toBe(true));
    expect(b.channels).toContain('network:answerProxyLogin');
  });
});
