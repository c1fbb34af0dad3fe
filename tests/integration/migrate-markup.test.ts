// Posts written for Jekyll (Chirpy), Hexo and Hugo build with their markup understood: callouts,
// images with attributes, links between posts, figures, video cards, relative images copied
// beside the page — also under a base-URL sub-path and in feeds — and every construct that is
// not supported reported once with its file and line. Built with the real CLI, as a user would
// (`omnipress build --posts _posts`), and read with a real HTML parser.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Page, page } from '../helpers/html.js';
import { buildMigrated, reportedLines } from '../helpers/migrate.js';
import { buildSite, runCli, siteFromFiles, siteFromFixture, type CliResult } from '../helpers/site.js';

const BASE = 'https://example.org/sub/';

/** Build a fixture under tests/fixtures/markup/ with its own posts folder, under the sub-path. */
async function buildFixture(name: string, posts: string): Promise<{ root: string; result: CliResult }> {
  const root = siteFromFixture(`markup/${name}`);
  const result = await buildMigrated(root, posts, BASE);
  return { root, result };
}

/** The output file an `src`/`href` of the page at `pagePath` leads to (base path removed), or undefined. */
function outputFileOf(root: string, pagePath: string, url: string): string | undefined {
  const resolved = new URL(url, new URL(pagePath, BASE));
  if (resolved.origin !== new URL(BASE).origin || !resolved.pathname.startsWith('/sub/')) return undefined;
  const rel = decodeURIComponent(resolved.pathname.slice('/sub/'.length));
  const file = path.join(root, '_site', rel.endsWith('/') ? `${rel}index.html` : rel);
  return fs.existsSync(file) ? file : undefined;
}

function calloutsOf($: Page): Array<{ tag: string; classes: string; label: string; text: string }> {
  return $('.post-body .callout')
    .toArray()
    .map((el) => ({
      tag: el.tagName,
      classes: $(el).attr('class') ?? '',
      label: $(el).children('.callout-label').text(),
      text: $(el).children('p').not('.callout-label').text(),
    }));
}

