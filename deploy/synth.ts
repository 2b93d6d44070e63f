/** Writes the kit's CloudFormation templates to deploy/templates (npm run kit:synth). */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKit, STACK_NAMES, type KitStackName } from './app';

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'templates');

export function templateFile(name: KitStackName): string {
  return join(TEMPLATES_DIR, `${name}.template.json`);
}

/** Every stack's template as the committed file spells it (two-space JSON, final newline). */
export async function synthesizeTemplates(): Promise<Readonly<Record<KitStackName, string>>> {
  const outdir = await mkdtemp(join(tmpdir(), 'deskbridge-kit-'));
  try {
    const { app } = buildKit(outdir);
    const assembly = app.synth();
    const entries = await Promise.all(
      STACK_NAMES.map(async (name) => {
        const stack = assembly.getStackByName(name);
        const json: unknown = JSON.parse(await readFile(join(outdir, stack.templateFile), 'utf8'));
        return [name, `${JSON.stringify(json, null, 2)}\n`] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<KitStackName, string>;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const templates = await synthesizeTemplates();
  for (const name of STACK_NAMES) await writeFile(templateFile(name), templates[name]);
  process.stdout.write(`Wrote ${STACK_NAMES.length} templates to ${TEMPLATES_DIR}\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
