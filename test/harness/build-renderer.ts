import react from '@vitejs/plugin-react';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rollup } from 'vite';
import { aliases } from '../../build/aliases';
import { preloadDynamicImports } from '../../build/preload-dynamic-imports';

const repo = resolve(import.meta.dirname, '../..');
export const HARNESS_CLIENT = 'harness-client.js';

/**
 * Builds the real renderer (as Electron loads it) plus the harness's bridge client into a temp
 * folder, and adds the client to index.html before the app's own script.
 */
export async function buildRendererForWeb(outDir?: string): Promise<string> {
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), 'deskbridge-web-')));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(repo, 'renderer'),
    plugins: [react(), preloadDynamicImports('session.html')],
    resolve: { alias: aliases(repo) },
    build: {
      outDir: dir,
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      rollupOptions: { input: { index: join(repo, 'renderer/index.html'), session: join(repo, 'renderer/session.html') } },
    },
  });
  const client = (await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: aliases(repo) },
    build: {
      write: false,
      lib: { entry: join(repo, 'test/harness/client.ts'), formats: ['iife'], name: 'deskbridgeHarness', fileName: () => HARNESS_CLIENT },
      minify: false,
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const output = (Array.isArray(client) ? client[0] : client)?.output[0];
  if (!output || output.type !== 'chunk') throw new Error('The harness client did not build.');
  await writeFile(join(dir, HARNESS_CLIENT), output.code);
  for (const page of ['index.html', 'session.html']) {
    const file = join(dir, page);
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('<script type="module"', `<script defer src="./${HARNESS_CLIENT}"></script>\n    <script type="module"`));
  }
  return dir;
}