describe('a Jekyll (Chirpy) blog', () => {
  let root: string;
  let result: CliResult;
  let $: Page;
  const pagePath = 'ko/posts/터미널-설정-메모/';

  beforeAll(async () => {
    ({ root, result } = await buildFixture('chirpy', '_posts'));
    $ = page(root, `${pagePath}index.html`);
  });

  it('builds, reporting each unsupported construct once with its file and line', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(reportedLines(result)).toEqual([
      '_posts/2024-06-03-터미널-설정-메모.md:24 warning: kramdown attribute onmouseover="alert(1)" is an event handler, which posts may not use, and was dropped',
      '_posts/2024-06-03-터미널-설정-메모.md:32 warning: Liquid/Hexo tag {% include %} is not supported and is shown as text; replace it with Markdown/HTML',
      '_posts/2024-06-10-키보드-단축키.md:11 warning: image img/keyboard.png is not found beside the post',
    ]);
  });

  it('turns the four prompts into callouts with a label in the page language', () => {
    expect(calloutsOf($)).toEqual([
      { tag: 'blockquote', classes: 'callout callout-tip prompt-tip', label: '팁', text: '설정 파일은 고치기 전에 꼭 복사본을 만들어 두세요.' },
      { tag: 'blockquote', classes: 'callout callout-warning prompt-warning', label: '주의', text: '플러그인을 너무 많이 켜면 셸이 느려집니다.' },
      { tag: 'blockquote', classes: 'callout callout-danger prompt-danger', label: '위험', text: '비밀 토큰을 설정 파일에 그대로 적지 마세요.' },
      { tag: 'blockquote', classes: 'callout callout-info prompt-info', label: '정보', text: '이 글은 macOS와 리눅스에서 확인했습니다.' },
    ]);
    expect($('.post-body > :not(pre)').text()).not.toContain('{:');
  });

  it('gives other attribute lists to the image, heading and paragraph, without event handlers', () => {
    const img = $('.post-body img[alt="셸 시작 과정을 나타낸 그림"]');
    expect(img.attr('width')).toBe('400');
    expect(img.attr('height')).toBe('300');
    expect(img.attr('class')).toBe('shadow');
    expect(img.attr('onmouseover')).toBeUndefined();
    expect($('.post-body h2').attr('id')).toBe('prompt-setup');
    expect($('.post-body p.lead').text()).toBe('프롬프트에 현재 폴더와 브랜치를 보여 줍니다.');
  });

  it('leaves tags and attribute lists in code as written', () => {
    const code = $('.post-body pre code').toArray().map((el) => $(el).text());
    expect(code).toEqual(['{% include not-a-real-include.html %}\n', '{: .prompt-tip }\n']);
    expect($('.post-body p code').text()).toBe('{% include inline.html %}');
  });

  it('copies the relatively linked image beside the page, where the link finds it under the sub-path', () => {
    const src = $('.post-body img[alt="셸 시작 과정을 나타낸 그림"]').attr('src')!;
    const file = outputFileOf(root, `/sub/${encodeURI(pagePath)}`, src);
    expect(file).toBeDefined();
    expect(fs.readFileSync(file!)).toEqual(fs.readFileSync(path.join(root, '_posts/img/layers.png')));
  });

  it('copies an image linked as ./img/… as well', () => {
    const other = page(root, 'ko/posts/키보드-단축키/index.html');
    const src = other('.post-body img[alt="셸 구조 다시 보기"]').attr('src')!;
    expect(src).toBe('./img/layers.png');
    expect(outputFileOf(root, `/sub/${encodeURI('ko/posts/키보드-단축키/')}`, src)).toBeDefined();
  });

  it("links Jekyll's {% post_url %} to the post under the sub-path", () => {
    const other = page(root, 'ko/posts/키보드-단축키/index.html');
    const href = other('.post-body a:contains("터미널 메모")').attr('href')!;
    expect(decodeURIComponent(href)).toBe('/sub/ko/posts/터미널-설정-메모/');
    expect(outputFileOf(root, '/sub/ko/posts/', href)).toBeDefined();
  });

  it('makes the copied image absolute in the feed', () => {
    const feed = fs.readFileSync(path.join(root, '_site/ko/feed.xml'), 'utf8');
    expect(feed).toContain(`src="${BASE}ko/posts/${encodeURIComponent('터미널-설정-메모')}/img/layers.png"`);
  });
});

