import { DeleteTagsCommand } from '@aws-sdk/client-workspaces';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main, parseTagOwnersArgs } from '../../deploy/admin/cli';
import { type Emulator, OWNER_TAG_KEY, startEmulator } from '../emulator';
import { workspacesClient } from '../emulator/helpers';
import { DIRECTORY_FULL } from '../emulator/seed';

const root = resolve(import.meta.dirname, '../..');
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

const ownerOf = (e: Emulator, id: string): string | undefined => e.state.getWorkspace(id)?.tags.find((t) => t.Key === OWNER_TAG_KEY)?.Value;

/** Two of alice's desktops lose their owner tag, one of bob's names alice: what IT finds after reassignments. */
async function untidy(e: Emulator): Promise<{ untagged: string[]; wrong: string }> {
  const admin = workspacesClient(e);
  const untagged = e.state
    .listWorkspaces('alice')
    .slice(0, 2)
    .map((w) => w.id);
  for (const id of untagged) await admin.send(new DeleteTagsCommand({ ResourceId: id, TagKeys: [OWNER_TAG_KEY] }));
  const wrong = e.state.listWorkspaces('bob')[0]?.id ?? '';
  e.state.setTag(wrong, OWNER_TAG_KEY, 'alice');
  return { untagged, wrong };
}

function adminEnv(e: Emulator): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: e.adminCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: e.adminCredentials.secretAccessKey,
    AWS_PROFILE: '',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
  };
}

describe('npm run admin -- tag-owners', () => {
  it('dry run reports, changes nothing; the real run fixes exactly what is missing or wrong; a second run changes nothing', async () => {
    emu = await startEmulator({ bulkCount: 0 });
    const { untagged, wrong } = await untidy(emu);
    const env = adminEnv(emu);
    const run = (extra: string[]) => {
      const lines: string[] = [];
      const saved = { ...process.env };
      Object.assign(process.env, env);
      return main(['tag-owners', '--directory', DIRECTORY_FULL, '--region', 'us-east-1', '--endpoint-url', emu?.endpoints.workspaces ?? '', ...extra], (l) =>
        lines.push(l),
      )
        .then((code) => ({ code, lines }))
        .finally(() => {
          process.env = saved;
        });
    };

    const dry = await run(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.lines.at(-1)).toBe('Dry run, nothing changed: would add 2, would correct 1, unchanged 16, skipped 2, failed 0.');
    expect(dry.lines).toContain(`${wrong}: would set ${OWNER_TAG_KEY}=bob (was alice)`);
    for (const id of untagged) expect(ownerOf(emu, id)).toBeUndefined();
    expect(ownerOf(emu, wrong)).toBe('alice');

    const real = await run([]);
    expect(real.code).toBe(0);
    expect(real.lines.at(-1)).toBe('Added 2, corrected 1, unchanged 16, skipped 2, failed 0.');
    for (const id of untagged) expect(ownerOf(emu, id)).toBe('alice');
    expect(ownerOf(emu, wrong)).toBe('bob');

    const again = await run([]);
    expect(again.lines.at(-1)).toBe('Added 0, corrected 0, unchanged 19, skipped 2, failed 0.');
  });

  it('runs as a command with the administrator’s credentials from the environment', async () => {
    emu = await startEmulator({ bulkCount: 0 });
    await untidy(emu);
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'deploy/admin/cli.ts', 'tag-owners', '--directory', DIRECTORY_FULL, '--region', 'us-east-1', '--endpoint-url', emu.endpoints.workspaces],
      { cwd: root, env: adminEnv(emu) },
    );
    expect(stdout).toContain('Added 2, corrected 1, unchanged 16, skipped 2, failed 0.');
    expect(stdout).not.toContain(emu.adminCredentials.secretAccessKey);
  });

  it.each([
    [['tag-owners', '--region', 'us-east-1'], /--directory must be a WorkSpaces directory id/],
    [['tag-owners', '--directory', 'corp', '--region', 'us-east-1'], /not “corp”/],
    [['tag-owners', '--directory', DIRECTORY_FULL, '--region', 'Frankfurt'], /--region must be an AWS Region like eu-central-1, not “Frankfurt”/],
    [['tag-owners', '--directory', DIRECTORY_FULL, '--region', 'us-east-1', '--tag-key', 'aws:owner'], /--tag-key “aws:owner” is not a tag key/],
    [['tag-owners', '--directory', DIRECTORY_FULL, '--region', 'us-east-1', '--force'], /Unknown option '--force'/],
    [['tag-everything'], /Unknown command “tag-everything”/],
  ])('refuses %j with a specific message', (argv, message) => {
    expect(() => parseTagOwnersArgs(argv)).toThrow(message);
  });

  it('usage errors exit with 2 and show the usage', async () => {
    const lines: string[] = [];
    expect(await main(['tag-owners'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain('Usage: npm run admin -- tag-owners');
  });
});
