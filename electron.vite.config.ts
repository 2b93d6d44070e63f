import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { aliases } from './build/aliases';
import { preloadDynamicImports } from './build/preload-dynamic-imports';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    resolve: { alias: aliases(root) },
    build: {
      outDir: 'out/main',
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        external: ['electron', 'keytar'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    resolve: { alias: aliases(root) },
    build: {
      outDir: 'out/preload',
      sourcemap: false,
      // A sandboxed preload cannot require anything but electron: one self-contained CJS file per
      // entry (isolatedEntries: no chunk shared between them). index: the main window's full API;
      // session: a session window's own calls only.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts'), session: resolve(root, 'electron/preload/session.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // The session page's entry is small; noVNC and the UI it imports download beside it.
    plugins: [react(), preloadDynamicImports('session.html')],
    resolve: { alias: aliases(root) },
    build: {
      outDir: resolve(root, 'out/renderer'),
      sourcemap: false,
      // es2022: noVNC uses top-level await. session.html is the only page that loads noVNC.
      target: 'es2022',
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html'), session: resolve(root, 'renderer/session.html') } },
    },
  },
});
