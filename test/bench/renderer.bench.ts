/** Renderer: time to render the 2,500-desktop list in Chromium after the data arrives, and the initial bundle size. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { createCore } from '../../electron/core';
import { MemorySecretStore } from '../../electron/core/vault/memory-secret-store';
import { launchChromium } from '../e2e/support/chromium';
import { loginWithPassword, startEmulator } from '../emulator';
import { buildRendererForWeb, HARNESS_CLIENT } from '../harness/build-renderer';
import { startHarness } from '../harness/server';
import { atMost, below, type Benchmark, type Figure } from './figures';

const gzipAsync = promisify(gzip);

/** Gzipped bytes of what index.html loads first (scripts, preloads, styles), harness client excluded. */
async function initialBundle(dir: string): Promise<{ gzip: number; raw: number }> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '').filter((r) => r !== HARNESS_CLIENT);
  let gz = 0;
  let raw = 0;
  for (const ref of new Set(refs)) {
    const bytes = await readFile(join(dir, ref));
    raw += (await stat(join(dir, ref))).size;
    gz += (await gzipAsync(bytes, { level: 9 })).length;
  }
  return { gzip: gz, raw };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const bench: Benchmark = async () => {
  const rendererDir = await buildRendererForWeb();
  const bundle = await initialBundle(rendererDir);
  const emu = await startEmulator({ bulkCount: 2500 });
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-bench-'));
  const policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify(emu.demo.managedPolicy));
  const opened: ((url: string) => void)[] = [];
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-bench', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile },
    secrets: new MemorySecretStore(),
    browser: { open: async (url) => opened.shift()?.(url) },
  });
  const harness = await startHarness(core, rendererDir);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    await page.goto(harness.url);
    const url = new Promise<string>((resolve) => opened.push(resolve));
    await page.getByRole('button', { name: 'Sign in to Deskbridge Demo (OIDC)' }).click();
    await fetch(await loginWithPassword(await url, 'bulk', 'bulk-demo-pass'));
    await page.getByText('2500 of 2500 desktops').first().waitFor({ timeout: 120_000 });
    // Three more full pushes of the whole list (manual refreshes) for a steadier figure.
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(1500);
    }
    const measures = await page.evaluate(() =>
      performance.getEntriesByName('desktops:render', 'measure').map((m) => ({ ms: m.duration, count: (m as PerformanceMeasure).detail as number })),
    );
    const full = measures.filter((m) => m.count === 2500).map((m) => m.ms);
    const rendered = await page.locator('article.desktop-row').count();
    const name = 'renderer (Chromium)';
    const figures: Figure[] = [
      { benchmark: name, metric: 'render 2,500 desktops after data arrives, first', value: Math.round((full[0] ?? NaN) * 10) / 10, unit: 'ms', target: below(100, 'ms') },
      { benchmark: name, metric: `render 2,500 desktops, median of ${full.length}`, value: Math.round(median(full) * 10) / 10, unit: 'ms', target: below(100, 'ms') },
      { benchmark: name, metric: 'desktop cards in the DOM (virtualised)', value: rendered, unit: 'cards' },
      { benchmark: name, metric: 'initial bundle (JS + CSS), gzipped', value: Math.round(bundle.gzip / 102.4) / 10, unit: 'KB', target: atMost(250, 'KB') },
      { benchmark: name, metric: 'initial bundle (JS + CSS), raw', value: Math.round(bundle.raw / 102.4) / 10, unit: 'KB' },
    ];
    return figures;
  } finally {
    await browser.close();
    await harness.stop();
    await core.dispose();
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(rendererDir, { recursive: true, force: true });
  }
};

export default bench;
