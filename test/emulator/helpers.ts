import { Sha256 } from '@aws-crypto/sha256-js';
import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Emulator } from './index';

/** Test helpers: SDK clients pointed at the emulator with explicit credentials, never the default chain. */
export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export function workspacesClient(emu: Emulator, credentials: Keys = emu.adminCredentials, maxAttempts = 1): WorkSpacesClient {
  return new WorkSpacesClient({ region: emu.region, endpoint: emu.endpoints.workspaces, credentials, maxAttempts });
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

/** A WorkSpaces response as it came over the wire. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

/** Sends a raw JSON 1.1 body to the emulator's WorkSpaces endpoint, SigV4-signed with the admin key. */
export async function wireCall(emu: Emulator, operation: string, body: string, credentials: Keys = emu.adminCredentials): Promise<WireResponse> {
  const url = new URL(emu.endpoints.workspaces);
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `WorkspacesService.${operation}`, host: url.host };
  const signer = new SignatureV4({ credentials, region: emu.region, service: 'workspaces', sha256: Sha256 });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body });
  const { host: _host, ...sendable } = signed.headers;
  const response = await fetch(emu.endpoints.workspaces, { method: 'POST', headers: sendable, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, unknown> };
}
