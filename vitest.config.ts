import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { aliases } from './build/aliases';

const root = import.meta.dirname;
/** The import aliases (build/aliases.ts), for every project. */
const resolveAliases = { alias: aliases(root) };

export default defineConfig({
  test: {
    projects: [
      { resolve: resolveAliases, test: { name: 'shared', root, include: ['test/shared/**/*.test.ts'], environment: 'node' } },
      { resolve: resolveAliases, test: { name: 'core', root, include: ['test/core/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        resolve: { alias: { ...aliases(root), electron: resolve(root, 'test/main/fake-electron.ts') } },
        test: { name: 'main', root, include: ['test/main/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: resolveAliases,
        test: { name: 'broker', root, include: ['test/broker/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      { resolve: resolveAliases, test: { name: 'renderer', root, include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom', testTimeout: 20_000 } },
      {
        resolve: resolveAliases,
        test: {
          name: 'build',
          root,
          include: ['test/build/**/*.test.ts', 'test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: resolveAliases,
        test: { name: 'emulator', root, include: ['test/emulator/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        resolve: resolveAliases,
        test: {
          name: 'system',
          root,
          include: ['test/system/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: resolveAliases,
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
