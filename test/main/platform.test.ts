import { beforeEach, describe, expect, it } from 'vitest';
import { deepLinkFromArgv } from '@main/deep-links';
import { electronBrowser } from '@main/platform/electron-browser';
import { callsTo, resetFakeElectron, shell } from './fake-electron';

beforeEach(() => resetFakeElectron());

describe('deepLinkFromArgv', () => {
  it('finds the deskbridge:// link among the arguments of a second instance', () => {
    expect(deepLinkFromArgv(['/opt/Deskbridge/deskbridge', '--no-sandbox-is-not-here', 'deskbridge://register?code=abc'])).toBe(
      'deskbridge://register?code=abc',
    );
    expect(deepLinkFromArgv(['C:\\Deskbridge.exe', 'DESKBRIDGE://register?code=abc'])).toBe('DESKBRIDGE://register?code=abc');
  });

  it('finds nothing when there is no link, or only something that contains one', () => {
    expect(deepLinkFromArgv([])).toBeNull();
    expect(deepLinkFromArgv(['/opt/Deskbridge/deskbridge', '.'])).toBeNull();
    expect(deepLinkFromArgv(['--url=deskbridge://register?x', 'https://deskbridge://x', 'deskbridge:register'])).toBeNull();
  });
});

describe('electronBrowser', () => {
  it('opens vetted addresses with the OS browser', async () => {
    const browser = electronBrowser(shell);
    await browser.open('https://login.example.com/authorize?client_id=x');
    await browser.open('http://127.0.0.1:5123/callback');
    expect(callsTo('shell', 'openExternal').map((c) => c.args[0])).toEqual([
      'https://login.example.com/authorize?client_id=x',
      'http://127.0.0.1:5123/callback',
    ]);
  });

  it.each([
    'http://login.example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://evil.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pw@example.com',
    ' https://example.com',
    'https://example.com/\n--help',
  ])('refuses %j and never calls shell.openExternal', async (url) => {
    await expect(electronBrowser(shell).open(url)).rejects.toThrow(/Refused/);
    expect(callsTo('shell', 'openExternal')).toEqual([]);
  });
});
