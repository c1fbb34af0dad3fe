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
