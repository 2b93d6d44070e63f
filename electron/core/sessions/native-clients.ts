import type { ConnectProtocol } from '@shared/lib/connect-target';
import type { SessionClient } from '@shared/ipc/domains/sessions';
import type { ProcessLauncher } from './ports';

/** A native client that opens a connection file: the program, its arguments, and who it is. */
export interface NativeClient {
  readonly client: SessionClient;
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
}

type Candidate = (file: string, launcher: ProcessLauncher) => Promise<NativeClient | null>;

/** A program on PATH that takes the file as an argument. */
function onPath(program: string, client: SessionClient, label: string, args: (file: string) => string[]): Candidate {
  return async (file, launcher) => {
    const command = await launcher.find(program);
    return command ? { client, label, command, args: args(file) } : null;
  };
}

/** A program at a fixed install path. */
function atPath(path: string, client: SessionClient, label: string): Candidate {
  return async (file, launcher) => ((await launcher.exists(path)) ? { client, label, command: path, args: [file] } : null);
}

/** A macOS app bundle, through `open -W` so the file lives as long as the app. */
function macApp(name: string, client: SessionClient): Candidate {
  return async (file, launcher) =>
    (await launcher.exists(`/Applications/${name}.app`)) ? { client, label: name, command: '/usr/bin/open', args: ['-W', '-n', '-a', name, file] } : null;
}

// FreeRDP cannot ask about an unknown certificate without a terminal: trust on first use, then pin.
const CANDIDATES: Readonly<Record<ConnectProtocol, Partial<Record<NodeJS.Platform, readonly Candidate[]>>>> = {
  rdp: {
    // Windows' own copy first: a writable folder on PATH must not be able to stand in for it.
    win32: [
      atPath('C:\\Windows\\System32\\mstsc.exe', 'mstsc', 'Remote Desktop Connection'),
      onPath('mstsc.exe', 'mstsc', 'Remote Desktop Connection', (f) => [f]),
    ],
    darwin: [macApp('Windows App', 'windows-app'), macApp('Microsoft Remote Desktop', 'microsoft-remote-desktop')],
    linux: [
      onPath('xfreerdp3', 'xfreerdp', 'FreeRDP', (f) => [f, '/cert:tofu']),
      onPath('xfreerdp', 'xfreerdp', 'FreeRDP', (f) => [f, '/cert-tofu']),
      onPath('remmina', 'remmina', 'Remmina', (f) => ['-c', f]),
    ],
  },
  dcv: {
    win32: [
      atPath('C:\\Program Files\\Amazon\\DCV\\Client\\bin\\dcvviewer.exe', 'dcv-viewer', 'DCV Viewer'),
      atPath('C:\\Program Files\\NICE\\DCV\\Client\\bin\\dcvviewer.exe', 'dcv-viewer', 'DCV Viewer'),
      onPath('dcvviewer.exe', 'dcv-viewer', 'DCV Viewer', (f) => [f]),
    ],
    darwin: [macApp('DCV Viewer', 'dcv-viewer'), macApp('NICE DCV Viewer', 'dcv-viewer')],
    linux: [onPath('dcvviewer', 'dcv-viewer', 'DCV Viewer', (f) => [f])],
  },
  vnc: {},
};

/** The first installed client for a protocol on this platform, or null. */
export async function findNativeClient(
  protocol: ConnectProtocol,
  platform: NodeJS.Platform,
  launcher: ProcessLauncher,
  file: string,
): Promise<NativeClient | null> {
  for (const candidate of CANDIDATES[protocol][platform] ?? CANDIDATES[protocol].linux ?? []) {
    const found = await candidate(file, launcher);
    if (found) return found;
  }
  return null;
}

/** What to install, said plainly, when no client was found. */
export function installHint(protocol: 'rdp' | 'dcv', platform: NodeJS.Platform): string {
  if (protocol === 'rdp') {
    if (platform === 'win32') return 'Remote Desktop Connection (mstsc) is part of Windows; ask your IT department if it was removed.';
    if (platform === 'darwin') return 'Install Windows App (formerly Microsoft Remote Desktop) from the Mac App Store.';
    return 'Install FreeRDP (for example `sudo apt install freerdp2-x11`, or the freerdp3-x11 package) or Remmina.';
  }
  if (platform === 'win32' || platform === 'darwin') return 'Install Amazon DCV Viewer from https://www.amazondcv.com/.';
  return 'Install Amazon DCV Viewer (the nice-dcv-viewer package) from https://www.amazondcv.com/.';
}
