import type { ConnectTarget } from '@shared/lib/connect-target';
import { dcvFileText, rdpFileText } from '@shared/lib/launch-files';
import { fail, ok, type Result } from '@shared/ipc/result';
import { findNativeClient, installHint, type NativeClient } from './native-clients';
import type { LaunchedProcess, ProcessLauncher } from './ports';
import type { TempFiles } from './temp-files';

export interface NativeLaunch {
  readonly client: NativeClient;
  readonly process: LaunchedProcess;
  readonly file: string;
}

export interface NativeLaunchInput {
  readonly target: ConnectTarget & { readonly protocol: 'rdp' | 'dcv' };
  readonly userName: string;
  readonly fullScreen: boolean;
  readonly platform: NodeJS.Platform;
  readonly launcher: ProcessLauncher;
  readonly files: TempFiles;
}

/** .rdp files are written as mstsc writes them: UTF-16LE with a byte-order mark (FreeRDP reads both). */
function rdpBytes(text: string): Uint8Array {
  return Buffer.from(`\ufeff${text}`, 'utf16le');
}

/** Writes the connection file, finds the platform's client and starts it; the file is removed if nothing starts. */
export async function launchNative(input: NativeLaunchInput): Promise<Result<NativeLaunch>> {
  const { target, platform, launcher, files } = input;
  let file: string;
  try {
    file =
      target.protocol === 'rdp'
        ? await files.write('rdp', rdpBytes(rdpFileText(target, input.userName, { fullScreen: input.fullScreen })))
        : await files.write('dcv', dcvFileText(target, input.userName));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    return fail(
      'connection-file-failed',
      `Deskbridge could not write the ${target.protocol.toUpperCase()} connection file in the temporary folder, so the desktop was not opened.`,
      `Temporary folder: ${code}`,
      { protocol: target.protocol.toUpperCase() },
    );
  }
  const client = await findNativeClient(target.protocol, platform, launcher, file);
  if (!client) {
    await files.remove(file);
    const what = target.protocol === 'rdp' ? 'an RDP client' : 'Amazon DCV Viewer';
    return fail(
      `${target.protocol}-client-missing`,
      `This desktop connects with ${target.protocol.toUpperCase()}, but ${what} is not installed.`,
      installHint(target.protocol, platform),
    );
  }
  let process: LaunchedProcess;
  try {
    process = launcher.spawn(client.command, client.args);
  } catch (error) {
    // spawn throws at once for what it cannot start (e.g. a .cmd on Windows without a shell).
    await files.remove(file);
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    return fail(`${target.protocol}-client-failed`, `${client.label} could not be started, so the desktop was not opened.`, `${client.command}: ${code}`, {
      client: client.label,
    });
  }
  return ok({ client, process, file });
}
