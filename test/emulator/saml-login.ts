/**
 * Walks the emulator's SAML IdP the way a browser does (cookie jar, login form) and returns what
 * its auto-post page would submit: the ACS address and the SAMLResponse. For tests and the
 * loopback-ACS host; the HTML is the emulator's own, so a small pattern match is enough here.
 */
export interface SamlPost {
  readonly acs: string;
  readonly samlResponse: string;
}

export class SamlBrowser {
  private readonly cookies = new Map<string, string>();

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  /** Opens the IdP-initiated URL; logs in when the IdP asks (credentials null: fail instead). */
  async signIn(signInUrl: string, credentials: { username: string; password: string } | null): Promise<SamlPost> {
    const first = await this.request(signInUrl);
    const page = await first.text();
    const post = autoPost(page);
    if (post) return post;
    if (credentials === null) throw new Error('the IdP asks for a login');
    const action = /<form[^>]*action="([^"]*)"/.exec(page)?.[1];
    if (action === undefined) throw new Error(`no login form at ${signInUrl} (status ${first.status})`);
    const posted = await this.request(new URL(decode(action), signInUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(credentials).toString(),
    });
    const result = autoPost(await posted.text());
    if (!result) throw new Error(`the IdP did not post a SAML response (status ${posted.status})`);
    return result;
  }

  forgetCookies(): void {
    this.cookies.clear();
  }
}

function autoPost(html: string): SamlPost | null {
  const acs = /<form method="post" action="([^"]*)" id="saml-post">/.exec(html)?.[1];
  const value = /name="SAMLResponse" value="([^"]*)"/.exec(html)?.[1];
  return acs === undefined || value === undefined ? null : { acs: decode(acs), samlResponse: decode(value) };
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
