import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WireResponse, wireCall } from './helpers';
import { type Emulator, startEmulator } from './index';
import { DIRECTORY_FULL } from './seed';

/** Every WorkSpaces request is checked against the model's input shape, and answered as AWS's JSON 1.1 protocol does. */
let emu: Emulator;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  emu = await startEmulator({ bulkCount: 0 });
});
afterAll(async () => {
  await emu.stop();
});

const aliceDesktop = (name: string): string => emu.state.listWorkspaces('alice').find((w) => w.workspaceName === name)?.id ?? '';

/** Asserts an AWS JSON 1.1 error on the wire: status, both error-type carriers, request id, body. */
function expectWireError(response: WireResponse, type: string, message: string | RegExp): void {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  expect(response.headers.get('x-amzn-errortype')).toBe(type);
  expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
  expect(Object.keys(response.json).sort()).toEqual(['__type', 'message']);
  expect(response.json['__type']).toBe(type);
  if (typeof message === 'string') expect(response.json['message']).toBe(message);
  else expect(response.json['message']).toMatch(message);
}

describe('WorkSpaces request validation from the model', () => {
  it('refuses an unknown ComputeTypeName with the enum, and it never shows up later', async () => {
    const id = aliceDesktop('Daily-AutoStop');
    const out = await wireCall(
      emu,
      'ModifyWorkspaceProperties',
      JSON.stringify({ WorkspaceId: id, WorkspaceProperties: { ComputeTypeName: 'NOT_A_COMPUTE' } }),
    );
    expectWireError(
      out,
      'ValidationException',
      /^1 validation error detected: Value 'NOT_A_COMPUTE' at 'workspaceProperties\.computeTypeName' failed to satisfy constraint: Member must satisfy enum value set: \[VALUE, STANDARD, PERFORMANCE, .*GRAPHICS_G6_XLARGE.*\]$/,
    );
    const after = await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ WorkspaceIds: [id] }));
    const workspaces = after.json['Workspaces'] as { WorkspaceProperties: { ComputeTypeName: string }; ModificationStates: unknown[] }[];
    expect(workspaces[0]?.WorkspaceProperties.ComputeTypeName).toBe('STANDARD');
    expect(workspaces[0]?.ModificationStates).toEqual([]);
    expect(after.text).not.toContain('NOT_A_COMPUTE');
  });

  it('refuses switching a general-purpose desktop to a G6 graphics compute type', async () => {
    const id = aliceDesktop('Daily-AutoStop');
    const out = await wireCall(
      emu,
      'ModifyWorkspaceProperties',
      JSON.stringify({ WorkspaceId: id, WorkspaceProperties: { ComputeTypeName: 'GRAPHICS_G6_XLARGE' } }),
    );
    expect(out.status).toBe(400);
    expect(out.json['__type']).toBe('UnsupportedWorkspaceConfigurationException');
    const after = await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ WorkspaceIds: [id] }));
    expect(after.text).not.toContain('GRAPHICS_G6_XLARGE');
  });

  it.each([
    [
      'an empty UserName',
      { DirectoryId: DIRECTORY_FULL, UserName: '' },
      "Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      'an over-long UserName',
      { DirectoryId: DIRECTORY_FULL, UserName: 'u'.repeat(64) },
      `Value '${'u'.repeat(64)}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 63`,
    ],
    ['an empty NextToken', { NextToken: '' }, "Value '' at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [
      'an over-long NextToken',
      { NextToken: 'n'.repeat(2049) },
      `Value '${'n'.repeat(2049)}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    ],
    [
      'a bad WorkspaceId in the list',
      { WorkspaceIds: ['nope'] },
      "Value 'nope' at 'workspaceIds.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^ws-[0-9a-z]{8,63}$",
    ],
    ['Limit 0', { Limit: 0 }, "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"],
  ])('DescribeWorkspaces refuses %s with ValidationException', async (_name, body, violation) => {
    expectWireError(await wireCall(emu, 'DescribeWorkspaces', JSON.stringify(body)), 'ValidationException', `1 validation error detected: ${violation}`);
  });

  it('refuses a bad enum, a missing required member and a too-long list, each in AWS words', async () => {
    const id = aliceDesktop('Daily-AutoStop');
    const mode = await wireCall(emu, 'ModifyWorkspaceProperties', JSON.stringify({ WorkspaceId: id, WorkspaceProperties: { RunningMode: 'SOMETIMES' } }));
    expectWireError(
      mode,
      'ValidationException',
      "1 validation error detected: Value 'SOMETIMES' at 'workspaceProperties.runningMode' failed to satisfy constraint: Member must satisfy enum value set: [AUTO_STOP, ALWAYS_ON, MANUAL]",
    );
    const missing = await wireCall(emu, 'StartWorkspaces', '{}');
    expectWireError(
      missing,
      'ValidationException',
      "1 validation error detected: Value null at 'startWorkspaceRequests' failed to satisfy constraint: Member must not be null",
    );
    const ids = Array.from({ length: 2 }, () => ({ WorkspaceId: id }));
    const rebuild = await wireCall(emu, 'RebuildWorkspaces', JSON.stringify({ RebuildWorkspaceRequests: ids }));
    expectWireError(
      rebuild,
      'ValidationException',
      /^1 validation error detected: Value '\[.*\]' at 'rebuildWorkspaceRequests' failed to satisfy constraint: Member must have length less than or equal to 1$/,
    );
  });

  it('lists every violation of one request', async () => {
    const out = await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ Limit: 26, BundleId: 'bundle' }));
    expectWireError(
      out,
      'ValidationException',
      "2 validation errors detected: Value 'bundle' at 'bundleId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^wsb-[0-9a-z]{8,63}$; Value '26' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 25",
    );
  });

  it('answers wrong JSON types and bad JSON with SerializationException', async () => {
    expectWireError(
      await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ Limit: '5' })),
      'SerializationException',
      'STRING_VALUE can not be converted to an Integer',
    );
    expectWireError(
      await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ UserName: 7, DirectoryId: DIRECTORY_FULL })),
      'SerializationException',
      'NUMBER_INT_VALUE can not be converted to a String',
    );
    expectWireError(
      await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ WorkspaceIds: 'ws-alice0000' })),
      'SerializationException',
      'STRING_VALUE can not be converted to a List',
    );
    expectWireError(
      await wireCall(emu, 'DescribeTags', JSON.stringify({ ResourceId: { id: 'x' } })),
      'SerializationException',
      'Start of structure or map found where not expected.',
    );
    expectWireError(await wireCall(emu, 'DescribeWorkspaces', '{"Limit": 5'), 'SerializationException', 'Request body is not valid JSON');
    expectWireError(await wireCall(emu, 'DescribeWorkspaces', '[]'), 'SerializationException', 'Start of list found where not expected');
  });

  it('ignores members the model does not know and treats null as absent, as AWS does', async () => {
    const out = await wireCall(emu, 'DescribeWorkspaces', JSON.stringify({ Limit: 1, NextToken: null, Colour: 'blue' }));
    expect(out.status).toBe(200);
    expect(out.json['Workspaces']).toHaveLength(1);
  });

  it('answers success with a request id and sends timestamps as epoch seconds', async () => {
    const id = aliceDesktop('Linux-VNC');
    emu.state.setConnectionState(id, 'CONNECTED');
    const out = await wireCall(emu, 'DescribeWorkspacesConnectionStatus', JSON.stringify({ WorkspaceIds: [id] }));
    expect(out.status).toBe(200);
    expect(out.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(out.headers.get('x-amzn-errortype')).toBeNull();
    const status = (out.json['WorkspacesConnectionStatus'] as Record<string, unknown>[])[0] ?? {};
    for (const field of ['ConnectionStateCheckTimestamp', 'LastKnownUserConnectionTimestamp']) {
      expect(typeof status[field], field).toBe('number');
      // Seconds, not milliseconds: within a day of now.
      expect(Math.abs((status[field] as number) - Date.now() / 1000), field).toBeLessThan(86_400);
    }
    const bundles = await wireCall(emu, 'DescribeWorkspaceBundles', JSON.stringify({ Owner: 'AMAZON' }));
    const created = (bundles.json['Bundles'] as Record<string, unknown>[])[0]?.['CreationTime'];
    expect(created).toBe(Date.UTC(2024, 0, 15) / 1000);
  });
});
