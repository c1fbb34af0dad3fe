// Browser tests: Debian's Chromium driven by playwright-core, over a built `_site` served by a
// tiny static server (as a reader's browser would see a deployed site).
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../../src/serve/server.js';
import { buildSite, siteFromFiles } from './site.js';

/** The Chromium the tests drive (the same default build mode uses). */
export const CHROMIUM = process.env.OMNIPRESS_CHROMIUM || '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);

/**
 * Whether to skip the browser tests: only without Chromium and outside CI. Under CI they run and
 * fail (launchBrowser throws): a missing browser must never turn into a silently green run.
 * Use as `describe.skipIf(SKIP_BROWSER_TESTS)(…)`.
 */
export const SKIP_BROWSER_TESTS = !HAS_CHROMIUM && !process.env.CI;

/** Headless Chromium, quiet: no GPU, no network of its own, no first-run or background work. */
export async function launchBrowser(): Promise<Browser> {
  if (!HAS_CHROMIUM) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set OMNIPRESS_CHROMIUM`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface StaticServer {
  /** Where the site's root is, with a trailing slash: `http://127.0.0.1:PORT/sub/`. */
  url: string;
  /** Every path requested so far (decoded, without query). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serve `dir` (a built `_site`) on 127.0.0.1 at a random free port, under `prefix` ('/' or
 * '/sub/'). Clean URLs: `/x/` → `/x/index.html`; unknown paths get `/404.html` with status 404.
 * Nothing is cached unless `cacheControl` says otherwise (GitHub Pages sends `max-age=600`).
 */
export async function serveSite(dir: string, prefix = '/', cacheControl = 'no-store'): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const send = (status: number, file?: string) => {
      const body = file ? fs.readFileSync(file) : Buffer.from('not found');
      res.writeHead(status, {
        'content-type': file ? CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' : 'text/plain',
        'content-length': body.length,
        'cache-control': cacheControl,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      send(404, fs.existsSync(page) ? page : undefined);
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400);
    }
    requests.push(pathname);
    if (!pathname.startsWith(prefix)) return notFound();
    let file = path.resolve(root, `.${path.posix.normalize(`/${pathname.slice(prefix.length)}`)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${encodeURI(pathname)}/` });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound();
    send(200, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Resolve after the page has drawn two more frames: what it did in response to the last input is on screen. */
export async function afterFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Resolve once the page's intersection observers have been told where the elements matching
 * `selector` are now, and two frames later. A fresh observer is notified after those created
 * before it, so whatever the page decided to do about those elements, it has decided.
 */
export async function afterIntersections(page: Page, selector: string): Promise<void> {
  await page.evaluate(async (sel) => {
    const elements = [...document.querySelectorAll(sel)];
    if (elements.length > 0) {
      await new Promise<void>((resolve) => {
        const observer = new IntersectionObserver(() => {
          observer.disconnect();
          resolve();
        });
        for (const element of elements) observer.observe(element);
      });
    }
  }, selector);
  await afterFrames(page);
}

/** Resolve once every diagram within 200 px of the viewport has been drawn (or failed). */
export async function diagramsInViewDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('pre.mermaid')].every((pre) => {
        const box = pre.getBoundingClientRect();
        return box.height === 0 || box.bottom < -200 || box.top > innerHeight + 200;
      }),
    undefined,
    { timeout: 15_000 },
  );
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page (or inside the first element matching
 * `selector`), as `id (impact): first targets` lines.
 */
export async function seriousAxeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (within) => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(within ? document.querySelector(within)! : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, selector);
}

/** Resolve once the page's stylesheets and fonts are in: before measuring its layout (the load event may wait for held images). */
export async function stylesReady(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].every((link) => link.sheet !== null));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Count the page's layout shifts from its first paint on (call before `goto`); read them with layoutShifts. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The sum of the layout shifts recorded since recordLayoutShifts. */
export function layoutShifts(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { shifts: number }).shifts);
}

/** Where browser tests save screenshots for a person to look at (CI keeps them as artifacts). */
export const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/**
 * Registers, for each page of a served site, the checks every page type gets: no serious or
 * critical axe violations in light and dark, no sideways scrolling on a 320 px phone, and
 * screenshots at 390 and 1280 px in light and dark (`SHOTS/<prefix><name>-<width>-<scheme>.png`).
 * `site()` gives the browser and server once the suite's beforeAll has made them.
 */
export function checkReaderPages(site: () => { browser: Browser; server: StaticServer }, pages: ReadonlyArray<{ name: string; path: string }>, prefix = ''): void {
  for (const target of pages) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${target.name} (${scheme}): no serious or critical accessibility violations`, async () => {
        const { browser, server } = site();
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
        const response = await page.goto(server.url + target.path, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      });
    }

    it(`${target.name}: no horizontal scrolling on a 320 px phone; screenshots at 390 and 1280 px, light and dark`, async () => {
      const { browser, server } = site();
      fs.mkdirSync(SHOTS, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width: 320, height: 844 }, colorScheme: scheme });
        await page.goto(server.url + target.path, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        for (const width of [390, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await page.screenshot({ path: path.join(SHOTS, `${prefix}${target.name}-${width}-${scheme}.png`), fullPage: true });
        }
        await page.close();
      }
    });
  }
}

/**
 * The site of `files`, built for `baseUrl` and served under its path, and a browser, for one
 * suite: registers the suite's beforeAll and afterAll; the function it returns gives them to tests.
 */
export function browserOnSite(files: Record<string, string | Uint8Array>, baseUrl = 'https://example.org/sub/'): () => { browser: Browser; server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    const root = siteFromFiles(files);
    const report = await buildSite(root, { baseUrl });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    server = await serveSite(path.join(root, '_site'), new URL(baseUrl).pathname);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => ({ browser: browser!, server: server! });
}
