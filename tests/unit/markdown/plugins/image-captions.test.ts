import { describe, expect, test } from 'vitest';
import { lines, renderer } from '../render.js';

const render = (body: string) => renderer()(body).html;

describe('image captions', () => {
  test('a titled image alone in its paragraph is a figure with the title as its caption', () => {
    expect(render('![서울 야경](/img/seoul.png "밤의 서울")')).toBe(
      '<figure><img src="/img/seoul.png" alt="서울 야경" loading="lazy" decoding="async"><figcaption>밤의 서울</figcaption></figure>\n',
    );
  });

  test('an image in a sentence keeps its title as a title', () => {
    expect(render('지도 ![map](/m.png "지도") 참고')).toBe('<p>지도 <img src="/m.png" alt="map" title="지도" loading="lazy" decoding="async"> 참고</p>\n');
  });

  test('an image without a title stays in its paragraph', () => {
    expect(render('![a](/a.png)')).toBe('<p><img src="/a.png" alt="a" loading="lazy" decoding="async"></p>\n');
  });

  test("Chirpy's italic line under an image is its caption, formatting and links kept", () => {
    expect(render(lines('![Desktop View](/img/mockup.png){: w="700" h="400" }', '_Full screen [demo](https://example.com/) **width**_'))).toBe(
      '<figure><img src="/img/mockup.png" alt="Desktop View" width="700" height="400" loading="lazy" decoding="async">' +
        '<figcaption>Full screen <a href="https://example.com/" rel="noopener">demo</a> <strong>width</strong></figcaption></figure>\n',
    );
    expect(render(lines('![a](/a.png)', '*캡션*'))).toContain('<figcaption>캡션</figcaption>');
  });

  test('an italic line that is not all of the rest, or two emphases, is no caption', () => {
    expect(render(lines('![a](/a.png)', '_one_ and more'))).toContain('<p>');
    expect(render(lines('![a](/a.png)', '_one_ _two_'))).toContain('<p>');
    expect(render(lines('![a](/a.png)', 'plain text'))).toContain('<p>');
  });

  test('a linked image is captioned inside the figure, the link kept around the image', () => {
    expect(render('[![chart](/c.png "Q3 매출")](/c-large.png)')).toBe(
      '<figure><a href="/c-large.png"><img src="/c.png" alt="chart" loading="lazy" decoding="async"></a><figcaption>Q3 매출</figcaption></figure>\n',
    );
  });

  test('an attribute list under the image is still the image\'s', () => {
    expect(render(lines('![a](/a.png "cap")', '{: .shadow }'))).toBe(
      '<figure><img src="/a.png" alt="a" class="shadow" loading="lazy" decoding="async"><figcaption>cap</figcaption></figure>\n',
    );
  });

  test("Hexo's {% img %} keeps its title as a tooltip, as in Hexo", () => {
    expect(render('{% img /a.png "고양이 사진" %}')).toContain('title="고양이 사진"');
    expect(render('{% img /a.png "고양이 사진" %}')).not.toContain('<figure');
  });

  test('a caption is escaped text', () => {
    expect(render('![a](/a.png "<b>x</b> & y")')).toContain('<figcaption>&lt;b&gt;x&lt;/b&gt; &amp; y</figcaption>');
  });
});
