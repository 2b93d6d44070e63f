import { chmod, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Connection files for native clients: a private folder (0700) of files readable only by the
 * user (0600), each removed when its client exits and all of them when Deskbridge quits.
 */
export class TempFiles {
  private dir: Promise<string> | null = null;
  private readonly files = new Set<string>();

  constructor(private readonly base: string = tmpdir()) {}

  private folder(): Promise<string> {
    const dir = (this.dir ??= mkdtemp(join(this.base, 'deskbridge-')).then(async (created) => {
      await chmod(created, 0o700);
      return created;
    }));
    // A folder that could not be made (temp full, not writable) is tried again next time.
    dir.catch(() => {
      if (this.dir === dir) this.dir = null;
    });
    return dir;
  }

  /** Writes a new file named `<random>.<extension>` (never overwriting) and returns its path. */
  async write(extension: string, content: string | Uint8Array): Promise<string> {
    if (!/^[a-z0-9]{1,8}$/.test(extension)) throw new Error('Invalid file extension.');
    const file = join(await this.folder(), `${randomBytes(8).toString('hex')}.${extension}`);
    const handle = await open(file, 'wx', 0o600);
    this.files.add(file);
    try {
      await handle.chmod(0o600);
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return file;
  }

  async remove(file: string): Promise<void> {
    this.files.delete(file);
    await rm(file, { force: true });
  }

  /** Removes every file and the folder. */
  async dispose(): Promise<void> {
    const dir = this.dir;
    this.dir = null;
    this.files.clear();
    const path = dir ? await dir.catch(() => null) : null;
    if (path) await rm(path, { recursive: true, force: true });
  }
}
