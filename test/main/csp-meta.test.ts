import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspFor } from '@shared/lib/content-security-policy';

const renderer = resolve(import.meta.dirname, '../../renderer');

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort();
}

async function metaPolicy(file: string): Promise<string> {
  const html = await readFile(file, 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`${file} has no CSP meta tag`);
  return match[1];
}

describe('the CSP in each page matches the header it is served with', () => {
  it.each(['index.html', 'session.html'])('%s', async (page) => {
    const file = join(renderer, page);
    // A meta tag cannot carry frame-ancestors; the header (Electron and the web host) adds it.
    const header = directives(cspFor(file)).filter((d) => !d.startsWith('frame-ancestors'));
    expect(directives(await metaPolicy(file))).toEqual(header);
  });

  it('only the session page may open WebSockets to the VNC bridge', () => {
    expect(cspFor('/app/renderer/index.html')).not.toContain('ws:');
    expect(cspFor('/app/renderer/session.html')).toContain("connect-src 'self' ws://127.0.0.1:*");
  });
});
