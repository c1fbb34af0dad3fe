import { describe, expect, test } from 'vitest';
import { renderer } from '../render.js';

describe('images', () => {
  test('Markdown images load lazily and decode asynchronously', () => {
    const { html } = renderer()('See ![고양이](/img/cat.png "Cat") here');
    expect(html).toMatchInlineSnapshot(`
      "<p>See <img src="/img/cat.png" alt="고양이" title="Cat" loading="lazy" decoding="async"> here</p>
      "
    `);
  });

  test('raw HTML images get the same attributes, unless they set their own', () => {
    const { html } = renderer()('<img src="/a.png" alt="a">\n\n<img src="/b.png" loading="eager">');
    expect(html).toContain('<img src="/a.png" alt="a" loading="lazy" decoding="async">');
    expect(html).toContain('<img src="/b.png" loading="eager" decoding="async">');
  });

  test('alt text keeps the code spans and formulas of the description, as their source', () => {
    const { html } = renderer()('![The `softmax` curve of $y = e^x$ and **more**](/img/curve.png)');
    expect(html).toContain('alt="The softmax curve of y = e^x and more"');
  });

  test('data: URLs are fine for images', () => {
    const { html } = renderer()('![dot](data:image/png;base64,iVBORw0KGgo=)');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });
});

describe('images from other sites', () => {
  test('keep loading lazily and send no referrer; the site\'s own and relative images do', () => {
    const render = renderer({ siteOrigin: 'https://example.org' });
    expect(render('![a](https://i.imgur.com/a.png)').html).toBe(
      '<p><img src="https://i.imgur.com/a.png" alt="a" loading="lazy" decoding="async" referrerpolicy="no-referrer"></p>\n',
    );
    expect(render('![a](//cdn.example.net/a.png)').html).toContain('referrerpolicy="no-referrer"');
    expect(render('![a](https://example.org/a.png)').html).not.toContain('referrerpolicy');
    expect(render('![a](/a.png)').html).not.toContain('referrerpolicy');
  });

  test('raw-HTML images from other sites get the same, and are recorded for check', () => {
    const result = renderer()('Hi\n\n<img src="https://i.imgur.com/b.png" alt="">\n');
    expect(result.html).toContain('<img referrerpolicy="no-referrer" src="https://i.imgur.com/b.png" alt="" loading="lazy" decoding="async">');
    expect(result.links).toEqual([{ kind: 'image', url: 'https://i.imgur.com/b.png', alt: '', line: 7, html: true }]);
  });

  test('an author\'s own referrer policy is kept', () => {
    expect(renderer()('<img src="https://a.example/b.png" referrerpolicy="origin">').html).toContain('referrerpolicy="origin"');
    expect(renderer()('<img src="https://a.example/b.png" referrerpolicy="origin">').html).not.toContain('no-referrer');
  });

  test('with trustedHtml too', () => {
    expect(renderer({ trustedHtml: true })('![a](https://i.imgur.com/a.png)\n\n<img src="https://i.imgur.com/b.png">').html.match(/no-referrer/g)).toHaveLength(2);
  });
});
