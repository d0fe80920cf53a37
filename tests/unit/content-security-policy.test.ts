/**
 * The build step behind the Content-Security-Policy: it hashes exactly the inline scripts a browser executes
 * (not JSON data blocks, not external scripts), places the policy before any script, and the policy has the
 * directives the site relies on and nothing wider. (tests/e2e/csp.spec.ts checks the built pages in Chromium.)
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inlineScripts, policy, policyOfPage, scriptHash, withPolicy } from '../../src/lib/content-security-policy.mjs';

const page = [
  '<!doctype html><html><head><meta charset="utf-8"><title>x</title>',
  '<script>\n  var a = 1;\n</script>',
  '<script type="module" src="/_astro/a.js"></script>',
  '<script type="application/json" id="strings">{"a":1}</script>',
  '<script type="module">import("/x.js")</script>',
  '</head><body></body></html>',
].join('');

describe('content security policy', () => {
  it('hashes exactly the executed inline scripts, byte for byte', () => {
    expect(inlineScripts(page)).toEqual(['\n  var a = 1;\n', 'import("/x.js")']);
    const expected = createHash('sha256').update('\n  var a = 1;\n').digest('base64');
    expect(scriptHash('\n  var a = 1;\n')).toBe(`'sha256-${expected}'`);
  });

  it('puts the policy right after <meta charset>, before any script, and reads it back', () => {
    const html = withPolicy(page);
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(html.indexOf('<meta charset'));
    expect(meta).toBeLessThan(html.indexOf('<script'));
    const read = policyOfPage(html) ?? '';
    for (const script of inlineScripts(page)) expect(read).toContain(scriptHash(script));
    expect(read).not.toContain('frame-ancestors');
    expect(() => withPolicy(html)).toThrow();
  });

  it('is strict: no unsafe-inline or unsafe-eval for scripts, no other origins, frame-ancestors only in the header', () => {
    const header = policy([scriptHash('x')], { header: true });
    const directives = Object.fromEntries(header.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", scriptHash('x')]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(header).not.toMatch(/https?:|\*|'unsafe-eval'/);
    expect(policy([])).not.toContain('frame-ancestors');
  });
});