describe('a Hexo blog', () => {
  let root: string;
  let result: CliResult;
  let $: Page;

  beforeAll(async () => {
    ({ root, result } = await buildFixture('hexo', 'source/_posts'));
    $ = page(root, 'zh/posts/tea-notes/index.html');
  });

  it('builds, reporting the unsupported {% pullquote %} pair once', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(reportedLines(result)).toEqual([
      'source/_posts/tea-notes.md:39 warning: Liquid/Hexo tag {% pullquote %} is not supported and is shown as text; replace it with Markdown/HTML',
    ]);
  });

  it('turns {% note %} into callouts styled like the Chirpy prompts, labelled in Chinese', () => {
    expect(calloutsOf($)).toEqual([
      { tag: 'div', classes: 'callout callout-warning', label: '注意', text: '水温太高会让茶叶发苦，八十度左右比较合适。' },
      { tag: 'div', classes: 'callout callout-tip', label: '提示', text: '第二泡往往比第一泡更香。' },
    ]);
    expect($('.post-body .callout strong').text()).toBe('发苦');
  });

  it('shows the images of the asset folder and of {% img %}', () => {
    const teapot = $('.post-body img[alt="我的小茶壶"]');
    expect(teapot.attr('title')).toBe('我的小茶壶');
    for (const src of [teapot.attr('src')!, $('.post-body img[alt="晒干的茶叶"]').attr('src')!]) {
      expect(outputFileOf(root, '/sub/zh/posts/tea-notes/', src), src).toBeDefined();
    }
    const logo = $('.post-body img[alt="标志图片"]');
    expect(logo.attr()).toMatchObject({ src: '/sub/images/logo.svg', class: 'right', width: '120', height: '80', title: '网站标志' });
  });

  it('copies a file of the asset folder linked with {% asset_link %}', () => {
    const link = $('.post-body a:contains("冲泡记录")');
    const file = outputFileOf(root, '/sub/zh/posts/tea-notes/', link.attr('href')!);
    expect(file).toBeDefined();
    expect(fs.readFileSync(file!, 'utf8')).toBe('温度 80\n时间 45 秒\n');
  });

  it('finds asset-folder images linked the way editors preview them, from a neighbouring post', () => {
    const other = page(root, 'zh/posts/water-quality/index.html');
    const src = other('.post-body img[alt="上一篇的茶壶"]').attr('src')!;
    expect(src).toBe('tea-notes/teapot.png');
    expect(outputFileOf(root, '/sub/zh/posts/water-quality/', src)).toBeDefined();
  });

  it('links {% post_link %} to the post, with its title or the given text', () => {
    const links = $('.post-body a[href="/sub/zh/posts/water-quality/"]').toArray().map((el) => $(el).text());
    expect(links).toEqual(['水质对茶汤的影响', '关于水质的那篇']);
    expect(outputFileOf(root, '/sub/zh/posts/tea-notes/', '/sub/zh/posts/water-quality/')).toBeDefined();
  });

  it('renders {% blockquote %} with its source and {% codeblock %} as code in its language', () => {
    const footer = $('.post-body blockquote footer');
    expect(footer.find('strong').text()).toBe('陆羽');
    expect(footer.find('cite').text()).toBe('茶经 原文');
    expect(footer.find('cite a').attr('href')).toBe('https://example.org/chajing');
    const code = $('.post-body figure.code-block');
    expect(code.find('figcaption').text()).toBe('计时脚本 来源');
    expect(code.find('pre code.language-js').text()).toBe('const seconds = 45; // {% note %} 在代码里不会被处理\n');
  });

  it('leaves tags in code spans, fences and indented code as written', () => {
    expect($('.post-body p code').text()).toBe('{% post_link nowhere %}');
    const blocks = $('.post-body > pre code').toArray().map((el) => $(el).text());
    expect(blocks).toEqual(['{% asset_img nothing.png %}\n', '{% note danger %}\n']);
  });
});

