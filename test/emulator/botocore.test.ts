import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index';
import { signInWithOidc } from './oidc-helpers';
import { DEMO_ROLE_ARN, DIRECTORY_FULL, DIRECTORY_RESTRICTED } from './seed';

/**
 * A second, independent SDK against the emulator: Debian's python3-botocore (test/run.sh installs
 * it), so the emulator cannot grow toward the JavaScript SDK's habits (signing, parsing, errors).
 */
const PYTHON = '/usr/bin/python3';
const SCRIPT = resolve(import.meta.dirname, 'botocore/exercise.py');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface WireError {
  readonly code: string;
  readonly message?: string;
  readonly status?: number;
  readonly requestId?: string;
}

interface Outcome {
  readonly botocore: string;
  readonly assumedArn: string;
  /** Epoch seconds, as botocore parsed them. */
  readonly expiration: number;
  readonly callerArn: string;
  readonly directories: string[];
  readonly workspaceCount: number;
  readonly workspacesNextToken: boolean;
  readonly connectionCheck: number;
  readonly startFailed: [string, string][];
  readonly stateAfterStart: string;
  readonly invalidCompute: WireError;
  readonly invalidLimit: WireError;
  readonly wrongRegion: WireError;
}

/** Runs the script with an empty environment (no AWS_* variables, no ~/.aws) and its input on stdin. */
function runBotocore(input: unknown): Promise<Outcome> {
  return new Promise((done, reject) => {
    const child = spawn(PYTHON, [SCRIPT], { env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', LANG: 'C.UTF-8' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`botocore script exited with ${String(code)}:\n${stderr}`));
      else done(JSON.parse(stdout) as Outcome);
    });
    child.stdin.end(JSON.stringify(input));
  });
}

let emu: Emulator;
let outcome: Outcome;
let startedAt: number;

beforeAll(async () => {
  await access(PYTHON, constants.X_OK).catch(() => {
    throw new Error(`${PYTHON} is missing: install python3-botocore (test/run.sh does); this test needs the second SDK.`);
  });
  // A frozen emulator clock on a whole second, so the timestamps botocore parses are exact.
  startedAt = Math.floor(Date.now() / 1000) * 1000;
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true, start: startedAt } });
  const tokens = await signInWithOidc(emu.endpoints.oidcIssuer, 'alice', 'alice-demo-pass');
  const alice = emu.state.listWorkspaces('alice');
  const id = (name: string): string => alice.find((w) => w.workspaceName === name)?.id ?? '';
  emu.state.setConnectionState(id('Linux-VNC'), 'CONNECTED');
  outcome = await runBotocore({
    region: emu.region,
    endpoints: emu.endpoints,
    roleArn: DEMO_ROLE_ARN,
    idToken: tokens.id_token,
    directoryId: DIRECTORY_FULL,
    stoppedId: id('Daily-AutoStop'),
    availableId: id('Linux-VNC'),
    connectedId: id('Linux-VNC'),
  });
});
afterAll(async () => {
  await emu?.stop();
});

describe('the emulator under botocore (python3-botocore)', () => {
  it('assumes the demo role with a web identity and signs STS calls with the session', () => {
    expect(outcome.botocore).toMatch(/^\d+\.\d+\.\d+/);
    expect(outcome.assumedArn).toBe(`${DEMO_ROLE_ARN.replace(':iam:', ':sts:').replace(':role/', ':assumed-role/')}/alice`);
    expect(outcome.callerArn).toBe(outcome.assumedArn);
    // The default session of one hour, parsed from STS's ISO 8601 timestamp.
    expect(outcome.expiration).toBe(startedAt / 1000 + 3600);
  });

  it('describes directories and desktops with botocore-signed requests, timestamps parsed as seconds', () => {
    // IAM cannot scope DescribeWorkspaceDirectories: the role sees every directory of the account.
    expect(outcome.directories).toEqual([DIRECTORY_FULL, DIRECTORY_RESTRICTED]);
    expect(outcome.workspaceCount).toBe(emu.state.listWorkspaces('alice').filter((w) => w.directoryId === DIRECTORY_FULL).length);
    expect(outcome.workspacesNextToken).toBe(false);
    // Epoch seconds on the wire: parsed as milliseconds they would land thousands of years out.
    expect(outcome.connectionCheck).toBe(startedAt / 1000);
  });

  it('starts a stopped desktop and reports the running one as failed', () => {
    const running = emu.state.listWorkspaces('alice').find((w) => w.workspaceName === 'Linux-VNC')?.id;
    expect(outcome.startFailed).toEqual([[running, 'InvalidResourceState']]);
    expect(['STARTING', 'AVAILABLE']).toContain(outcome.stateAfterStart);
  });

  it('gets ValidationException for an unknown compute type and an over-large Limit', () => {
    for (const error of [outcome.invalidCompute, outcome.invalidLimit]) {
      expect(error).toMatchObject({ code: 'ValidationException', status: 400 });
      expect(error.requestId).toMatch(UUID);
    }
    expect(outcome.invalidCompute.message).toMatch(/^1 validation error detected: Value 'NOT_A_COMPUTE' at 'workspaceProperties.computeTypeName'/);
    expect(outcome.invalidLimit.message).toMatch(/at 'limit' failed to satisfy constraint: Member must have value less than or equal to 25$/);
  });

  it('is refused when signing for another region', () => {
    expect(outcome.wrongRegion).toMatchObject({
      code: 'InvalidSignatureException',
      status: 403,
      message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
    });
  });
});
