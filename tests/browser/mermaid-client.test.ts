// Client mode, as a reader sees it: a built site served over HTTP, opened in headless Chromium.
// The Mermaid runtime is self-hosted and loaded lazily by client/mermaid-loader.js.
// DOM types for the page.evaluate callbacks, which run in the browser:
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterFrames, afterIntersections, launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer } from '../helpers/browser.js';
import { postFile } from '../helpers/post.js';
import { buildSite, siteFromFiles } from '../helpers/site.js';

const post = (title: string, body: string, front: Record<string, string> = {}) => postFile({ title, date: '2024-05-14', ...front }, body);
const fence = (...lines: string[]) => ['```mermaid', ...lines, '```', ''].join('\n');
const filler = (paragraphs: number) => Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1} of filler text.`).join('\n\n');

const FLOWCHART = fence('flowchart LR', '  Reader[Reader opens post] --> Browser{Browser draws}', '  Browser --> Done([Diagram shown])');
const SEQUENCE = fence('sequenceDiagram', '  participant Alice', '  participant Bob', '  Alice->>Bob: Hello Bob', '  Bob-->>Alice: Hi Alice');
const CJK = fence('flowchart TD', '  input[입력 · 소리] --> model[统一模型]', '  model --> output[출력 输出]');

const FILES: Record<string, string> = {
  'posts/en/2024-05-14-kinds.md': post('Kinds', ['Three diagrams.', FLOWCHART, SEQUENCE, CJK].join('\n')),
  'posts/en/2024-05-14-broken.md': post(
    'Broken',
    ['Before.', fence('flowchart LR', '  A[Open --> B((('), 'Between.', fence('flowchart LR', '  Good[Still drawn] --> Fine'), 'After the diagrams.'].join('\n'),
  ),
  'posts/en/2024-05-14-hostile.md': post(
    'Hostile',
    [
      fence(
        'flowchart LR',
        '  A["<img src=x onerror=window.__pwned=1;alert(1)>"] --> B["<script>window.__pwned=2</script>Bee"]',
        '  A --> C[Sea]',
        '  click A pwn "tooltip"',
        '  click B call pwn()',
        '  click C "javascript:window.__pwned=3;alert(3)"',
      ),
      fence('sequenceDiagram', '  Alice->>Bob: <img src=x onerror=window.__pwned=4>'),
    ].join('\n'),
  ),
  'posts/en/2024-05-14-named.md': post(
    'Named',
    [fence('flowchart LR', '  accTitle: How a reader gets a page', '  accDescr: The server sends HTML', '  S[Server] --> R[Reader]'), fence('flowchart LR', '  X --> Y')].join('\n'),
  ),
  'posts/en/2024-05-14-sections.md': post(
    'Sections',
    ['## How a page travels', '', 'Words.', fence('flowchart LR', '  S[Server] --> R[Reader]'), '<figure>', '', fence('flowchart LR', '  A --> B'), '<figcaption>The short way</figcaption></figure>', ''].join('\n'),
  ),
  'posts/ko/2024-05-14-korean.md': post('한국어 그림', ['그림 하나.', fence('flowchart LR', '  가[입력] --> 나[출력]')].join('\n')),
  'posts/en/2024-05-14-folded.md': post(
    'Folded',
    [
      'Open the box.',
      '<details><summary>Show the diagram</summary>',
      '',
      fence('flowchart LR', '  Hidden[Folded away] --> Shown'),
      '</details>',
      '',
      '<div class="panel">',
      '',
      fence('flowchart LR', '  Panel[In a hidden panel] --> Shown'),
      '</div>',
      '',
    ].join('\n'),
  ),
  'posts/en/2024-05-14-long.md': post(
    'Long',
    [fence('flowchart LR', '  Top[At the top] --> T2'), filler(300), fence('flowchart LR', '  Bottom[Far below] --> B2')].join('\n'),
  ),
  'posts/en/2024-05-14-only-far.md': post('Only far', [filler(300), fence('flowchart LR', '  Far[Far away] --> F2')].join('\n')),
  'posts/en/2024-05-14-plain.md': post('Plain', 'Just words, no diagram.'),
  'posts/en/2024-05-14-flagged.md': post('Flagged', 'Chirpy turned mermaid on, but there is no diagram.', { mermaid: 'true' }),
};

/** `<script>` elements a browser would run: no type, or a JavaScript one (module included). */
const JAVASCRIPT = 'script:not([type]), script[type=""], script[type="text/javascript" i], script[type="application/javascript" i], script[type="module" i]';

let browser: Browser;
let context: BrowserContext;
let server: StaticServer;
/** The same site built for https://example.org/sub/ and served under /sub/. */
let subServer: StaticServer;

/** A fresh page with everything a test may want to assert on recorded. */
async function open(
  url: string,
  options: { dark?: boolean; viewport?: { width: number; height: number }; init?: () => void; on?: StaticServer } = {},
) {
  const page = await context.newPage();
  if (options.init) await page.addInitScript(options.init);
  await page.setViewportSize(options.viewport ?? { width: 1000, height: 2400 });
  if (options.dark) await page.emulateMedia({ colorScheme: 'dark' });
  const errors: string[] = [];
  const dialogs: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    // Chromium's own favicon request is not the page's doing (the test site has no favicon).
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      errors.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (/\.m?js$/.test(new URL(request.url()).pathname)) scripts.push(request.url());
  });
  await page.goto(new URL(url, (options.on ?? server).url).href);
  return { page, errors, dialogs, scripts };
}

/** Wait until the loader has handled `count` diagrams (drawn or failed). */
async function waitForDiagrams(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('figure.diagram').length >= n, count, { timeout: 15_000 });
}

const svgText = (page: Page) => page.$$eval('figure.diagram svg', (svgs) => svgs.map((svg) => svg.textContent ?? ''));

/** The fill of the first node shape of the first drawn diagram. */
const nodeFill = (page: Page) =>
  page.$eval('figure.diagram svg', (svg) => {
    const shape = svg.querySelector('.node rect, .node path, .node polygon, .node circle');
    return shape ? getComputedStyle(shape).fill : 'no node';
  });

describe.skipIf(SKIP_BROWSER_TESTS)('mermaid in the browser (client mode)', () => {
  beforeAll(async () => {
    const [site, subSite] = [siteFromFiles(FILES), siteFromFiles(FILES)];
    const reports = await Promise.all([buildSite(site), buildSite(subSite, { baseUrl: 'https://example.org/sub/' })]);
    for (const report of reports) expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    server = await serveSite(path.join(site, '_site'));
    subServer = await serveSite(path.join(subSite, '_site'), '/sub/');
    browser = await launchBrowser();
    context = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await subServer?.close();
  });

  it('draws a flowchart, a sequence diagram and Korean/Chinese labels as SVG', async () => {
    const { page } = await open('en/posts/kinds/');
    await waitForDiagrams(page, 3);
    expect(await page.locator('pre.mermaid').count()).toBe(0);
    const [flow, sequence, cjk] = await svgText(page);
    expect(flow).toContain('Reader opens post');
    expect(flow).toContain('Browser draws');
    expect(sequence).toContain('Alice');
    expect(sequence).toContain('Hello Bob');
    expect(cjk).toContain('입력 · 소리');
    expect(cjk).toContain('统一模型');
    expect(cjk).toContain('출력 输出');
    await page.close();
  });

  it('shows no console errors on a page with valid diagrams', async () => {
    const { page, errors } = await open('en/posts/kinds/');
    await waitForDiagrams(page, 3);
    await afterFrames(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a broken diagram as its source under a one-line note, with the error in the console, and still draws the good one', async () => {
    const { page, errors } = await open('en/posts/broken/');
    await waitForDiagrams(page, 2);
    const box = page.locator('figure.diagram-error');
    await expect.poll(() => box.count()).toBe(1);
    expect(await box.getAttribute('role')).toBe('group');
    expect(await box.locator('figcaption').textContent()).toBe('This diagram could not be drawn');
    expect(await box.locator('pre.code.diagram-source > code').textContent()).toBe('flowchart LR\n  A[Open --> B(((\n');
    // Mermaid's parse error is for the author: in the console, not on the page.
    expect(await box.textContent()).not.toMatch(/parse error|expecting/i);
    expect(errors.join('\n')).toMatch(/a diagram could not be drawn/);
    expect(await box.locator('svg').count()).toBe(0); // no Mermaid "bomb" picture
    const good = page.locator('figure.diagram:not(.diagram-error) svg');
    expect(await good.count()).toBe(1);
    expect(await good.textContent()).toContain('Still drawn');
    // The rest of the page is intact and Mermaid left nothing behind in <body>.
    expect(await page.locator('.post-body').textContent()).toContain('After the diagrams.');
    expect(await page.evaluate(() => [...document.body.children].filter((e) => /^d?omnipress-diagram/.test(e.id)).length)).toBe(0);
    expect(await page.locator('body > div[id^="d"] svg, body > svg').count()).toBe(0);
    await page.close();
  });

  it('shows the source and a note in the page\'s language, never a URL, when the runtime cannot be loaded', async () => {
    const page = await context.newPage();
    await page.route('**/assets/mermaid/**', (route) => route.abort());
    const logged: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') logged.push(message.text());
    });
    await page.goto(new URL('ko/posts/korean/', server.url).href);
    await waitForDiagrams(page, 1);
    const box = page.locator('figure.diagram-error');
    expect(await box.locator('figcaption').textContent()).toBe('다이어그램을 그릴 수 없습니다');
    expect(await box.locator('pre.diagram-source > code').textContent()).toBe('flowchart LR\n  가[입력] --> 나[출력]\n');
    expect(await box.textContent()).not.toMatch(/https?:|\.mjs|import/i);
    expect(logged.join('\n')).toMatch(/mermaid\.esm\.min\.mjs/);
    await page.close();
  });

  it('runs nothing from diagram labels: no handlers, scripts, click callbacks or javascript: links', async () => {
    // `pwn` is what the diagram's click directives name as their callback.
    const init = () => {
      (window as unknown as { pwn: () => void }).pwn = () => {
        (window as unknown as { __pwned: string }).__pwned = 'callback';
      };
    };
    const { page, dialogs } = await open('en/posts/hostile/', { init });
    await waitForDiagrams(page, 2);
    expect(await page.locator('figure.diagram svg').count()).toBe(2);
    // Clicking the nodes wired to callbacks and links does nothing either.
    const nodes = page.locator('figure.diagram').first().locator('svg .node');
    expect(await nodes.count()).toBe(3);
    for (let i = 0; i < 3; i++) await nodes.nth(i).click({ force: true });
    await afterFrames(page);
    expect(page.url()).toMatch(/\/en\/posts\/hostile\/$/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // What is left in the drawn diagrams is inert: labels became text, links lost their target.
    const live = await page.$$eval('.post-body *', (elements) =>
      elements.flatMap((element) => [
        ...(element.localName === 'script' ? ['<script>'] : []),
        ...[...element.attributes]
          .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
          .map((a) => `${element.localName} ${a.name}="${a.value}"`),
      ]),
    );
    expect(live).toEqual([]);
    expect(await page.locator('figure.diagram svg').first().textContent()).toContain('Bee');
    // Control: the same payload as live markup does run here, so the checks above can see it.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__control=1">'));
    await page.waitForFunction(() => (window as unknown as { __control?: number }).__control === 1);
    await page.close();
  });

  it('follows the dark colour scheme, before loading and when the reader switches', async () => {
    const light = await open('en/posts/kinds/');
    await waitForDiagrams(light.page, 1);
    const lightFill = await nodeFill(light.page);

    const dark = await open('en/posts/kinds/', { dark: true });
    await waitForDiagrams(dark.page, 1);
    const darkFill = await nodeFill(dark.page);
    expect(darkFill).not.toBe(lightFill);
    await dark.page.close();

    // Switching after the diagrams are drawn redraws them in the new theme.
    await light.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => nodeFill(light.page), { timeout: 10_000 }).toBe(darkFill);
    expect(await light.page.locator('figure.diagram svg').count()).toBe(3);
    expect((await svgText(light.page))[0]).toContain('Reader opens post');
    await light.page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => nodeFill(light.page), { timeout: 10_000 }).toBe(lightFill);
    expect(light.errors).toEqual([]);
    await light.page.close();
  });

  it('draws a diagram inside a closed <details> once it is opened', async () => {
    const { page } = await open('en/posts/folded/');
    await afterIntersections(page, 'pre.mermaid');
    // Still folded: nothing drawn (there is nothing to see).
    expect(await page.locator('.post-body details figure.diagram').count()).toBe(0);
    await page.locator('.post-body summary').click();
    await page.waitForSelector('details figure.diagram svg');
    expect(await page.locator('details figure.diagram svg').textContent()).toContain('Folded away');
    await page.close();
  });

  it('draws a diagram in a hidden container once it is shown', async () => {
    // Posts cannot hide things themselves (the sanitizer drops `hidden`): hide the panel the way
    // a theme's tab widget would, by serving the page with the attribute set.
    await context.route('**/en/posts/folded/', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<div class="panel">', '<div class="panel" hidden>') });
    });
    const { page } = await open('en/posts/folded/');
    await context.unroute('**/en/posts/folded/');
    expect(await page.locator('.panel[hidden] pre.mermaid').count()).toBe(1);
    await afterIntersections(page, 'pre.mermaid');
    expect(await page.locator('.panel figure.diagram').count()).toBe(0);
    await page.evaluate(() => document.querySelector<HTMLElement>('.panel')!.removeAttribute('hidden')); // a tab switching
    await page.waitForSelector('.panel figure.diagram svg');
    expect(await page.locator('.panel figure.diagram svg').textContent()).toContain('In a hidden panel');
    await page.close();
  });

  it('draws a diagram far below the fold only when the reader scrolls near it', async () => {
    const { page, scripts } = await open('en/posts/long/', { viewport: { width: 1000, height: 700 } });
    await waitForDiagrams(page, 1);
    await afterIntersections(page, 'pre.mermaid');
    expect(await page.locator('figure.diagram').count()).toBe(1);
    expect(await page.locator('pre.mermaid').count()).toBe(1);
    expect(scripts.some((url) => url.endsWith('/mermaid.esm.min.mjs'))).toBe(true);
    await page.locator('pre.mermaid').scrollIntoViewIfNeeded();
    await waitForDiagrams(page, 2);
    expect((await svgText(page))[1]).toContain('Far below');
    await page.close();
  });

  it('does not even load the Mermaid runtime until a diagram comes near', async () => {
    const { page, scripts } = await open('en/posts/only-far/', { viewport: { width: 1000, height: 700 } });
    await page.waitForLoadState('networkidle');
    expect(scripts.map((url) => new URL(url).pathname)).toEqual(['/assets/omnipress/mermaid-loader.js']);
    await page.locator('pre.mermaid').scrollIntoViewIfNeeded();
    await waitForDiagrams(page, 1);
    expect(scripts.some((url) => url.endsWith('/mermaid.esm.min.mjs'))).toBe(true);
    await page.close();
  });

  it('names a drawn diagram by its accTitle/accDescr, else with a generic label', async () => {
    const { page } = await open('en/posts/named/');
    await waitForDiagrams(page, 2);
    const figures = page.locator('figure.diagram');
    expect(await figures.nth(0).getAttribute('role')).toBe('img');
    expect(await figures.nth(0).getAttribute('aria-label')).toBe('How a reader gets a page: The server sends HTML');
    expect(await figures.nth(1).getAttribute('role')).toBe('img');
    expect(await figures.nth(1).getAttribute('aria-label')).toBe('Diagram');
    await page.close();
  });

  it('names a diagram without accTitle by its caption, else by the nearest heading above it', async () => {
    const { page } = await open('en/posts/sections/');
    await waitForDiagrams(page, 2);
    const figures = page.locator('figure.diagram');
    expect(await figures.nth(0).getAttribute('aria-label')).toBe('Diagram: How a page travels');
    expect(await figures.nth(1).getAttribute('aria-label')).toBe('Diagram: The short way');
    await page.close();
  });

  it("labels a diagram in the page's language", async () => {
    const { page } = await open('ko/posts/korean/');
    await waitForDiagrams(page, 1);
    const figure = page.locator('figure.diagram');
    expect(await figure.getAttribute('role')).toBe('img');
    expect(await figure.getAttribute('aria-label')).toBe('다이어그램');
    await page.close();
  });

  it('ships zero JavaScript to pages without a diagram, even with `mermaid: true`', async () => {
    for (const url of ['en/posts/plain/', 'en/posts/flagged/', 'en/', '']) {
      const { page, scripts } = await open(url);
      await page.waitForLoadState('networkidle');
      // Only JavaScript counts: a JSON-LD <script type="application/ld+json"> is data, never run.
      expect(await page.locator(JAVASCRIPT).count(), url).toBe(0);
      expect(scripts, url).toEqual([]);
      await page.close();
    }
  });

  it('works under a sub-path base URL: the runtime comes from /sub/assets/', async () => {
    const { page, scripts, errors } = await open('en/posts/kinds/', { on: subServer });
    await waitForDiagrams(page, 3);
    expect((await svgText(page))[0]).toContain('Reader opens post');
    const paths = scripts.map((url) => new URL(url).pathname);
    expect(paths).toContain('/sub/assets/omnipress/mermaid-loader.js');
    expect(paths).toContain('/sub/assets/mermaid/mermaid.esm.min.mjs');
    expect(paths.filter((p) => !p.startsWith('/sub/'))).toEqual([]);
    // (Chromium asks for /favicon.ico on its own; everything the page asks for is under /sub/.)
    expect(subServer.requests.filter((p) => !p.startsWith('/sub/') && p !== '/favicon.ico')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
