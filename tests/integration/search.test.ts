// Site search (issue 7) without a browser, on tests/fixtures/search: the search page of each
// language, the header's search box pointing at it, a Pagefind index holding only post titles and
// bodies, split per language, no JavaScript outside the search pages, and `search: false`
// removing all of it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, type Page } from '../helpers/html.js';
import { brokenLinks, htmlFiles, indexedPages, validationErrors } from '../helpers/site-check.js';
import { buildSite, siteFromFiles, siteFromFixture, spawnCli } from '../helpers/site.js';


/** `<script>` elements a browser would run (JSON-LD is data, not code). */
function scripts($: Page): string[] {
  return $('script')
    .filter((_, el) => !/json/i.test($(el).attr('type') ?? ''))
    .map((_, el) => $(el).attr('src') ?? 'inline')
    .get();
}

describe('search on a Korean, Chinese and English site', () => {
  const root = siteFromFixture('search');
  const out = path.join(root, '_site');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds without warnings or errors', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has a search page per language, in that language, that search engines do not index', () => {
    for (const [code, tag, heading] of [['ko', 'ko', '검색'], ['zh', 'zh-Hans', '搜索'], ['en', 'en', 'Search']] as const) {
      const $ = page(root, `${code}/search/index.html`);
      expect($('html').attr('lang')).toBe(tag);
      expect($('h1').text()).toBe(heading);
      expect($('title').text()).toContain(heading);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      const form = $('#omnipress-search-form');
      expect(form.attr('action')).toBe(`/${code}/search/`);
      expect($(`label[for="${form.find('input').attr('id')}"]`).text()).not.toBe('');
      expect(form.find('input').attr('name')).toBe('q');
    }
    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain('/search/');
  });

  it("puts a labelled search box in every page's header that sends ?q= to that language's search page", () => {
    for (const [rel, action] of [
      ['ko/index.html', '/ko/search/'],
      [`ko/posts/voice/index.html`, '/ko/search/'],
      ['zh/tags/index.html', '/zh/search/'],
      ['en/index.html', '/en/search/'],
      ['index.html', '/ko/search/'],
      ['404.html', '/ko/search/'],
    ]) {
      const $ = page(root, rel!);
      const form = $('.site-header form');
      expect(form.attr('action'), rel).toBe(action);
      expect(form.attr('method')).toBe('get');
      const input = form.find('input[name="q"]');
      expect(input.attr('type')).toBe('search');
      expect($(`label[for="${input.attr('id')}"]`).text().trim(), rel).not.toBe('');
    }
    // The search page has its own form; no second box in its header.
    expect(page(root, 'ko/search/index.html')('.site-header form')).toHaveLength(0);
  });

  it('loads JavaScript only on the search pages: the self-hosted search script, nothing else', () => {
    for (const rel of htmlFiles(out)) {
      const found = scripts(page(root, rel));
      if (/^\w+\/search\/index\.html$/.test(rel)) expect(found, rel).toEqual(['/assets/omnipress/search.js']);
      else expect(found, rel).toEqual([]);
    }
    expect(fs.existsSync(path.join(out, 'assets/omnipress/search.js'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    // Pagefind's own UIs are not shipped (omnipress renders the results itself).
    expect(fs.existsSync(path.join(out, 'pagefind/pagefind-ui.js'))).toBe(false);
  });

  it('indexes the post pages only, one index per language (ko, zh-hans, en)', () => {
    const entry = JSON.parse(fs.readFileSync(path.join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, index]) => [lang, index.page_count]))).toEqual({
      ko: 2,
      'zh-hans': 1,
      en: 1,
    });
    const pages = indexedPages(out);
    expect([...pages.keys()].sort()).toEqual(['/en/posts/voice/', '/ko/posts/price/', '/ko/posts/voice/', '/zh/posts/voice/']);
    expect(pages.get('/zh/posts/voice/')!.language).toBe('zh-hans');
    expect(report.search?.pages).toEqual({ ko: 2, zh: 1, en: 1 });
  });

  it('indexes the title and the body, not the header, navigation, date, tags or footer', () => {
    const { content } = indexedPages(out).get('/ko/posts/voice/')!;
    expect(content).toContain('실시간 대화 모델');
    expect(content).toContain('음성으로 실시간 대화합니다');
    for (const outside of ['전체 글', '카테고리', '게시일', '인공지능태그', '뉴스분류', '본문 바로가기', 'omnipress']) {
      expect(content, outside).not.toContain(outside);
    }
  });

  it('reports the index size and the indexing time', () => {
    const stats = report.search!;
    expect(stats.ms).toBeGreaterThan(0);
    expect(stats.indexBytes).toBeGreaterThan(0);
    expect(stats.bytes).toBeGreaterThan(stats.indexBytes);
    const onDisk = fs
      .readdirSync(path.join(out, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
    expect(stats.bytes).toBe(onDisk + fs.statSync(path.join(out, 'assets/omnipress/search.js')).size);
  });

  it('is valid HTML with no broken links', async () => {
    expect(await validationErrors(out)).toEqual([]);
    expect(brokenLinks(out)).toEqual([]);
  });
});

describe('search and diagrams', () => {
  it('indexes the prose around a diagram, not its source', async () => {
    const diagram = '```mermaid\nflowchart LR\n  subgraph inputs[입력장치]\n    A1[음성신호] --> M[모델]\n  end\n```';
    const root = siteFromFiles({
      'omnipress.yml': 'languages:\n  ko: { name: 한국어, tag: ko }\n',
      'posts/ko/2024-05-14-flow.md': `---\ntitle: 흐름\n---\n앞 문단입니다.\n\n${diagram}\n\n뒤 문단입니다.\n`,
    });
    expect((await buildSite(root)).ok).toBe(true);
    const { content } = indexedPages(path.join(root, '_site')).get('/ko/posts/flow/')!;
    expect(content).toContain('앞 문단입니다.');
    expect(content).toContain('뒤 문단입니다.');
    for (const source of ['flowchart', 'subgraph', '입력장치', '음성신호', 'A1']) expect(content, source).not.toContain(source);
  });
});

describe('search under a sub-path base URL', () => {
  const root = siteFromFixture('search');
  beforeAll(async () => {
    expect((await buildSite(root, { baseUrl: 'https://example.org/sub/' })).ok).toBe(true);
  });

  it('points the header box, the search page and its script under the base path', () => {
    expect(page(root, 'ko/posts/voice/index.html')('.site-header form').attr('action')).toBe('/sub/ko/search/');
    const $ = page(root, 'zh/search/index.html');
    expect($('#omnipress-search-form').attr('action')).toBe('/sub/zh/search/');
    const script = $('script[src]');
    expect(script.attr('src')).toBe('/sub/assets/omnipress/search.js');
    expect(script.attr('data-base-path')).toBe('/sub/');
  });
});

describe('search: false', () => {
  const root = siteFromFixture('search');
  fs.writeFileSync(path.join(root, 'omnipress.yml'), 'search: false\n');
  const out = path.join(root, '_site');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root);
  });

  it('builds no index, no search pages, no search script and no header box', () => {
    expect(report.ok).toBe(true);
    expect(report.search).toBeUndefined();
    expect(fs.existsSync(path.join(out, 'pagefind'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'assets/omnipress/search.js'))).toBe(false);
    expect(htmlFiles(out).filter((rel) => rel.includes('search'))).toEqual([]);
    for (const rel of htmlFiles(out)) {
      const $ = page(root, rel);
      expect($('form, search, input'), rel).toHaveLength(0);
      expect(scripts($), rel).toEqual([]);
    }
  });
});

