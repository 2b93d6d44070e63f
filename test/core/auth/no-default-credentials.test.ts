import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator';
import { ALICE, type AuthUnderTest, ManualClock, playingBrowser, startAuth } from './support';

let emu: Emulator;
let app: AuthUnderTest | null = null;
let home: string;
let marker: string;

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  emu = await startEmulator({ bulkCount: 0, clock: { manual: true } });
  // A HOME whose ~/.aws would hand out credentials and leave a marker if the SDK ever asked it.
  home = await mkdtemp(join(tmpdir(), 'deskbridge-home-'));
  marker = join(home, 'default-chain-was-used');
  await mkdir(join(home, '.aws'));
  const process = `credential_process = sh -c 'touch ${marker}; echo {\\"Version\\":1,\\"AccessKeyId\\":\\"AKIABOGUS\\",\\"SecretAccessKey\\":\\"bogus\\"}'`;
  await writeFile(join(home, '.aws', 'config'), `[default]\nregion = eu-north-9\n${process}\n\n[profile bogus]\n${process}\n`);
  await writeFile(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIABOGUSFROMFILE\naws_secret_access_key = bogus\n');
  vi.stubEnv('HOME', home);
  vi.stubEnv('AWS_PROFILE', 'bogus');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIABOGUSFROMENV');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'bogus');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await app?.close();
  app = null;
  await emu.stop();
  await rm(home, { recursive: true, force: true });
});

describe('AWS SDK clients never use the default credential chain', () => {
  it('OIDC sign-in (unsigned AssumeRoleWithWebIdentity) works and never reads ~/.aws or the environment', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE) });
    expect((await app.auth.signIn(app.oidcOrgId, { staySignedIn: false })).ok).toBe(true);
    const credentials = await app.auth.session(app.oidcOrgId)!.credentials();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(await exists(marker)).toBe(false);
  });

  it('Identity Center sign-in (SSO OIDC, portal, GetCallerIdentity) never reads ~/.aws or the environment', async () => {
    app = await startAuth(emu, { clock: ManualClock.linkedTo(emu), browser: playingBrowser(ALICE) });
    expect((await app.auth.signIn(app.idcOrgId, { staySignedIn: false })).ok).toBe(true);
    expect((await app.auth.session(app.idcOrgId)!.credentials()).accessKeyId).not.toMatch(/BOGUS/);
    expect(await exists(marker)).toBe(false);
  });

  it('the marker would appear if the default chain were used (the test can fail)', async () => {
    const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    delete process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_SECRET_ACCESS_KEY'];
    const client = new STSClient({ region: 'us-east-1', endpoint: emu.endpoints.sts, maxAttempts: 1 });
    await client.send(new GetCallerIdentityCommand({})).catch(() => undefined);
    expect(await exists(marker)).toBe(true);
  });
});
