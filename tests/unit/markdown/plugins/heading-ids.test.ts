import { describe, expect, test } from 'vitest';
import { renderer } from '../render.js';

const render = renderer();

describe('heading ids', () => {
  test('keep Hangul and Han', () => {
    const { html } = render('## 모델 기능\n\n### 中文 標題 Hello');
    expect(html).toMatchInlineSnapshot(`
      "<h2 id="모델-기능">모델 기능</h2>
      <h3 id="中文-標題-hello">中文 標題 Hello</h3>
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
