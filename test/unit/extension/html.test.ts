// escapeHtml against hostile strings (checked by a real HTML parser), and the preview page's CSP.
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { buildPageHtml, buildPreviewHtml, contentSecurityPolicy, escapeHtml, inlineable, makeNonce } from '../../../src/extension/model/html';

const hostile = [
  '<script>alert(1)</script>',
  '</table><img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'Tom & Jerry &amp; &lt;friends&gt;',
  '<!-- comment --><![CDATA[x]]>',
  '`${x}` \u2028 é',
];

describe('escapeHtml', () => {
  for (const s of hostile) {
    it(`keeps ${JSON.stringify(s)} as text in content and in both attribute quotings`, () => {
      const e = escapeHtml(s);
      assert.doesNotMatch(e, /[<>"']/);
      const dom = new JSDOM(`<body><p title="${e}" data-x='${e}'>${e}</p></body>`);
      const body = dom.window.document.body;
      assert.equal(body.children.length, 1, 'one element, nothing injected');
      const p = body.children[0];
      assert.equal(p.children.length, 0);
      assert.equal(p.textContent, s);
      assert.equal(p.getAttribute('title'), s);
      assert.equal(p.getAttribute('data-x'), s);
    });
  }

  it('escapes ampersands first, so entities are not decoded', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
    assert.equal(escapeHtml(`<>&"'`), '&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('preview page HTML', () => {
  const cspSource = 'https://*.vscode-cdn.net';
  const nonce = makeNonce();
  const html = buildPreviewHtml({
    cspSource, nonce, scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    title: '</title><script>alert(1)</script>', loadingText: '"><img src=x onerror=alert(1)>',
  });
  const doc = new JSDOM(html).window.document;

  it('sets the CSP: default-src none, styles from the extension or with the nonce, scripts only with the nonce', () => {
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    assert.ok(meta);
    const csp = meta.getAttribute('content') ?? '';
    assert.equal(csp, contentSecurityPolicy(cspSource, nonce));
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name, values];
    }));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['style-src'], [cspSource, `'nonce-${nonce}'`]);
    assert.deepEqual(directives['script-src'], [`'nonce-${nonce}'`]);
    assert.deepEqual(directives['img-src'], [cspSource]);
    assert.ok(!csp.includes('unsafe-'), 'no unsafe-inline or unsafe-eval');
  });

  it('loads exactly one script, external and carrying the nonce', () => {
    const scripts = [...doc.querySelectorAll('script')];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].getAttribute('nonce'), nonce);
    assert.ok(scripts[0].getAttribute('src')?.endsWith('/dist/webview.js'));
    assert.equal(scripts[0].textContent, '');
  });

  it('has no inline handlers, inline styles or style elements', () => {
    for (const el of doc.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) {
        assert.ok(!/^on/i.test(a), `${el.tagName} has ${a}`);
        assert.notEqual(a.toLowerCase(), 'style', `${el.tagName} has an inline style`);
      }
    }
    assert.equal(doc.querySelectorAll('style').length, 0);
    assert.equal(doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href')?.endsWith('/media/preview.css'), true);
  });

  it('escapes the title and loading text', () => {
    assert.equal(doc.title, '</title><script>alert(1)</script>');
    assert.equal(doc.querySelector('.loading')?.textContent, '"><img src=x onerror=alert(1)>');
    assert.equal(doc.querySelectorAll('img').length, 0);
  });

  it('starts in the loading state', () => assert.equal(doc.body.getAttribute('data-state'), 'loading'));

  it('uses a fresh 128-bit nonce each time', () => {
    const a = makeNonce(), b = makeNonce();
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
    assert.match(a, /^[A-Za-z0-9+/]+=*$/);
  });
});

describe('preview page HTML with the script and stylesheets inlined', () => {
  const base = { cspSource: 'https://*.vscode-cdn.net', nonce: 'bm9uY2U=', scriptUri: 'https://x/dist/webview.js', styleUris: ['https://x/media/a.css', 'https://x/media/b.css'], title: 't', loadingText: '…' };
  const script = 'window.inlined = "a < b && c > d";';
  const styles = ['body { color: red; }', '.x > .y { margin: 0; }'];

  it('writes the texts into nonce-carrying elements and fetches nothing', () => {
    const doc = new JSDOM(buildPageHtml({ ...base, inline: { script, styles } })).window.document;
    const scripts = [...doc.querySelectorAll('script')];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].getAttribute('src'), null);
    assert.equal(scripts[0].getAttribute('nonce'), base.nonce);
    assert.equal(scripts[0].textContent, script);
    const styleEls = [...doc.querySelectorAll('style')];
    assert.deepEqual(styleEls.map((e) => e.textContent), styles, 'both stylesheets, in cascade order');
    assert.ok(styleEls.every((e) => e.getAttribute('nonce') === base.nonce));
    assert.equal(doc.querySelectorAll('link').length, 0);
    assert.equal(doc.querySelector('.loading')?.textContent, '…', 'the page after the head is unchanged');
  });

  const breaking: Array<[string, { script: string; styles: string[] }]> = [
    ['a script holding </script>', { script: 'x = "</script><img src=x onerror=alert(1)>"', styles }],
    ['a script holding </SCRIPT (any case)', { script: 'x = "</SCRIPT "', styles }],
    ['a script holding <!--', { script: 'x = "<!--"', styles }],
    ['a script holding <script', { script: 'x = "<script>"', styles }],
    ['a stylesheet holding </style>', { script, styles: ['body{}', '</style><script>alert(1)</script>'] }],
  ];
  for (const [what, inline] of breaking) {
    it(`loads the files by URI instead for ${what}`, () => {
      assert.equal(inlineable(inline), false);
      const html = buildPageHtml({ ...base, inline });
      const doc = new JSDOM(html).window.document;
      assert.equal(doc.querySelectorAll('script').length, 1);
      assert.equal(doc.querySelector('script')?.getAttribute('src'), base.scriptUri);
      assert.equal(doc.querySelector('script')?.textContent, '');
      assert.equal(doc.querySelectorAll('style').length, 0);
      assert.deepEqual([...doc.querySelectorAll('link')].map((l) => l.getAttribute('href')), base.styleUris);
      assert.ok(!html.includes('alert(1)'), 'none of the text is in the page');
    });
  }

  it('loads by URI when the texts do not match the stylesheets one for one', () => {
    const doc = new JSDOM(buildPageHtml({ ...base, inline: { script, styles: [styles[0]] } })).window.document;
    assert.equal(doc.querySelector('script')?.getAttribute('src'), base.scriptUri);
    assert.equal(doc.querySelectorAll('link').length, 2);
  });
});
