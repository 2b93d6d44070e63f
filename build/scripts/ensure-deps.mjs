// Installs the npm dependencies when a clone has none yet (or the lock file changed), so that
// `npm start` and `npm test` work straight from a fresh clone. Plain Node: nothing to install first.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules/.package-lock.json');

if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  process.stdout.write('Installing npm dependencies (npm ci)…\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(
      'npm ci failed. The keychain module (keytar) builds from source: on Debian or Ubuntu it needs `apt-get install libsecret-1-dev` (and python3, make, g++).\n',
    );
    process.exit(result.status ?? 1);
  }
}
