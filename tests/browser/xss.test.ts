// XSS payloads as a reader would meet them, in Debian's Chromium: the fixture site
// (tests/fixtures/xss: script URLs in every tag and shortcode that takes one, raw HTML that tries
// to run, styles that track or cover the page) is built and served; on each of its pages every
// element gets the events a reader's mouse and keyboard send, and every link is clicked, each from
// a freshly loaded page. Nothing may run: no dialog opens, and the canary global `__xss`, which
// payloads set, is never set; no request leaves the site; nothing of a post lies over a link. The
// same posts built with trustedHtml show that this harness does see all of that when it happens.
/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER_TESTS, serveSite, type StaticServer } from '../helpers/browser.js';
import { buildSite, siteFromFixture } from '../helpers/site.js';

const PAGES = ['en/posts/tags/', 'en/posts/raw-html/', 'en/posts/hidden/', 'en/'];
// What a reader does to an element, besides clicking it.
const EVENTS = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown', 'mousedown', 'mouseup', 'focus', 'focusin', 'keydown', 'keyup', 'toggle', 'animationstart', 'transitionend', 'wheel', 'copy', 'paste'];

interface Seen {
  /** Messages of the dialogs that opened (alert, confirm, prompt). */
  dialogs: string[];
  /** Values payloads gave `window.__xss`. */
  canary: string[];
  /** Requests for resources outside the site (navigations aside). */
  thirdParty: string[];
  /** How many links and other clickable elements were clicked. */
  clicked: number;
  /** Links a reader could not click because something of a post lay over them. */
  covered: string[];
}

describe.skipIf(SKIP_BROWSER_TESTS)('XSS payloads in Chromium', () => {
  let browser: Browser;
  let site: StaticServer;
  let trusted: StaticServer;

  beforeAll(async () => {
    const root = siteFromFixture('xss');
    expect((await buildSite(root)).ok).toBe(true);
    site = await serveSite(path.join(root, '_site'));
    const control = siteFromFixture('xss');
    fs.writeFileSync(path.join(control, 'omnipress.yml'), 'trustedHtml: true\n');
    expect((await buildSite(control)).ok).toBe(true);
    trusted = await serveSite(path.join(control, '_site'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await trusted?.close();
  });

  /** A browser context that records dialogs, the canary and requests leaving `origin`. */
  async function watchedContext(origin: string, seen: Seen): Promise<BrowserContext> {
    const context = await browser.newContext();
    context.on('dialog', (dialog) => {
      seen.dialogs.push(dialog.message());
      // Its page may be gone already (the link navigated on).
      dialog.dismiss().catch(() => undefined);
    });
    // In every document and frame, before any of its scripts: setting __xss reports the value.
    await context.exposeBinding('__xssSeen', (_source, value: string) => void seen.canary.push(value));
    await context.addInitScript(() => {
      const report = (window as unknown as { __xssSeen(value: string): void }).__xssSeen;
      Object.defineProperty(window, '__xss', { configurable: false, get: () => undefined, set: (value: unknown) => report(String(value)) });
    });
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (new URL(request.url()).origin === origin) return route.continue();
      if (!request.isNavigationRequest()) seen.thirdParty.push(request.url());
      return route.abort();
    });
    return context;
  }

  /**
   * Loads `url` and waits until tasks it queued (an onerror, a javascript: URL) have run. A link
   * clicked just before may still be navigating; that navigation is let through first.
   */
  async function load(page: Page, url: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(url, { waitUntil: 'load' });
        break;
      } catch (error) {
        if (attempt === 3 || !/interrupted by another navigation/.test(String(error))) throw error;
        await page.waitForLoadState('load');
      }
    }
    await settle(page);
  }

  async function settle(page: Page): Promise<void> {
    await page.waitForLoadState('load');
    await page
      .evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
      .catch(() => undefined); // the page navigated meanwhile: its tasks are gone with it
  }

  /** Everything a reader can do to `pages` of `server`'s site (clicking inside `scope`), and what ran meanwhile. */
  async function exercise(server: StaticServer, pages: readonly string[], scope = 'body'): Promise<Seen> {
    const origin = new URL(server.url).origin;
    const seen: Seen = { dialogs: [], canary: [], thirdParty: [], clicked: 0, covered: [] };
    const context = await watchedContext(origin, seen);
    const page = await context.newPage();
    // Links may open windows: the context watches them too; they are closed once loaded.
    page.on('popup', (popup) => void popup.waitForLoadState().finally(() => popup.close()));
    for (const pagePath of pages) {
      const url = server.url + pagePath;
      await load(page, url);
      // Hover, press, focus… every element, by the events a reader's actions send.
      await page.evaluate((events) => {
        for (const element of Array.from(document.querySelectorAll('body *'))) {
          for (const type of events) element.dispatchEvent(new Event(type, { bubbles: true }));
          if (element instanceof HTMLElement) element.focus();
        }
      }, EVENTS);
      await settle(page);
      // Click every link and control, each from the page as loaded, and come back.
      const clickable = `${scope} :is(a, area, button, summary, [onclick], [tabindex])`;
      const count = await page.locator(clickable).count();
      for (let i = 0; i < count; i++) {
        // Loaded again even when nothing seemed to happen: a navigation may still be on its way.
        await load(page, url);
        const target = page.locator(clickable).nth(i);
        // A real click where the mouse can reach; else (hidden, off-screen like the skip link, or
        // under something else) a DOM click.
        const reach = await target.evaluate((element) => {
          element.scrollIntoView({ block: 'center', inline: 'center' });
          const box = element.getBoundingClientRect();
          if (!(box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && element.checkVisibility())) return 'hidden';
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return top && (element === top || element.contains(top)) ? 'reachable' : `covered by <${top?.tagName.toLowerCase()}> ${top?.textContent?.slice(0, 30)}`;
        });
        if (reach.startsWith('covered')) seen.covered.push(reach);
        if (reach === 'reachable') await target.click();
        else await target.dispatchEvent('click');
        seen.clicked++;
        await settle(page);
      }
    }
    await context.close();
    return seen;
  }

  for (const pagePath of PAGES) {
    it(`${pagePath}: no dialog, no canary, no request to a third party, no overlay, whatever is clicked or hovered`, { timeout: 120_000 }, async () => {
      const seen = await exercise(site, [pagePath]);
      expect(seen.dialogs).toEqual([]);
      expect(seen.canary).toEqual([]);
      expect(seen.thirdParty).toEqual([]);
      expect(seen.covered).toEqual([]);
      // The theme's links and the post's (those whose URL was dropped too) were all clicked.
      expect(seen.clicked).toBeGreaterThan(8);
    });
  }

  it('the same posts with trustedHtml: the harness sees the raw-HTML payloads run and call out', { timeout: 120_000 }, async () => {
    // The post's own links only: trusted payloads make the theme's links hard to follow.
    const seen = await exercise(trusted, ['en/posts/raw-html/'], '.post-body');
    // onerror, the javascript: links clicked, the iframe's script, the handlers hovered and focused…
    expect(seen.dialogs.length).toBeGreaterThan(5);
    expect(seen.canary).toContain('1');
    expect(seen.thirdParty.some((url) => url.startsWith('https://tracker.invalid/'))).toBe(true);
    // The fixed overlay lies over the theme's links.
    expect(seen.covered.some((reach) => reach.includes('a full-page overlay'))).toBe(true);
  });
});