describe('search config and layouts', () => {
  it('rejects a search value that is not true or false, at its line', async () => {
    const root = siteFromFixture('search');
    fs.writeFileSync(path.join(root, 'omnipress.yml'), 'title: x\nsearch: off please\n');
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => [d.line, d.message])).toContainEqual([2, 'search must be true or false']);
  });

  it('rejects a search part size that is not a positive whole number, at its line', async () => {
    const root = siteFromFixture('search');
    fs.writeFileSync(path.join(root, 'omnipress.yml'), 'title: x\nsearchPartSize: 0\n');
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => [d.line, d.message])).toContainEqual([2, 'searchPartSize must be a positive whole number']);
  });

  it('fails the build, writing nothing, when the Pagefind binary cannot run, and says how to turn search off', async () => {
    const root = siteFromFixture('search');
    const result = spawnCli(['build', '--root', root], { env: { PAGEFIND_EXTENDED_BINARY_PATH: path.join(root, 'no-such-binary') } });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('search index could not be built');
    expect(result.stdout + result.stderr).toContain('search: false');
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('keeps the search layout for the search pages: a post cannot name it', async () => {
    const root = siteFromFiles({ 'posts/en/x.md': '---\ntitle: X\nlayout: search\n---\nBody\n' });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.message)).toContain('unknown layout "search"');
  });
});
