import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildRendererForWeb } from '../harness/build-renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

/** Builds the real renderer once for every e2e file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await buildRendererForWeb();
  project.provide('rendererDir', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