describe('a Hugo site', () => {
  let root: string;
  let result: CliResult;
  let $: Page;

  beforeAll(async () => {
    ({ root, result } = await buildFixture('hugo', 'content'));
    $ = page(root, 'en/posts/spring-hike/index.html');
  });

  it('builds, reporting the unknown shortcode once with its line', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(reportedLines(result)).toEqual(['content/posts/spring-hike/index.md:17 warning: Hugo shortcode {{< tweet >}} is not supported and is shown as text']);
    expect($('.post-body').text()).toContain('{{< tweet user="someone" id="123" >}}');
  });

  it('renders {{< figure >}} as a figure with its caption, the bundle image copied beside the page', () => {
    const figure = $('.post-body figure').first();
    const img = figure.find('img');
    expect(img.attr('alt')).toBe('The ridge at morning');
    expect(figure.find('figcaption').text()).toBe('Ridge The ridge, seen from the second shelter');
    expect(figure.find('figcaption em').text()).toBe('second');
    expect(outputFileOf(root, '/sub/en/posts/spring-hike/', img.attr('src')!)).toBeDefined();
    // Only referenced files are copied: linked ones too, unreferenced ones never.
    expect(outputFileOf(root, '/sub/en/posts/spring-hike/', $('.post-body a:contains("the route map")').attr('href')!)).toBeDefined();
    expect(fs.existsSync(path.join(root, '_site/en/posts/spring-hike/unused.png'))).toBe(false);
  });

  it('renders {{< youtube >}} as a link card, loading nothing from YouTube', () => {
    const card = $('.post-body .video-card a');
    expect(card.attr('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(card.text()).toContain('Ridge walk timelapse');
    expect($('iframe, script[src]:not([src*="/assets/omnipress/"]), [src*="youtube"], [src*="ytimg"]').length).toBe(0);
  });

  it('resolves ref and relref to the post, in Markdown links and on their own', () => {
    expect($('.post-body a[href="/sub/en/posts/packing-list/"]').toArray().map((el) => $(el).text())).toEqual([
      'packing list',
      'What goes in the pack',
    ]);
    const other = page(root, 'en/posts/packing-list/index.html');
    expect(other('.post-body a:not(.heading-anchor)').attr('href')).toBe('/sub/en/posts/spring-hike/');
  });

  it('renders highlight and notice, and leaves shortcodes in code as written', () => {
    expect($('.post-body pre code.language-yaml').text()).toBe('water: 2l\nsnacks: {{< not-a-shortcode >}}\n');
    expect($('.post-body pre code.language-go').text()).toBe('// {{< figure src="nothing.png" >}}\n');
    expect($('.post-body p code').text()).toBe('{{< youtube abc >}}');
    expect(calloutsOf($)).toEqual([{ tag: 'div', classes: 'callout callout-tip', label: 'Tip', text: 'Start early: the afternoon wind is cold.' }]);
  });

  it('passes omnipress check: ref links and bundle images resolve', async () => {
    const check = await runCli(['check', '--root', root, '--posts', 'content', '--format', 'json']);
    expect(check.status, check.stderr).toBe(0);
    const problems = (JSON.parse(check.stdout) as Array<{ severity: string; message: string }>).filter((d) => d.severity !== 'info');
    expect(problems.map((d) => d.message)).toEqual(['Hugo shortcode {{< tweet >}} is not supported and is shown as text']);
  });
});

describe('references to posts that do not exist', () => {
  it('fail the build naming the file and line', async () => {
    const root = siteFromFiles({
      'posts/zh/2024-01-01-a.md': ['---', 'title: 甲', '---', '见 {% post_link no-such-post %}。', '', '[乙]({% post_path missing %})'].join('\n'),
      'posts/en/2024-01-02-b.md': ['---', 'title: B', '---', 'First line.', '', 'See [that]({{< ref "gone.md" >}}) and {{< relref "also-gone" >}}.'].join('\n'),
    });
    const result = await runCli(['build', '--root', root]);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual([
      'posts/en/2024-01-02-b.md:6 error: {{< ref "gone.md" >}} names no post',
      'posts/en/2024-01-02-b.md:6 error: {{< relref "also-gone" >}} names no post',
      'posts/zh/2024-01-01-a.md:4 error: {% post_link no-such-post %} links to "no-such-post", but no post has that file name or slug',
      'posts/zh/2024-01-01-a.md:6 error: {% post_path missing %} names no post',
    ]);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

describe('diagnostic codes, for grouped reports', () => {
  it('name the kind of each migration problem', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-01-01-a.md': [
        '---', 'title: 가', '---',
        '{% include x.html %}', '', '{{< gist a b >}}', '', '![없는 그림](nothing.png)', '', '![밖](../up.png)', '', '> 알림', '{: .prompt-tip onclick="x" }',
      ].join('\n'),
      'posts/up.png': 'png',
    });
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.code])).toEqual([
      [4, 'liquid-tag'],
      [6, 'hugo-shortcode'],
      [8, 'missing-image'],
      [10, 'missing-image'],
      [13, 'kramdown-ial'],
    ]);
    // Nothing outside the post's folder is ever published.
    const out = path.join(root, '_site/ko/posts/a');
    expect(fs.readdirSync(out)).toEqual(['index.html']);
  });

  it('name files a post may not publish post-asset, one error per link', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-01-01-a.md': ['---', 'title: 가', '---', '[비밀](.env) ![숨은 그림](.hidden/a.png)', '', '![그림](drawing.svg)'].join('\n'),
      'posts/ko/.env': 'SECRET=1',
      'posts/ko/.hidden/a.png': 'png',
      'posts/ko/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.line, d.severity, d.code])).toEqual([
      [4, 'error', 'post-asset'],
      [4, 'error', 'post-asset'],
      [6, 'error', 'post-asset'],
    ]);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});
