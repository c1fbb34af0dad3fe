// Math (issue 21) on a built site under a sub-path: formulas typeset as MathML in the pages, KaTeX's
// stylesheet and fonts shipped and linked only where there is math, resolving under the base
// path; invalid TeX a warning with its line, not a failed build; feeds with MathML alone; the
// search index with each formula's text once; KaTeX not even loaded by a warm build.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, parseXml } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { brokenLinks, htmlFiles, indexedPages, validationErrors } from '../helpers/site-check.js';
import { REPO, buildSite, siteFromFiles, spawnCli } from '../helpers/site.js';

const BASE = 'https://example.org/blog/';
const CSS = 'assets/katex/katex.min.css';

const post = (title: string, body: string, front: Record<string, string> = {}) => postFile({ title, date: '2024-05-14', ...front }, body);

const FILES: Record<string, string> = {
  'posts/en/2024-05-14-formulas.md': post(
    'Formulas',
    [
      'Inline $e^{i\\pi} + 1 = 0$ and \\(a_1\\); prices $5 and $10 and `echo $HOME` stay text.',
      '',
      '$$',
      '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
      '$$',
      '',
      '\\[ \\sqrt{2} \\]',
      '',
      '```math',
      'E = mc^2',
      '```',
    ].join('\n'),
  ),
  // Chirpy's and Hexo's switches: the posts need no change.
  'posts/ko/2024-05-14-chirpy.md': post('치르피 수식', '점수는 $$ \\sum_{i=1}^n x_i $$ 입니다.\n', { math: 'true' }),
  'posts/zh/2024-05-14-hexo.md': post('Hexo 公式', '公式 $\\alpha + \\beta$ 如下。\n', { mathjax: 'true' }),
  // The switch alone does not load KaTeX's stylesheet: there is no formula.
  'posts/en/2024-05-15-switch-only.md': post('Switch only', 'No formula, only $5.\n', { math: 'true' }),
  'posts/en/2024-05-16-plain.md': post('Plain', 'Nothing but text and `$PATH`.\n'),
  'posts/en/2024-05-17-broken.md': post('Broken', 'Fine $x$.\n\nThen $\\frac{1$ broken.\n'),
};

