// Whole-site checks: every internal link resolves, every page is valid HTML.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { HtmlValidate, type Report } from 'html-validate';
import { internalLinks, parseHtml } from './html.js';

/** Every `.html` file under `dir`, as `/`-separated relative paths. */
export function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Internal `href`/`src` values (also in `<link>`) on every page that do not resolve to a file in
 * `dir`, as `page → href`. `basePath` is the site's base path (`/` or `/sub/`): links must carry it.
 */
export function brokenLinks(dir: string, basePath = '/'): string[] {
  const broken: string[] = [];
  for (const rel of htmlFiles(dir)) {
    const $ = parseHtml(fs.readFileSync(path.join(dir, rel), 'utf8'));
    for (const href of internalLinks($)) {
      const target = resolveLink(dir, rel, href, basePath);
      if (!target || !fs.existsSync(target)) broken.push(`${rel} → ${href}`);
    }
  }
  return broken;
}

function resolveLink(dir: string, page: string, href: string, basePath: string): string | undefined {
  const clean = decodeURIComponent(href.split('#')[0]!.split('?')[0]!);
  if (clean === '') return path.join(dir, page);
  let sitePath: string;
  if (clean.startsWith('/')) {
    if (!clean.startsWith(basePath)) return undefined;
    sitePath = clean.slice(basePath.length);
  } else {
    sitePath = path.posix.join(path.posix.dirname(page), clean);
  }
  const file = path.join(dir, sitePath);
  return clean.endsWith('/') || sitePath === '' ? path.join(file, 'index.html') : file;
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Mermaid's SVG and footnotes carry inline styles; the theme itself has none.
    'no-inline-style': 'off',
    // Long Korean/Chinese titles are fine; search engines cut them themselves.
    'long-title': 'off',
  },
});

/** html-validate messages for every page, as `page:line:col rule message`. */
export async function validationErrors(dir: string): Promise<string[]> {
  const errors: string[] = [];
  for (const rel of htmlFiles(dir)) {
    const report: Report = await validator.validateString(fs.readFileSync(path.join(dir, rel), 'utf8'), rel);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity >= 2) errors.push(`${rel}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
  }
  return errors;
}

/** The text of every indexed page, by URL, read from the bundle's fragments (gzip of `pagefind_dcd` + JSON). */
export function indexedPages(out: string): Map<string, { content: string; language: string }> {
  const pages = new Map<string, { content: string; language: string }>();
  const dir = path.join(out, 'pagefind/fragment');
  for (const name of fs.readdirSync(dir)) {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '');
    const fragment = JSON.parse(text) as { url: string; content: string };
    pages.set(fragment.url, { content: fragment.content, language: name.split('_')[0]! });
  }
  return pages;
}
