import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import type { Emulator } from './index';

/** Test helpers: SDK clients pointed at the emulator with explicit credentials, never the default chain. */
export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export function workspacesClient(emu: Emulator, credentials: Keys = emu.adminCredentials, maxAttempts = 1): WorkSpacesClient {
  return new WorkSpacesClient({ region: 'us-east-1', endpoint: emu.endpoints.workspaces, credentials, maxAttempts });
}

/** Captures a rejected SDK call's error so a test can assert on its name and metadata. */
export async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; $fault?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`non-Error rejection: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}
