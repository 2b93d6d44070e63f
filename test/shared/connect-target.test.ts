import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrgDefault, chooseConnectMethod, formatConnectTarget, parseConnectTag } from '@shared/lib/connect-target';

describe('parseConnectTag', () => {
  it.each([
    ['rdp://10.0.0.5:3389', { protocol: 'rdp', host: '10.0.0.5', port: 3389 }],
    ['vnc://desk.example.com:5901', { protocol: 'vnc', host: 'desk.example.com', port: 5901 }],
    ['VNC://Desk.Example.COM', { protocol: 'vnc', host: 'desk.example.com', port: 5900 }],
    ['rdp://[::1]:3390', { protocol: 'rdp', host: '::1', port: 3390 }],
    ['dcv://10.1.2.3:8443/#console', { protocol: 'dcv', host: '10.1.2.3', port: 8443, session: 'console' }],
    ['dcv://gpu-box/', { protocol: 'dcv', host: 'gpu-box', port: 8443 }],
    ['  rdp://host-1:3389  ', { protocol: 'rdp', host: 'host-1', port: 3389 }],
  ])('reads %s', (text, target) => {
    expect(parseConnectTag(text)).toEqual({ ok: true, target });
  });

  it.each([
    'ssh://host:22',
    'rdp://',
    'rdp://host:0',
    'rdp://host:65536',
    'rdp://host:33 89',
    'rdp://user@host:3389',
    'rdp://host:3389/path',
    'vnc://host:5900/#session',
    'dcv://host:8443/#a;rm -rf',
    'rdp://-bad-.example.com',
    'rdp://999.1.1.1',
    'rdp://[::1::2]:3389',
    'rdp://host:3389?x=1',
    'rdp://host\n:3389',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '',
    `rdp://${'a'.repeat(400)}`,
  ])('refuses %j', (text) => {
    const parsed = parseConnectTag(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
  });

  it('never throws, and what it accepts is a sane target that formats back to itself', () => {
    const alphabet = fc.constantFrom(...'rdpvncdcRDPVNC:/[]#.@-_ 0123456789abcxyz%?\n\t\u0000é'.split(''));
    const tagLike = fc.oneof(
      fc.string(),
      fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')),
      fc.tuple(fc.constantFrom('rdp://', 'vnc://', 'dcv://', 'RDP://', 'http://'), fc.array(alphabet, { maxLength: 40 })).map(([s, c]) => s + c.join('')),
    );
    fc.assert(
      fc.property(tagLike, (text) => {
        const parsed = parseConnectTag(text);
        if (!parsed.ok) return typeof parsed.reason === 'string';
        const { target } = parsed;
        expect(['rdp', 'vnc', 'dcv']).toContain(target.protocol);
        expect(target.port).toBeGreaterThanOrEqual(1);
        expect(target.port).toBeLessThanOrEqual(65535);
        expect(target.host).toMatch(/^[a-z0-9.:-]+$/);
        expect(parseConnectTag(formatConnectTarget(target))).toEqual(parsed);
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every well-formed target', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const host = fc.oneof(
      fc
        .array(label, { minLength: 1, maxLength: 4 })
        .map((l) => l.join('.'))
        .filter((h) => !/^[\d.]+$/.test(h)),
      fc.ipV4(),
      fc.ipV6(),
    );
    fc.assert(
      fc.property(fc.constantFrom('rdp', 'vnc', 'dcv'), host, fc.integer({ min: 1, max: 65535 }), (protocol, h, port) => {
        const text = `${protocol}://${h.includes(':') ? `[${h}]` : h}:${port}`;
        const parsed = parseConnectTag(text);
        expect(parsed).toEqual({ ok: true, target: { protocol, host: h.toLowerCase(), port } });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('chooseConnectMethod', () => {
  it('prefers the tag over the organization default', () => {
    expect(chooseConnectMethod({ connectTag: 'vnc://10.0.0.9:5901', defaultConnect: 'rdp', ipAddress: '10.0.0.9' })).toEqual({
      kind: 'direct',
      source: 'tag',
      target: { protocol: 'vnc', host: '10.0.0.9', port: 5901 },
    });
  });

  it('uses the organization default with the desktop’s own address', () => {
    expect(chooseConnectMethod({ defaultConnect: 'rdp', ipAddress: '10.0.0.7' })).toMatchObject({
      kind: 'direct',
      source: 'org',
      target: { protocol: 'rdp', host: '10.0.0.7', port: 3389 },
    });
    expect(chooseConnectMethod({ defaultConnect: 'vnc:5901', ipAddress: '10.0.0.7' })).toMatchObject({ target: { protocol: 'vnc', port: 5901 } });
    expect(chooseConnectMethod({ defaultConnect: 'handoff' })).toEqual({ kind: 'handoff' });
  });

  it('hands off when nothing is configured', () => {
    expect(chooseConnectMethod({})).toEqual({ kind: 'handoff' });
    expect(chooseConnectMethod({ connectTag: '  ' })).toEqual({ kind: 'handoff' });
  });

  it('reports a malformed tag as a configuration error instead of falling back', () => {
    const method = chooseConnectMethod({ connectTag: 'rdp://evil host', defaultConnect: 'rdp', ipAddress: '10.0.0.7' });
    expect(method).toMatchObject({ kind: 'invalid', source: 'tag', value: 'rdp://evil host' });
  });

  it('reports an organization default that needs an address the desktop lacks', () => {
    expect(chooseConnectMethod({ defaultConnect: 'rdp' })).toMatchObject({ kind: 'invalid', source: 'org' });
    expect(chooseConnectMethod({ defaultConnect: 'telnet' })).toMatchObject({ kind: 'invalid', source: 'org' });
  });
});

describe('checkOrgDefault', () => {
  it.each(['handoff', '', 'rdp', 'VNC', 'vnc:5901', 'dcv:8443', 'rdp://10.0.0.5:3389', 'dcv://gpu-box/#console'])('accepts %j', (value) => {
    expect(checkOrgDefault(value)).toBeNull();
  });

  it.each(['vnc:0', 'vnc:70000', 'ssh', 'ftp://x', 'rdp://', 'javascript:alert(1)'])('refuses %j with a reason', (value) => {
    expect(checkOrgDefault(value)).toEqual(expect.any(String));
  });

  it('never throws, and agrees with what connecting would do', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const problem = checkOrgDefault(value);
        const method = chooseConnectMethod({ defaultConnect: value, ipAddress: '10.0.0.9' });
        expect(problem === null).toBe(method.kind !== 'invalid');
      }),
      { numRuns: 2000 },
    );
  });
});
