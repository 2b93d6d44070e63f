/**
 * Signs in through the emulator's HTML login form the way a browser would (manual redirects,
 * cookies, the form's hidden fields) and returns the final redirect URL — the one pointing at the
 * client's loopback redirect_uri, with code and state — without requesting it.
 */
export async function loginWithPassword(authorizeUrl: string, username: string, password: string): Promise<string> {
  const origin = new URL(authorizeUrl).origin;
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  };

  /** Follows same-origin redirects; returns the page reached or the first foreign redirect. */
  const follow = async (first: Response, from: string): Promise<{ page?: Response; url: string; redirect?: string }> => {
    let response = first;
    let url = from;
    for (let hops = 0; hops < 20; hops += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) return { page: response, url };
      await response.arrayBuffer();
      const next = new URL(location, url).toString();
      if (new URL(next).origin !== origin) return { url, redirect: next };
      url = next;
      response = await request(url);
    }
    throw new Error('too many redirects');
  };

  const start = await follow(await request(authorizeUrl), authorizeUrl);
  if (start.redirect !== undefined) return start.redirect;
  const html = start.page === undefined ? '' : await start.page.text();
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (form === null) throw new Error(`no login form at ${start.url} (status ${start.page?.status ?? 0})`);
  const fields = new URLSearchParams();
  for (const input of (form[2] ?? '').matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name !== undefined) fields.set(decodeEntities(name), decodeEntities(value));
  }
  fields.set('username', username);
  fields.set('password', password);
  const action = new URL(decodeEntities(form[1] ?? ''), start.url).toString();
  const posted = await request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
  const done = await follow(posted, action);
  if (done.redirect !== undefined) return done.redirect;
  const text = done.page === undefined ? '' : await done.page.text();
  const alert = /role="alert"[^>]*>([^<]*)</.exec(text)?.[1];
  throw new Error(`sign-in did not redirect to the client (status ${done.page?.status ?? 0}${alert === undefined ? '' : `: ${alert}`})`);
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
