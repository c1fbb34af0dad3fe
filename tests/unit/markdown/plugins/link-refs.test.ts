import { describe, expect, it } from 'vitest';
import { lines, renderer } from '../render.js';

const render = renderer();

describe('link-refs', () => {
  it('records links and images with their file lines, in paragraphs, lists, tables and footnotes', () => {
    const { links } = render(
      lines(
        'First [a](/ko/posts/a/) and', // 5
        'second ![](/img/x.png) line', // 6
        '', // 7
        '- item [b](../b/)', // 8
        '', // 9
        '| h |', // 10
        '|---|', // 11
        '| ![차트](/img/y.png) |', // 12
        '', // 13
        'Note[^1].', // 14
        '', // 15
        '[^1]: see [c](/c/)', // 16
        '',
        '<https://example.org/>', // 18
      ),
    );
    expect(links).toEqual([
      { kind: 'link', url: '/ko/posts/a/', line: 5 },
      { kind: 'image', url: '/img/x.png', alt: '', line: 6 },
      { kind: 'link', url: '../b/', line: 8 },
      { kind: 'image', url: '/img/y.png', alt: '차트', line: 12 },
      { kind: 'link', url: 'https://example.org/', line: 18 },
      { kind: 'link', url: '/c/', line: 16 },
    ]);
  });

  it('keeps non-ASCII URLs as markdown-it normalizes them (percent-encoded)', () => {
    expect(render('[글](/ko/posts/안녕/)').links[0]?.url).toBe('/ko/posts/%EC%95%88%EB%85%95/');
  });
});
