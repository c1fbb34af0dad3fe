import { describe, expect, test } from 'vitest';
import { renderer } from '../render.js';

const render = renderer();

describe('mermaid fences', () => {
  test('become <pre class="mermaid"> with the source escaped', () => {
    const result = render('```mermaid\ngraph TD\n  A["<b>x</b> & y"] --> B\n```');
    expect(result.html).toMatchInlineSnapshot(`
      "<pre class="mermaid" data-pagefind-ignore>graph TD
        A[&quot;&lt;b&gt;x&lt;/b&gt; &amp; y&quot;] --&gt; B
      </pre>
      "
    `);
    expect(result.hasMermaid).toBe(true);
  });

  test('other fences are code blocks and do not set hasMermaid', () => {
    const result = render('```js\nconst a = "<b>";\n```');
    expect(result.html).toMatch(/^<pre class="code" tabindex="0"><code class="language-js"><span class="tok-keyword">const<\/span> a = <span class="tok-string-expression">/);
    expect(result.hasMermaid).toBe(false);
  });

  test('survive the sanitizer of posts with raw HTML', () => {
    const result = render('<kbd>K</kbd>\n\n```mermaid\nA --> B\n```');
    expect(result.html).toContain('<pre class="mermaid" data-pagefind-ignore>A --&gt; B\n</pre>');
  });
});
