/**
 * Doyensec Electronegativity through its JS API (its CLI always exits 0) on the TypeScript
 * sources, offline: its translation download is stubbed and its online release check replaced
 * by our own Electron version check (electron-version.ts).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from './finding';

interface Issue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number };
  readonly severity: { readonly value: number; readonly name: string };
  readonly confidence: { readonly name: string };
  readonly description: string | Record<string, string>;
}
interface RunResult {
  readonly issues: readonly Issue[];
  readonly errors: readonly { readonly file: string; readonly message: string; readonly tolerable: boolean }[];
  readonly atomicChecks: number;
  readonly globalChecks: number;
}
type Runner = (options: Record<string, unknown>) => Promise<RunResult>;

export interface AllowedIssue {
  readonly id: string;
  readonly file: string;
  /** Why this finding is acceptable: reviewed, and what protects it instead. */
  readonly why: string;
}

/** The short, reviewed allowlist. Each entry names the check, the file, and the reason. */
export const ALLOWLIST: readonly AllowedIssue[] = [
  {
    id: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'electron/main/index.ts',
    why: 'deskbridge:// is a product feature; links are parsed strictly by shared/lib/deep-link.ts and confirmed by the user before anything is saved.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'electron/main/windows/secure-window.ts',
    why: 'Reviewed: the sandboxed preload exposes only the named contract functions built from shared/ipc (never ipcRenderer), under contextIsolation.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/platform/electron-browser.ts',
    why: 'The one vetting module: every URL passes isSafeExternalUrl (https, or http on 127.0.0.1 or [::1]; ASCII host) first; lint bans openExternal elsewhere.',
  },
];

export const SCANNED = ['electron', 'renderer/index.html', 'renderer/src', 'shared', 'package.json'];
const MEDIUM = 2;

function loadRunner(): Runner {
  const require = createRequire(import.meta.url);
  const home = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const own = createRequire(join(home, 'dist/runner.js'));
  // Its i18n step downloads translations from the internet: answer "offline" at once instead.
  const gotPath = own.resolve('got');
  const offline = () => Promise.reject(new Error('offline'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  const loaded = own('./runner.js') as { default?: Runner } & Runner;
  return loaded.default ?? loaded;
}

/** Electronegativity prints progress with console.log even through its API; keep the gate's output readable. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  /* eslint-disable no-console */
  const log = console.log;
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
  }
  /* eslint-enable no-console */
}

function describe(issue: Issue): string {
  const text = typeof issue.description === 'string' ? issue.description : (Object.values(issue.description)[0] ?? '');
  return `${issue.severity.name}/${issue.confidence.name}: ${text}`;
}

export interface ScanReport {
  readonly findings: Finding[];
  readonly allowed: Issue[];
  readonly checks: number;
}

/** Scans a copy of the sources; MEDIUM or worse outside the allowlist is a finding. */
export async function scanWithElectronegativity(root: string, electronVersion: string, allowlist = ALLOWLIST, paths = SCANNED): Promise<ScanReport> {
  const stage = await mkdtemp(join(tmpdir(), 'deskbridge-electronegativity-'));
  try {
    for (const path of paths) await cp(join(root, path), join(stage, path), { recursive: true });
    const run = loadRunner();
    const result = await quietly(() =>
      run({
        input: stage,
        isRelative: true,
        electronVersionOverride: electronVersion,
        // Online release check; replaced by electron-version.ts, which works offline.
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      }),
    );
    const findings: Finding[] = result.errors
      .filter((e) => !e.tolerable)
      .map((e) => ({ check: 'ELECTRONEGATIVITY_PARSE_ERROR', file: e.file.replace(`${stage}/`, ''), line: 0, message: e.message }));
    const allowed: Issue[] = [];
    for (const issue of result.issues) {
      if (issue.severity.value < MEDIUM) continue;
      if (allowlist.some((a) => a.id === issue.id && a.file === issue.file)) allowed.push(issue);
      else findings.push({ check: issue.id, file: issue.file, line: issue.location.line, message: describe(issue) });
    }
    return { findings, allowed, checks: result.atomicChecks + result.globalChecks };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
