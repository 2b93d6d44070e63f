import { RebootWorkspacesCommand, RebuildWorkspacesCommand, StopWorkspacesCommand } from '@aws-sdk/client-workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED_STATES as CLIENT_STATES, ACCEPTED_WHEN_STUCK, gate } from '@shared/lib/self-service';
import { DESKTOP_STATES } from '@shared/models/desktop';
import { workspacesClient } from './helpers';
import { type Emulator, startEmulator } from './index';
import { loadModel } from './model-validator';
import { ACCEPTED_STATES as EMULATOR_STATES, REBOOT_STUCK_MS } from './workspaces/ops-actions';
import { MODIFIABLE_STATES } from './workspaces/ops-modify';

/** What the API reference says about the states an operation accepts, read from its documentation text. */
interface DocumentedRule {
  /** States named in the "You cannot … unless" sentence. */
  readonly states: readonly string[];
  /** States accepted only under a condition ("… only if … stuck … for over N minutes"). */
  readonly conditional: readonly string[];
  readonly conditionMinutes?: number;
  /** Other code words of the rule sentence (running modes such as AutoStop, Manual). */
  readonly otherCodes: readonly string[];
}

const STATE_NAMES: ReadonlySet<string> = new Set(DESKTOP_STATES);
let documentation: (operation: string) => string;

function codes(sentence: string): string[] {
  return [...sentence.matchAll(/<code>\s*([^<]+?)\s*<\/code>/g)].map((m) => m[1] ?? '');
}

function documentedRule(operation: string): DocumentedRule {
  const sentences = documentation(operation)
    .replace(/<\/?p>/g, ' ')
    .split(/(?<=\.)\s+/);
  const rule = sentences.find((s) => /\bunless\b/.test(s));
  if (rule === undefined) throw new Error(`${operation}: the documentation states no rule`);
  const condition = sentences.find((s) => /\bonly if\b/.test(s));
  const minutes = condition === undefined ? undefined : /over (\d+) minutes/.exec(condition)?.[1];
  return {
    states: codes(rule).filter((c) => STATE_NAMES.has(c)),
    conditional: condition === undefined ? [] : [...new Set(codes(condition).filter((c) => STATE_NAMES.has(c)))],
    ...(minutes === undefined ? {} : { conditionMinutes: Number(minutes) }),
    otherCodes: codes(rule).filter((c) => !STATE_NAMES.has(c)),
  };
}

const sorted = (states: readonly string[]): string[] => [...states].sort();
const unconditional = (rule: DocumentedRule): string[] => sorted(rule.states.filter((s) => !rule.conditional.includes(s)));

beforeAll(async () => {
  const model = (await loadModel('workspaces')) as unknown as { operations: Record<string, { documentation?: string }> };
  documentation = (operation) => model.operations[operation]?.documentation ?? '';
});

