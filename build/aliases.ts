import { resolve } from 'node:path';

/**
 * The import aliases, one per top-level part of the code: `@shared/lib/x` instead of
 * `../../../shared/lib/x`. The same table is in tsconfig.base.json (and tsconfig.json, for tsx) as
 * `paths`; Vite (electron.vite.config.ts, the harness's build) and Vitest read it from here.
 * ESLint's layering rules (eslint.config.js) ban the aliases across layers as they ban the paths.
 */
export const ALIAS_DIRS = {
  '@shared': 'shared',
  '@core': 'electron/core',
  '@main': 'electron/main',
  '@preload': 'electron/preload',
  '@renderer': 'renderer/src',
} as const;

/** Vite's resolve.alias for the repository at `root`. */
export function aliases(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(ALIAS_DIRS).map(([alias, dir]) => [alias, resolve(root, dir)]));
}
