import { describe, expect, it } from 'vitest';
import { findNativeClient, installHint } from '@core/sessions/native-clients';
import { FakeLauncher } from './fakes';

describe('finding a native client', () => {
  it('prefers Windows’ own mstsc over one that a folder on PATH offers', async () => {
    const launcher = new FakeLauncher();
    launcher.installed.add('mstsc.exe');
    launcher.installed.add('C:\\Windows\\System32\\mstsc.exe');
    const client = await findNativeClient('rdp', 'win32', launcher, 'C:\\temp\\x.rdp');
    expect(client).toMatchObject({ client: 'mstsc', command: 'C:\\Windows\\System32\\mstsc.exe', args: ['C:\\temp\\x.rdp'] });
  });

  it('prefers the installed DCV Viewer over one found on PATH', async () => {
    const launcher = new FakeLauncher();
    launcher.installed.add('dcvviewer.exe');
    launcher.installed.add('C:\\Program Files\\Amazon\\DCV\\Client\\bin\\dcvviewer.exe');
    const client = await findNativeClient('dcv', 'win32', launcher, 'C:\\temp\\x.dcv');
    expect(client?.command).toBe('C:\\Program Files\\Amazon\\DCV\\Client\\bin\\dcvviewer.exe');
  });

  it('takes xfreerdp3 before xfreerdp before Remmina on Linux, with certificate trust on first use', async () => {
    const launcher = new FakeLauncher();
    launcher.installed.add('remmina');
    expect(await findNativeClient('rdp', 'linux', launcher, '/tmp/x.rdp')).toMatchObject({ client: 'remmina', args: ['-c', '/tmp/x.rdp'] });
    launcher.installed.add('xfreerdp');
    expect(await findNativeClient('rdp', 'linux', launcher, '/tmp/x.rdp')).toMatchObject({ client: 'xfreerdp', args: ['/tmp/x.rdp', '/cert-tofu'] });
    launcher.installed.add('xfreerdp3');
    expect(await findNativeClient('rdp', 'linux', launcher, '/tmp/x.rdp')).toMatchObject({ args: ['/tmp/x.rdp', '/cert:tofu'] });
  });

  it('finds nothing when nothing is installed, and says what to install', async () => {
    const launcher = new FakeLauncher();
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(await findNativeClient('rdp', platform, launcher, 'x.rdp')).toBeNull();
      expect(installHint('rdp', platform).length).toBeGreaterThan(20);
    }
  });
});
