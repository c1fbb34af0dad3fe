import { describe, expect, test } from 'vitest';
import { renderer } from '../render.js';

describe('images', () => {
  test('Markdown images load lazily and decode asynchronously', () => {
    const { html } = renderer()('![고양이](/img/cat.png "Cat")');
    expect(html).toMatchInlineSnapshot(`
      "<p><img src="/img/cat.png" alt="고양이" title="Cat" loading="lazy" decoding="async"></p>
      "
    `);
  });

  test('raw HTML images get the same attributes, unless they set their own', () => {
    const { html } = renderer()('<img src="/a.png" alt="a">\n\n<img src="/b.png" loading="eager">');
    expect(html).toContain('<img src="/a.png" alt="a" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/b.png" loading="eager" decoding="async">');
  });

  test('data: URLs are fine for images', () => {
    const { html } = renderer()('![dot](data:image/png;base64,iVBORw0KGgo=)');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });
});
