import { describe, expect, test } from 'vitest';
import { type MeasureImage, createMarkdown } from '../../../../src/markdown/renderer.js';
import { FILE, lines, renderer } from '../render.js';

// A stand-in for the site's files: /img/wide.png is 800×400, chart.svg beside the post 300×200.
const sizes: Record<string, { width: number; height: number }> = { '/img/wide.png': { width: 800, height: 400 }, 'chart.svg': { width: 300, height: 200 } };
const asked: Array<[string, string]> = [];
const measureImage: MeasureImage = (url, postFile) => {
  asked.push([url, postFile]);
  if (/^(?:[a-z]+:|\/\/)/i.test(url)) return undefined;
  return { size: sizes[url], files: [{ file: `/site${url.startsWith('/') ? '/public' : '/posts/ko'}/${url.replace(/^\//, '')}`, stamp: sizes[url] ? '1:1' : '' }] };
};
const render = renderer({ measureImage });

describe('image sizes', () => {
  test('a local image gets the width and height of its file, and the file is recorded', () => {
    const result = render('See ![wide](/img/wide.png) and ![chart](chart.svg).');
    expect(result.html).toContain('<img src="/img/wide.png" alt="wide" width="800" height="400" loading="lazy" decoding="async">');
    expect(result.html).toContain('<img src="chart.svg" alt="chart" width="300" height="200"');
    expect(result.imageFiles).toEqual([
      { file: '/site/public/img/wide.png', stamp: '1:1' },
      { file: '/site/posts/ko/chart.svg', stamp: '1:1' },
    ]);
    expect(asked).toContainEqual(['chart.svg', FILE]);
  });

  test('an image whose size is unknown gets no attributes, but its file is still recorded', () => {
    const result = render('![gone](/img/gone.png)');
    expect(result.html).toBe('<p><img src="/img/gone.png" alt="gone" loading="lazy" decoding="async"></p>\n');
    expect(result.imageFiles).toEqual([{ file: '/site/public/img/gone.png', stamp: '' }]);
  });

  test("the author's size wins; one side given, the other follows in proportion", () => {
    expect(render('![a](/img/wide.png){: w="700" h="100" }').html).toContain('width="700" height="100"');
    expect(render('![a](/img/wide.png){: w="400" }').html).toContain('width="400" height="200"');
    expect(render('![a](/img/wide.png){: height="100" }').html).toMatch(/height="100"[^>]*width="200"|width="200"[^>]*height="100"/);
  });

  test('remote images are not measured and get no size', () => {
    asked.length = 0;
    const result = render('![x](https://cdn.example.net/x.png)');
    expect(result.html).not.toContain('width=');
    expect(result.imageFiles).toEqual([]);
  });

  test('a raw-HTML <img> without a size gets its file\'s; one with a size keeps it', () => {
    const result = render(lines('<img src="/img/wide.png" alt="w">', '', 'Inline <img alt="c" src="chart.svg"> too.', '', '<img src="/img/wide.png" width="10" height="10">'));
    expect(result.html).toContain('<img width="800" height="400" src="/img/wide.png" alt="w" loading="lazy" decoding="async">');
    expect(result.html).toContain('<img width="300" height="200" alt="c" src="chart.svg"');
    expect(result.html).toContain('<img src="/img/wide.png" width="10" height="10"');
  });

  test("Hugo's figure and Hexo's img are sized too; Hexo's given size is kept", () => {
    expect(render('{{< figure src="/img/wide.png" caption="넓은 사진" >}}').html).toContain('width="800" height="400"');
    expect(render('{% img /img/wide.png %}').html).toContain('width="800" height="400"');
    expect(render('{% img /img/wide.png 200 %}').html).toContain('width="200" height="100"');
  });

  test('without a measurer nothing is sized', () => {
    expect(renderer()('![wide](/img/wide.png)').html).not.toContain('width=');
  });

  test("the post's cover image is measured with the body", () => {
    const md = createMarkdown({ trustedHtml: false, siteOrigin: '', measureImage });
    const result = md.render('Text.', { file: FILE, bodyLine: 5, image: '/img/wide.png' });
    expect(result.cover).toEqual({ width: 800, height: 400 });
    expect(result.imageFiles).toEqual([{ file: '/site/public/img/wide.png', stamp: '1:1' }]);
    expect(md.render('Text.', { file: FILE, bodyLine: 5, image: 'https://cdn.example.net/c.png' }).cover).toBeUndefined();
  });
});

describe('raw HTML that only holds an <img> as text', () => {
  test('is left as written: a script string, a textarea', () => {
    const trusted = renderer({ measureImage, trustedHtml: true });
    expect(trusted('<script>const a = "<img src=\'/img/wide.png\'>";</script>').html).not.toContain('width=');
    expect(trusted('Say <textarea><img src="/img/wide.png"></textarea> here').html).not.toContain('width=');
    expect(trusted('Say <img src="/img/wide.png"> here').html).toContain('width="800"');
  });
});
