// Math as a reader sees it: a site built for https://example.org/sub/, served under /sub/ and
// opened in headless Chromium. KaTeX's stylesheet and fonts come from the site, only on pages
// with formulas; formulas render with KaTeX's fonts; nothing scrolls the page sideways on a phone.
// DOM types for the page.evaluate callbacks, which run in the browser:
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserOnSite, SKIP_BROWSER_TESTS, type StaticServer, seriousAxeViolations } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';

const post = (title: string, body: string, front: Record<string, string> = {}) => postFile({ title, date: '2024-05-14', ...front }, body);

const FILES: Record<string, string> = {
  'posts/en/2024-05-14-formulas.md': post(
    'Formulas',
    [
      'Inline $\\mathcal{F}(x) = \\sum_{n=1}^{\\infty} \\frac{x^n}{n!}$ in a sentence.',
      '',
      '$$',
      '\\left( \\sum_{k=1}^{n} a_k b_k \\right)^2 \\leq \\left( \\sum_{k=1}^{n} a_k^2 \\right) \\left( \\sum_{k=1}^{n} b_k^2 \\right) + \\sqrt{\\alpha^2 + \\beta^2 + \\gamma^2 + \\delta^2 + \\epsilon^2}',
      '$$',
    ].join('\n'),
  ),
  'posts/en/2024-05-14-plain.md': post('Plain', 'It costs $5 and $10, and `echo $HOME` prints it.', { math: 'true' }),
};

/** The browser and the served site, once the suite has made them. */
let site: () => { browser: Browser; server: StaticServer };

/** A page of the site, with the paths of every request it made and every failed one. */
async function open(rel: string, dark = false): Promise<{ page: Page; requests: string[]; failed: string[] }> {
  const { browser, server } = site();
  const page = await browser.newPage({ viewport: { width: 320, height: 800 }, colorScheme: dark ? 'dark' : 'light' });
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => failed.push(`failed ${new URL(request.url()).pathname}`));
  await page.goto(new URL(rel, server.url).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, requests, failed };
}

describe.skipIf(SKIP_BROWSER_TESTS)('math in the browser, under a sub-path', () => {
  site = browserOnSite(FILES, 'https://example.org/sub/');

  it('a page without formulas requests nothing of KaTeX', async () => {
    const { page, requests, failed } = await open('en/posts/plain/');
    expect(requests.filter((p) => /katex/i.test(p))).toEqual([]);
    expect(failed.filter((p) => !p.endsWith('/favicon.ico'))).toEqual([]);
    await page.close();
  });

  it('a formula renders with KaTeX\'s self-hosted fonts, the MathML hidden from sight, not from screen readers', async () => {
    const { page, requests, failed } = await open('en/posts/formulas/');
    expect(failed).toEqual([]);
    expect(requests).toContain('/sub/assets/katex/katex.min.css');
    const fonts = requests.filter((p) => p.startsWith('/sub/assets/katex/fonts/'));
    expect(fonts).toEqual(expect.arrayContaining(['/sub/assets/katex/fonts/KaTeX_Main-Regular.woff2', '/sub/assets/katex/fonts/KaTeX_Math-Italic.woff2']));
    const state = await page.evaluate(() => {
      const loaded = [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/"/g, ''));
      const formula = document.querySelector('.post-body p .katex')!;
      const mathml = formula.querySelector('.katex-mathml')!.getBoundingClientRect();
      const visual = formula.querySelector('.katex-html')!;
      const letter = visual.querySelector('.mathnormal')!;
      return {
        loaded: [...new Set(loaded)].sort(),
        letterFont: getComputedStyle(letter).fontFamily,
        letterFits: document.fonts.check(`16px ${getComputedStyle(letter).fontFamily}`, letter.textContent ?? ''),
        mathmlArea: mathml.width * mathml.height,
        visualHeight: visual.getBoundingClientRect().height,
      };
    });
    expect(state.loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Caligraphic', 'KaTeX_Size1']));
    expect(state.letterFont).toBe('KaTeX_Math');
    expect(state.letterFits).toBe(true);
    expect(state.mathmlArea).toBeLessThanOrEqual(1);
    expect(state.visualHeight).toBeGreaterThan(10);
    await page.close();
  });

  it('a wide display formula scrolls by itself on a 320 px phone, not the page', async () => {
    const { page } = await open('en/posts/formulas/');
    const sizes = await page.evaluate(() => {
      const display = document.querySelector('.katex-display')!;
      return { page: document.documentElement.scrollWidth - window.innerWidth, formula: display.scrollWidth - display.clientWidth };
    });
    expect(sizes.page).toBeLessThanOrEqual(0);
    expect(sizes.formula).toBeGreaterThan(0);
    await page.close();
  });

  for (const dark of [false, true]) {
    it(`passes axe with formulas (${dark ? 'dark' : 'light'})`, async () => {
      const { page } = await open('en/posts/formulas/', dark);
      const violations = await seriousAxeViolations(page);
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});
