/**
 * Run by keychain.test.ts in a child process whose D-Bus session address points at nothing: the real
 * KeytarSecretStore cannot reach a secret service. Signs in with "stay signed in" and prints what happened.
 */
import { createCore } from '../../../electron/core';
import { KeytarSecretStore } from '@core/vault/keytar-secret-store';
import { userAtBrowser } from './play-user';

const [settingsFile = '', policyFile = ''] = process.argv.slice(2);
const core = await createCore({
  info: { name: 'Deskbridge', version: '0.0.0-test', host: 'web', platform: process.platform },
  paths: { settingsFile, policyFile },
  secrets: new KeytarSecretStore(),
  browser: userAtBrowser('alice', 'alice-demo-pass'),
});
const orgs = await core.api.orgs.list();
const orgId = orgs.ok ? (orgs.value.organizations.find((o) => o.signIn.method === 'oidc')?.id ?? '') : '';
const signIn = await core.api.auth.signIn(orgId, { staySignedIn: true });
const notices = await core.api.app.notices();
const signOut = await core.api.auth.signOut(orgId);
await core.dispose();
process.stdout.write(`${JSON.stringify({ signIn, notices, signOut })}\n`);
process.exit(0);
