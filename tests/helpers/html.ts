// Built pages parsed with a real HTML parser (cheerio over parse5).
import * as cheerio from 'cheerio';
import fs from 'node:fs';
import path from 'node:path';

export type Page = cheerio.CheerioAPI;

export function parseHtml(html: string): Page {
  return cheerio.load(html);
}

/** Parse `<root>/_site/<rel>`. */
export function page(root: string, rel: string, out = '_site'): Page {
  return parseHtml(fs.readFileSync(path.join(root, out, rel), 'utf8'));
}

/** Every internal href/src on a page (skips external, mailto:, fragment-only links). */
export function internalLinks($: Page): string[] {
  const links: string[] = [];
  $('[href], [src]').each((_, el) => {
    const value = $(el).attr('href') ?? $(el).attr('src') ?? '';
    if (!value || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return;
    links.push(value);
  });
  return links;
}

/** An XML document (sitemap, feed) parsed in XML mode: case and namespace prefixes kept (`xhtml\\:link`). */
export function parseXml(xml: string): Page {
  return cheerio.load(xml, { xml: true });
}

// Written apart from src/markdown/url-policy.ts on purpose: what a browser would run or navigate to
// as a document, after it drops control characters and whitespace from the URL.
const RUNNABLE_URL = /^(?:javascript|vbscript|livescript|file|data(?!:image\/(?:png|jpeg|gif|webp|avif);)):/i;
const URL_ATTRIBUTE = /^(?:href|src|srcset|cite|poster|action|formaction|data|xlink:href|background|ping|longdesc|manifest|codebase|dynsrc|lowsrc)$/i;

/** Every attribute of the document holding a URL that would run (`javascript:` …), as `<tag attribute="value">`. */
export function runnableUrls($: Page): string[] {
  const found: string[] = [];
  $('*').each((_, element) => {
    for (const [name, value] of Object.entries($(element).attr() ?? {})) {
      if (!URL_ATTRIBUTE.test(name)) continue;
      const urls = /srcset/i.test(name) ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [value];
      if (urls.some((url) => RUNNABLE_URL.test(url.replace(/[\x00-\x20]+/g, '')))) found.push(`<${$(element).prop('tagName')?.toLowerCase()} ${name}="${value}">`);
    }
  });
  return found;
}
