/** Where Electron may write while Deskbridge runs, and how it is cleaned up (docs/architecture.md, the privacy contract). */
import type { App } from 'electron';
import { planRunDir, prepareRunDir, removeRunDir, sweepStaleRunDirs, type RunDir } from './platform/run-dirs';

type PathApp = Pick<App, 'getPath' | 'setPath' | 'setAppLogsPath'>;

/**
 * Points userData, sessionData, crashDumps and logs at a fresh per-run temp folder. Synchronous
 * (no disk I/O) because Electron requires these paths before 'ready'; `prepare` then creates
 * the folder 0700 and is awaited before anything is opened.
 */
export function redirectElectronDirs(app: PathApp, tmpRoot: string = app.getPath('temp')): { run: RunDir; prepare: Promise<void> } {
  const run = planRunDir(tmpRoot);
  app.setPath('userData', run.dirs.userData);
  app.setPath('sessionData', run.dirs.sessionData);
  app.setPath('crashDumps', run.dirs.crashDumps);
  app.setAppLogsPath(run.dirs.logs);
  return { run, prepare: prepareRunDir(run) };
}

type QuitApp = Pick<App, 'on' | 'quit'>;

/**
 * On quit: dispose core, then remove the run folder, then let the app really quit. Anything
 * Chromium writes during its own teardown is swept at the next start.
 */
export function removeOnQuit(app: QuitApp, run: RunDir, dispose: () => Promise<void>, onError: (error: unknown) => void): void {
  let cleaned = false;
  app.on('will-quit', (event) => {
    if (cleaned) return;
    event.preventDefault();
    void (async () => {
      await dispose().catch(onError);
      await removeRunDir(run).catch(onError);
      cleaned = true;
      app.quit();
    })();
  });
}

export { sweepStaleRunDirs };
