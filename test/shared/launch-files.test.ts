import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isWorkspacesHandoffUrl } from '@shared/lib/external-url';
import { dcvFileText, rdpFileText, workspacesHandoffUrl } from '@shared/lib/launch-files';

const rdp = { protocol: 'rdp', host: '10.0.0.5', port: 3389 } as const;
const dcv = { protocol: 'dcv', host: 'gpu.example.com', port: 8443, session: 'console' } as const;
const ODD_USERS = ['jdoe', 'CORP\\jdoe', 'jdoe@example.com', 'Jürgen Groß', 'a:s:b', 'x\r\npassword:s:hunter2', 'tab\there', '李雷', 'name=value', '[connect]'];

describe('workspacesHandoffUrl', () => {
  it('encodes the user and keeps the registration code readable', () => {
    expect(workspacesHandoffUrl('jdoe', 'SLiad+S393HD')).toBe('workspaces://jdoe@SLiad+S393HD');
    expect(workspacesHandoffUrl('jdoe@example.com', 'WSpdx+ABC12D')).toBe('workspaces://jdoe%40example.com@WSpdx+ABC12D');
    expect(workspacesHandoffUrl('CORP\\Jürgen Groß', 'desktop.example.com')).toBe('workspaces://CORP%5CJ%C3%BCrgen%20Gro%C3%9F@desktop.example.com');
    expect(workspacesHandoffUrl("o'neil(x)*!", 'wssin+CWJ5CT')).toBe('workspaces://o%27neil%28x%29%2A%21@wssin+CWJ5CT');
  });

  it('always builds a link the hand-off vetting accepts, and the general vetting refuses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.stringMatching(/^[A-Za-z0-9+.-]{1,20}$/), (user, code) => {
        const url = workspacesHandoffUrl(user, code);
        expect(isWorkspacesHandoffUrl(url)).toBe(true);
        expect(isSafeExternalUrl(url)).toBe(false);
        expect(decodeURIComponent(url.slice('workspaces://'.length, url.lastIndexOf('@')))).toBe(user);
      }),
    );
  });

  it('vets nothing but workspaces:// hand-off links', () => {
    for (const bad of [
      'https://example.com',
      'workspaces://a@b/../x',
      'workspaces://a@b?x',
      'workspaces://@b',
      'workspaces://a b@c',
      'WORKSPACES://a@b',
      'workspaces://a@b#x',
      42,
      null,
    ]) {
      expect(isWorkspacesHandoffUrl(bad)).toBe(false);
    }
  });
});

describe('rdpFileText', () => {
  it('names the address, the user and the screen mode, and asks for credentials', () => {
    expect(rdpFileText(rdp, 'jdoe', { fullScreen: true }).split('\r\n')).toEqual([
      'full address:s:10.0.0.5:3389',
      'username:s:jdoe',
      'screen mode id:i:2',
      'prompt for credentials:i:1',
      'promptcredentialonce:i:1',
      'authentication level:i:2',
      '',
    ]);
    expect(rdpFileText({ ...rdp, host: '::1' }, 'jdoe', { fullScreen: false })).toContain('full address:s:[::1]:3389\r\nusername:s:jdoe\r\nscreen mode id:i:1');
  });

  it.each(ODD_USERS)('keeps the odd user name %j on its own line and never writes a password', (user) => {
    const text = rdpFileText(rdp, user, { fullScreen: false });
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^username:s:[^\r\n]*$/);
    expect(lines.some((l) => /^password/i.test(l))).toBe(false);
    expect(text.toLowerCase()).not.toMatch(/password\s*\d*:b:|^password/m);
  });
});

describe('dcvFileText', () => {
  it('writes host, port, session and user, never a password or token', () => {
    const text = dcvFileText(dcv, 'jdoe');
    expect(text).toBe('[version]\nformat=1.0\n\n[connect]\nhost=gpu.example.com\nport=8443\nsessionid=console\nuser=jdoe\n');
    expect(text).not.toMatch(/password|authtoken/i);
  });

  it.each(ODD_USERS)('keeps the odd user name %j inside the user= line', (user) => {
    const lines = dcvFileText(dcv, user).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[7]?.startsWith('user=')).toBe(true);
    expect(lines.filter((l) => /^(password|authtoken)/i.test(l))).toEqual([]);
  });
});
