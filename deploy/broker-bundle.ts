/**
 * `npm run broker:bundle`: the broker Lambda as one ES module (broker/src/lambda.ts and its npm
 * dependencies) in out/broker/index.mjs, zipped as out/broker/deskbridge-broker.zip for the
 * broker stack's CodeS3Bucket/CodeS3Key. Offline: nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the handler into `outdir`; returns the module's path. */
export async function bundleBroker(outdir: string): Promise<string> {
  await mkdir(outdir, { recursive: true });
  const outfile = join(outdir, 'index.mjs');
  await build({
    entryPoints: [join(root, 'broker/src/lambda.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // Some AWS SDK dependencies are CommonJS and call require(): give the module one.
    banner: { js: "import { createRequire as __deskbridgeRequire } from 'node:module'; const require = __deskbridgeRequire(import.meta.url);" },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  return outfile;
}

async function main(): Promise<void> {
  const outdir = join(root, 'out/broker');
  await rm(outdir, { recursive: true, force: true });
  const file = await bundleBroker(outdir);
  execFileSync('zip', ['-q', '-j', join(outdir, 'deskbridge-broker.zip'), file, `${file}.LEGAL.txt`], { stdio: 'inherit' });
  process.stdout.write(`Wrote ${join(outdir, 'deskbridge-broker.zip')}: upload it to S3 and give its bucket and key to the DeskbridgeBroker stack.\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