describe('math on a site under a sub-path', () => {
  const root = siteFromFiles(FILES);
  const out = path.join(root, '_site');
  let report: BuildReport;
  beforeAll(async () => {
    report = await buildSite(root, { baseUrl: BASE });
  });

  it('builds, invalid TeX being a warning at its file line', () => {
    expect(report.ok).toBe(true);
    const warnings = report.diagnostics.filter((d) => d.severity !== 'info');
    expect(warnings).toEqual([
      expect.objectContaining({ file: path.join(root, 'posts/en/2024-05-17-broken.md'), line: 7, severity: 'warning', code: 'math' }),
    ]);
    expect(warnings[0]!.message).toMatch(/^TeX formula not typeset: /);
    const $ = page(root, 'en/posts/broken/index.html');
    expect($('.post-body code.math-error').text()).toBe('$\\frac{1$');
    expect($('.post-body .katex annotation').text()).toBe('x');
  });

  it('typesets every kind of formula to MathML, leaving prices and code as text', () => {
    const $ = page(root, 'en/posts/formulas/index.html');
    const tex = $('.post-body .katex annotation').map((_, el) => $(el).text().trim()).get();
    expect(tex).toEqual(['e^{i\\pi} + 1 = 0', 'a_1', '\\int_0^1 x^2\\,dx = \\frac{1}{3}', '\\sqrt{2}', 'E = mc^2']);
    expect($('.post-body .katex-display math[display="block"]').length).toBe(3);
    expect($('.post-body p').first().text()).toContain('prices $5 and $10 and echo $HOME stay text.');
    expect(page(root, 'ko/posts/chirpy/index.html')('.post-body .katex annotation').text().trim()).toBe('\\sum_{i=1}^n x_i');
    expect(page(root, 'zh/posts/hexo/index.html')('.post-body .katex annotation').text()).toBe('\\alpha + \\beta');
  });

  it('links KaTeX\'s stylesheet from the pages with formulas only, under the base path', () => {
    const withMath = htmlFiles(out).filter((rel) => page(root, rel)(`link[rel="stylesheet"][href="/blog/${CSS}"]`).length > 0);
    expect(withMath).toEqual(['en/posts/broken/index.html', 'en/posts/formulas/index.html', 'ko/posts/chirpy/index.html', 'zh/posts/hexo/index.html']);
    // Before the theme's stylesheet, which may override it.
    const links = page(root, 'en/posts/formulas/index.html')('link[rel="stylesheet"]').map((_, el) => el.attribs.href).get();
    expect(links).toEqual([`/blog/${CSS}`, '/blog/assets/style.css']);
  });

  it('ships the stylesheet with every font it names, all resolving under the base path', () => {
    expect(brokenLinks(out, '/blog/')).toEqual([]);
    const css = fs.readFileSync(path.join(out, CSS), 'utf8');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/^["']|["']$/g, ''));
    expect(urls.length).toBe(20);
    for (const url of urls) {
      expect(url).toMatch(/^fonts\/KaTeX_[\w-]+\.woff2$/);
      // Relative to the stylesheet, so the same file works under any base path.
      expect(fs.existsSync(path.join(out, path.posix.dirname(CSS), url)), url).toBe(true);
    }
    expect(fs.readdirSync(path.join(out, 'assets/katex/fonts')).sort()).toEqual(urls.map((url) => path.basename(url)).sort());
  });

  it('writes valid HTML', async () => {
    expect(await validationErrors(out)).toEqual([]);
  });

  it('gives feeds the MathML alone, which feed readers show without a stylesheet', () => {
    const $ = parseXml(fs.readFileSync(path.join(out, 'en/feed.xml'), 'utf8'));
    const content = $('entry').filter((_, el) => $(el).find('title').text() === 'Formulas').find('content').text();
    expect(content.match(/<math /g)?.length).toBe(5);
    expect(content).not.toContain('katex-html');
    expect(content).toContain('<annotation encoding="application/x-tex" data-pagefind-ignore>E = mc^2');
  });

  it('indexes the text of each formula once, without its TeX source', () => {
    const content = indexedPages(out).get('/en/posts/formulas/')?.content ?? '';
    expect(content).toContain('Inline eiπ+1=0 and a1;');
    expect(content.match(/π/g)?.length).toBe(1);
    expect(content).not.toMatch(/\\pi|\\frac|mathnormal/);
  });
});

describe('a site without math', () => {
  it('ships no KaTeX files', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-16-plain.md': post('Plain', 'It costs $5 and $10.\n', { math: 'true' }) });
    await buildSite(root);
    expect(fs.existsSync(path.join(root, '_site/assets/katex'))).toBe(false);
  });
});

describe('loading KaTeX', () => {
  /** Packages from node_modules the CLI loaded while building `root`. */
  const packagesLoaded = (root: string): string[] => {
    const loaded = path.join(root, 'loaded.txt');
    const run = spawnCli(['build', '--root', root, '--quiet'], {
      env: { NODE_OPTIONS: `--import ${pathToFileURL(path.join(REPO, 'tests/helpers/loaded-packages.mjs')).href}`, LOADED_PACKAGES: loaded },
    });
    expect(run.status, run.stderr).toBe(0);
    const names = fs.readFileSync(loaded, 'utf8').split('\n').map((file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)?.[1]);
    return [...new Set(names.filter((name) => name !== undefined))];
  };

  it('happens in a cold build with formulas only, and never in a warm one', () => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-formulas.md': FILES['posts/en/2024-05-14-formulas.md']! });
    expect(packagesLoaded(root)).toContain('katex');
    expect(packagesLoaded(root)).not.toContain('katex');
    const plain = siteFromFiles({ 'posts/en/2024-05-16-plain.md': FILES['posts/en/2024-05-16-plain.md']! });
    expect(packagesLoaded(plain)).not.toContain('katex');
  });
});
