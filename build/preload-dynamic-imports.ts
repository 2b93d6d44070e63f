import type { Plugin, Rollup } from 'vite';

/**
 * Adds `<link rel="modulepreload">` to a built page for the chunks its entry imports dynamically
 * (and what those import), so they download while the page is parsed instead of after the entry
 * has run. The session page keeps noVNC and React out of its entry chunk this way without waiting
 * for them.
 */
export function preloadDynamicImports(page: string): Plugin {
  return {
    name: 'deskbridge:preload-dynamic-imports',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle[page];
      if (html?.type !== 'asset' || typeof html.source !== 'string') return;
      const source = html.source;
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      let prefix = '';
      const entry = chunks.find((c) => {
        const tag = new RegExp(`<script type="module"[^>]*src="([^"]*)${c.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(source);
        if (c.isEntry && tag) prefix = tag[1] ?? '';
        return c.isEntry && tag !== null;
      });
      if (!entry) return;
      const files = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (files.has(name) || chunk?.type !== 'chunk') return;
        files.add(name);
        chunk.imports.forEach(visit);
      };
      entry.dynamicImports.forEach(visit);
      const links = [...files]
        .filter((file) => !source.includes(`${prefix}${file}"`))
        .map((file) => `\n    <link rel="modulepreload" crossorigin href="${prefix}${file}">`)
        .join('');
      html.source = source.replace(/\n\s*<\/head>/, `${links}\n  </head>`);
    },
  };
}
