/**
 * A configuration file only an administrator can have written (POSIX): the file and every folder
 * above it owned by root, none writable by group or others (a folder may be, if it is sticky like
 * /tmp: then nobody else can rename or replace root's entries in it), the file itself no symlink.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ManagedConfigRead, ManagedConfigSource } from './managed-policy';
import { MAX_POLICY_BYTES } from './managed-policy';

const WRITABLE_BY_OTHERS = 0o022;
const STICKY = 0o1000;

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

function refused(file: string, reason: string): ManagedConfigRead {
  return {
    kind: 'refused',
    message: 'Your organization’s policy file was ignored: someone other than an administrator could have changed it.',
    details: `${file}: ${reason}`,
  };
}

/** Null when the folder and all above it are safe, else why not. */
async function folderProblem(folder: string, rootUid: number): Promise<string | null> {
  for (let current = folder; ; current = dirname(current)) {
    const info = await lstat(current);
    if (info.uid !== rootUid) return `the folder ${current} is owned by user id ${info.uid}, not root.`;
    if ((info.mode & WRITABLE_BY_OTHERS) !== 0 && (info.mode & STICKY) === 0) {
      return `the folder ${current} can be written by group or others (mode ${octal(info.mode)}).`;
    }
    if (dirname(current) === current) return null;
  }
}

/** Checks a file's ownership and permissions, then reads it; nothing is read from a file that fails. */
export async function readAdminOnlyFile(file: string, options: { readonly rootUid?: number; readonly maxBytes?: number } = {}): Promise<ManagedConfigRead> {
  const rootUid = options.rootUid ?? 0;
  let folder: string;
  try {
    folder = await realpath(dirname(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  const path = join(folder, file.slice(dirname(file).length + 1));
  // O_NOFOLLOW: a symlink is refused; O_NONBLOCK: a FIFO in its place cannot hang the start.
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'none' };
    if (code === 'ELOOP') return refused(file, 'it is a symbolic link.');
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return refused(file, 'it is not a regular file.');
    if (info.uid !== rootUid) return refused(file, `it is owned by user id ${info.uid}, not root.`);
    if ((info.mode & WRITABLE_BY_OTHERS) !== 0) return refused(file, `it can be written by group or others (mode ${octal(info.mode)}).`);
    const problem = await folderProblem(folder, rootUid);
    if (problem) return refused(file, problem);
    const maxBytes = options.maxBytes ?? MAX_POLICY_BYTES;
    if (info.size > maxBytes) return { kind: 'refused', message: 'Your organization’s policy is too large and was ignored.', details: file };
    return { kind: 'text', text: await handle.readFile('utf8') };
  } finally {
    await handle.close();
  }
}

/** Checks a file without reading it (for a file another program parses, like a plist): null when safe. */
export async function adminOnlyFileProblem(file: string, rootUid = 0): Promise<ManagedConfigRead | null> {
  const read = await readAdminOnlyFile(file, { rootUid, maxBytes: Number.MAX_SAFE_INTEGER });
  return read.kind === 'text' ? null : read;
}

/** Linux (and other POSIX systems): /etc/deskbridge/policy.json, read only when only root could write it. */
export function adminOnlyFileSource(file: string): ManagedConfigSource {
  return { origin: file, read: () => readAdminOnlyFile(file) };
}
