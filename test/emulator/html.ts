import { escapeXml } from './xml';

/** Plain, accessible pages for the emulator's sign-in flows (no scripts, no external assets). */
export function loginPage(options: { title: string; action: string; error?: string; hidden?: Readonly<Record<string, string>>; intro?: string }): string {
  const hidden = Object.entries(options.hidden ?? {})
    .map(([name, value]) => `<input type="hidden" name="${escapeXml(name)}" value="${escapeXml(value)}">`)
    .join('');
  const error = options.error === undefined ? '' : `<p role="alert" id="error">${escapeXml(options.error)}</p>`;
  const intro = options.intro === undefined ? '' : `<p>${escapeXml(options.intro)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(options.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main>
<h1>${escapeXml(options.title)}</h1>
<p>Deskbridge local emulator — test users only.</p>
${intro}${error}
<form method="post" action="${escapeXml(options.action)}">
${hidden}
<p><label for="username">User name</label> <input id="username" name="username" autocomplete="username" required autofocus></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
</main></body></html>`;
}

export function messagePage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>
<body><main><h1>${escapeXml(title)}</h1><p role="status">${escapeXml(message)}</p></main></body></html>`;
}
