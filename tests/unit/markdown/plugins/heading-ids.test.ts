import { describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import { createMarkdown } from '../../../../src/markdown/renderer.js';
import { renderer } from '../render.js';

const render = renderer();

describe('heading ids', () => {
  test('keep Hangul and Han', () => {
    const { html } = render('## 모델 기능\n\n### 中文 標題 Hello');
    expect(html).toMatchInlineSnapshot(`
      "<h2 id="모델-기능">모델 기능<a class="heading-anchor" href="#모델-기능" aria-label="Link to this section"></a></h2>
      <h3 id="中文-標題-hello">中文 標題 Hello<a class="heading-anchor" href="#中文-標題-hello" aria-label="Link to this section"></a></h3>
      "
    `);
  });

  test('are unique within a post', () => {
    const { headings } = render('# 소개\n\n## 소개\n\n## 소개');
    expect(headings.map((h) => h.id)).toEqual(['소개', '소개-1', '소개-2']);
  });

  test('restart for every post rendered by the same renderer', () => {
    expect(render('## Setup').html).toContain('id="setup"');
    expect(render('## Setup').html).toContain('id="setup"');
  });

  test('are collected with level and plain text for a table of contents', () => {
    const { headings } = render('# Title\n\n## The *`npm`* command\n\nText\n\n### 설치 방법');
    expect(headings).toEqual([
      { level: 1, id: 'title', text: 'Title' },
      { level: 2, id: 'the-npm-command', text: 'The npm command' },
      { level: 3, id: '설치-방법', text: '설치 방법' },
    ]);
  });

  test('never are empty', () => {
    const { headings } = render('## 🎉\n\n## !!!');
    expect(headings.map((h) => h.id)).toEqual(['heading', 'heading-1']);
  });
});

describe('links of section headings to themselves', () => {
  test('end h2 to h4, named in the post language, and not the title or small headings', () => {
    const md = createMarkdown({ trustedHtml: false, siteOrigin: '', strings: { ko: { headingLink: '이 단락으로 가는 링크' } } });
    const { html } = md.render('# 제목\n\n## 모델\n\n#### 세부\n\n##### 작은 제목', { file: 'a.md', bodyLine: 1, lang: 'ko' });
    const $ = load(html);
    expect($('h2 a.heading-anchor').attr('href')).toBe('#모델');
    expect($('h2 a.heading-anchor').attr('aria-label')).toBe('이 단락으로 가는 링크');
    expect($('h4 a.heading-anchor').attr('href')).toBe('#세부');
    expect($('h1 a, h5 a')).toHaveLength(0);
    expect($('h2').text()).toBe('모델');
    // Without a table for the post's language the label is English.
    expect(render('## x').html).toContain('aria-label="Link to this section"');
  });
});
