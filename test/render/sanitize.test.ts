// Log text is attacker-controlled: what each renderer's escaping guarantees.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlEscape, jsonTermSafe, jsonText, markdownEscape, termSafe } from '../../src/render/sanitize.js';

describe('termSafe', () => {
  it('shows escape sequences, C1 controls and bidi overrides as visible escapes', () => {
    expect(termSafe('a\u001b]0;pwned\u0007b')).toBe('a\\x1b]0;pwned\\x07b');
    expect(termSafe('x\u009by')).toBe('x\\x9by');
    expect(termSafe('abc\u202edcba')).toBe('abc\\u202edcba');
  });
  it('leaves ordinary text and non-Latin scripts alone', () => {
    expect(termSafe('[UFW BLOCK] 冰河 7626')).toBe('[UFW BLOCK] 冰河 7626');
    expect(termSafe('مرحبا 😀 e\u0301')).toBe('مرحبا 😀 e\u0301');
  });
  it('shows a TAB as \\t: a Kiwi Syslog line\'s columns do not jump to tab stops, and a tab is told from a space', () => {
    const kiwi = '2026-11-20 06:26:02\tKernel.Warning\t192.168.1.1\tkernel: [UFW BLOCK] IN=eth0';
    expect(termSafe(kiwi)).toBe(String.raw`2026-11-20 06:26:02\tKernel.Warning\t192.168.1.1\tkernel: [UFW BLOCK] IN=eth0`);
    expect(termSafe('\t\t')).toBe(String.raw`\t\t`);
    // The other C0 controls keep their \xNN spelling.
    expect(termSafe('a\u000bb\nc')).toBe(String.raw`a\x0bb\x0ac`);
  });
  it('shows every character that draws nothing or reorders text, so two labels that look alike read differently', () => {
    // word joiner, Arabic letter mark, soft hyphen, Mongolian vowel separator, line separator, invisible tags "ig"
    const sneaky = ['[UFW BLOCK]\u2060', '[UFW\u061c BLOCK]', '[UFW BL\u00adOCK]', '[UFW\u180e BLOCK]', '[UFW BLOCK]\u2028', '[UFW BLOCK]\u{e0069}\u{e0067}'];
    expect(sneaky.map(termSafe)).toEqual(['[UFW BLOCK]\\u2060', '[UFW\\u061c BLOCK]', '[UFW BL\\xadOCK]', '[UFW\\u180e BLOCK]', '[UFW BLOCK]\\u2028', '[UFW BLOCK]\\u{e0069}\\u{e0067}']);
    for (const s of sneaky) {
      const json = jsonText({ rule: s });
      expect(json).toMatch(/^[\x20-\x7e]*$/);
      expect(JSON.parse(json)).toEqual({ rule: s });
    }
  });
});

describe('markdownEscape', () => {
  it('neutralises HTML, tables, links, emphasis and code', () => {
    expect(markdownEscape('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownEscape('| DROP |')).toBe('\\| DROP \\|');
    expect(markdownEscape('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(markdownEscape('*a* _b_ `c` ~~d~~')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~');
    expect(markdownEscape('&quot;')).toBe('&amp;quot;');
  });
  it('a bare URL, www. name or e-mail address is no autolink (GitHub makes links of them)', () => {
    expect(markdownEscape('see http://evil.example/auto and HTTPS://x.example')).toBe('see http\\://evil.example/auto and HTTPS\\://x.example');
    expect(markdownEscape('www.evil.example, WWW.x.example, awww.x')).toBe('www\\.evil.example, WWW\\.x.example, awww.x');
    expect(markdownEscape('mailto:root@evil.example')).toBe('mailto:root\\@evil.example');
    // IPv6 addresses keep their colons.
    expect(markdownEscape('fe80::1 2001:db8::/32')).toBe('fe80::1 2001:db8::/32');
  });

  it('keeps addresses, quotes and apostrophes readable', () => {
    expect(markdownEscape("192.0.2.1 the firewall's \"state\" (1-2) #3")).toBe("192.0.2.1 the firewall's \"state\" (1-2) #3");
  });
});

describe('htmlEscape', () => {
  it('escapes markup and quotes for text and attributes', () => {
    expect(htmlEscape(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
  it('keeps a TAB (a browser draws it as a space) and spells the other controls as the terminal does', () => {
    expect(htmlEscape('a\tb\u001b[2Jc')).toBe('a\tb\\x1b[2Jc');
    expect(markdownEscape('a\tb')).toBe('a\tb');
  });
});

describe('jsonText', () => {
  it('spells what a terminal could act on as \\u escapes and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (v, s) => {
        const doc = { v, s, [s]: 1 };
        const text = jsonText(doc, 2);
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves JSON without such characters untouched, CJK included', () => {
    const json = JSON.stringify({ a: '冰河 7626', b: 'é\t' });
    expect(jsonTermSafe(json)).toBe(json);
    expect(jsonTermSafe('"\u009b"')).toBe(String.raw`"\u009b"`);
  });
});
