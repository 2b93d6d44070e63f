import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OrgProfile } from '@shared/models/org';
import {
  DEFAULT_PREFERENCES,
  emptySettings,
  orgProfileSchema,
  preferencesSchema,
  SETTINGS_VERSION,
  settingsFileSchema,
  type Settings,
} from './settings-schema';

export interface Recovery {
  readonly message: string;
  readonly details: string;
}

export interface LoadResult {
  readonly settings: Settings;
  /** Present when the file was damaged or hand-edited and had to be repaired. */
  readonly recovery?: Recovery;
}

/** Where a damaged file is moved so nothing the user had is silently destroyed. */
export function setAsidePath(file: string): string {
  return `${file}.corrupt`;
}

function recoverFrom(raw: unknown): { settings: Settings; dropped: string[] } | null {
  const envelope = settingsFileSchema.safeParse(raw);
  if (!envelope.success) return null;
  const dropped: string[] = [];
  const organizations: OrgProfile[] = [];
  envelope.data.organizations.forEach((entry, index) => {
    const parsed = orgProfileSchema.safeParse(entry);
    if (parsed.success && !parsed.data.managed) organizations.push(parsed.data);
    else dropped.push(`organization #${index + 1}`);
  });
  const prefs = preferencesSchema.safeParse(envelope.data.preferences ?? {});
  if (!prefs.success) dropped.push('preferences');
  return {
    settings: { version: SETTINGS_VERSION, organizations, preferences: prefs.success ? prefs.data : DEFAULT_PREFERENCES },
    dropped,
  };
}

/**
 * The settings file: read once, recovered when damaged, written atomically (temp file + fsync +
 * rename) with writes serialised so a later write never loses to an earlier one.
 */
export class SettingsStore {
  private current: Settings = emptySettings();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  get(): Settings {
    return this.current;
  }

  async load(): Promise<LoadResult> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { settings: this.current };
      // Unreadable (a folder in its place, an I/O error): never a crash, same recovery as damage.
      return this.recover(
        emptySettings(),
        'Your settings file could not be read, so Deskbridge started with fresh settings.',
        `Reading it failed (${code ?? 'unknown error'}).`,
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.recover(
        emptySettings(),
        'Your settings file was damaged, so Deskbridge started with fresh settings.',
        'The file is not valid JSON (it may have been cut short).',
      );
    }
    const recovered = recoverFrom(raw);
    if (!recovered) {
      return this.recover(
        emptySettings(),
        'Your settings file could not be read, so Deskbridge started with fresh settings.',
        'The file does not have the expected structure or version.',
      );
    }
    const reserialised = JSON.stringify(recovered.settings);
    if (recovered.dropped.length === 0 && reserialised === JSON.stringify(raw)) {
      this.current = recovered.settings;
      return { settings: this.current };
    }
    if (recovered.dropped.length === 0) {
      // Only cosmetic differences (unknown keys, defaults): keep the cleaned copy, no notice.
      this.current = recovered.settings;
      await this.write(this.current);
      return { settings: this.current };
    }
    return this.recover(
      recovered.settings,
      'Some of your settings were invalid and were reset; everything else was kept.',
      `Reset: ${recovered.dropped.join(', ')}.`,
    );
  }

  async update(change: (settings: Settings) => Settings): Promise<Settings> {
    const next = change(this.current);
    this.current = next;
    await this.write(next);
    return next;
  }

  private async recover(settings: Settings, message: string, details: string): Promise<LoadResult> {
    this.current = settings;
    try {
      await rm(setAsidePath(this.file), { recursive: true, force: true });
      await rename(this.file, setAsidePath(this.file));
      await this.write(settings);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return { settings, recovery: { message, details: `${details} It could not be set aside or replaced (${code}); changes may not be saved.` } };
    }
    return { settings, recovery: { message, details: `${details} The damaged file was kept as ${setAsidePath(this.file)}.` } };
  }

  private write(settings: Settings): Promise<void> {
    const run = this.writing.then(() => writeAtomically(this.file, `${JSON.stringify(settings, null, 2)}\n`));
    this.writing = run.catch(() => undefined);
    return run;
  }
}

export async function writeAtomically(file: string, data: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