describe('the self-service rules say what the API reference says', () => {
  it('reads the documented rules (the parser finds what the text names)', () => {
    expect(documentedRule('RebootWorkspaces')).toEqual({
      states: ['AVAILABLE', 'UNHEALTHY', 'REBOOTING'],
      conditional: ['REBOOTING'],
      conditionMinutes: 20,
      otherCodes: [],
    });
    expect(documentedRule('StartWorkspaces').otherCodes).toEqual(['AutoStop', 'Manual']);
  });

  it('restart (RebootWorkspaces): never IMPAIRED; REBOOTING only when stuck over 20 minutes', () => {
    const rule = documentedRule('RebootWorkspaces');
    expect(sorted(CLIENT_STATES.restart)).toEqual(unconditional(rule));
    expect(rule.conditional).toEqual([ACCEPTED_WHEN_STUCK.restart?.state]);
    expect(ACCEPTED_WHEN_STUCK.restart?.afterMs).toBe((rule.conditionMinutes ?? 0) * 60_000);
    expect(Object.keys(ACCEPTED_WHEN_STUCK)).toEqual(['restart']);
    expect(sorted(EMULATOR_STATES.RebootWorkspaces)).toEqual(unconditional(rule));
    expect(REBOOT_STUCK_MS).toBe((rule.conditionMinutes ?? 0) * 60_000);
    const all = { restartWorkspace: true, increaseVolumeSize: true, changeComputeType: true, switchRunningMode: true, rebuildWorkspace: true };
    expect(gate('restart', { state: 'IMPAIRED', modifications: [] }, all)).toEqual({ allowed: false, reason: 'state' });
  });

  it('rebuild (RebuildWorkspaces), start (StartWorkspaces) and stop (StopWorkspaces)', () => {
    const rebuild = documentedRule('RebuildWorkspaces');
    expect(rebuild.conditional).toEqual([]);
    expect(sorted(CLIENT_STATES.rebuild)).toEqual(sorted(rebuild.states));
    expect(sorted(EMULATOR_STATES.RebuildWorkspaces)).toEqual(sorted(rebuild.states));
    const start = documentedRule('StartWorkspaces');
    expect(sorted(CLIENT_STATES.start)).toEqual(sorted(start.states));
    expect(sorted(EMULATOR_STATES.StartWorkspaces)).toEqual(sorted(start.states));
    // "running mode of AutoStop or Manual": AlwaysOn is refused.
    expect(
      gate(
        'start',
        { state: 'STOPPED', runningMode: 'ALWAYS_ON', modifications: [] },
        { restartWorkspace: false, increaseVolumeSize: false, changeComputeType: false, switchRunningMode: false, rebuildWorkspace: false },
      ),
    ).toEqual({ allowed: false, reason: 'runningMode' });
    expect(sorted(EMULATOR_STATES.StopWorkspaces)).toEqual(sorted(documentedRule('StopWorkspaces').states));
  });

  it('modify (ModifyWorkspaceProperties): the model defers to the admin guide, AVAILABLE or STOPPED', () => {
    const doc = documentation('ModifyWorkspaceProperties');
    expect(doc).toContain('adminguide/modify-workspaces.html');
    expect(doc).not.toMatch(/\bunless\b/);
    for (const action of ['changeComputeType', 'increaseVolume', 'switchRunningMode'] as const) {
      expect(sorted(CLIENT_STATES[action]), action).toEqual(sorted(MODIFIABLE_STATES));
    }
    expect(sorted(MODIFIABLE_STATES)).toEqual(['AVAILABLE', 'STOPPED']);
  });
});

describe('the emulator refuses what the API reference rules out', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
  });
  afterAll(async () => {
    await emu.stop();
  });
  const id = (name: string): string => {
    const ws = emu.state.listWorkspaces('alice').find((w) => w.workspaceName === name);
    if (ws === undefined) throw new Error(`no workspace ${name}`);
    return ws.id;
  };
  const reboot = async (workspaceId: string) =>
    (await workspacesClient(emu).send(new RebootWorkspacesCommand({ RebootWorkspaceRequests: [{ WorkspaceId: workspaceId }] }))).FailedRequests ?? [];

  it('refuses to reboot an IMPAIRED WorkSpace, and can still stop it', async () => {
    const impaired = id('Impaired-PC');
    expect(await reboot(impaired)).toMatchObject([{ WorkspaceId: impaired, ErrorCode: 'InvalidResourceState' }]);
    expect(emu.state.getWorkspace(impaired)?.state).toBe('IMPAIRED');
    const stop = await workspacesClient(emu).send(new StopWorkspacesCommand({ StopWorkspaceRequests: [{ WorkspaceId: impaired }] }));
    expect(stop.FailedRequests).toEqual([]);
  });

  it('reboots a WorkSpace stuck in REBOOTING only after 20 minutes', async () => {
    const target = id('Unhealthy-PC');
    emu.state.setWorkspaceState(target, 'REBOOTING');
    emu.clock.advance(REBOOT_STUCK_MS - 60_000);
    expect(await reboot(target)).toMatchObject([{ ErrorCode: 'InvalidResourceState' }]);
    emu.clock.advance(2 * 60_000);
    expect(await reboot(target)).toEqual([]);
  });

  it('rebuilds a REBOOTING WorkSpace, as documented', async () => {
    const target = id('Error-PC');
    emu.state.setWorkspaceState(target, 'REBOOTING');
    const out = await workspacesClient(emu).send(new RebuildWorkspacesCommand({ RebuildWorkspaceRequests: [{ WorkspaceId: target }] }));
    expect(out.FailedRequests).toEqual([]);
  });
});
