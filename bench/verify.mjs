// Checks that bench/run.mjs applies to a built site: every post has its page, every language its
// index, and the indexes link every post; plus a content digest of a whole output folder, so two
// builds can be compared byte for byte.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const LANGS = ['ko', 'zh', 'en'];

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Site paths linked from one HTML file (`href="/ko/posts/x/"`, origins and fragments dropped). */
function links(html) {
  const out = new Set();
  for (const match of html.matchAll(/href="([^"]*)"/g)) {
    let href = match[1].replace(/&amp;/g, '&').replace(/^https?:\/\/[^/]+/, '').replace(/[#?].*$/, '');
    try {
      href = decodeURIComponent(href);
    } catch {
      // keep it as written
    }
    out.add(href.normalize('NFC'));
  }
  return out;
}

/**
 * `manifest`: the posts from gen-corpus (lang, slug, title, url). Returns the errors found (at
 * most `limit` listed, all counted) and what was checked.
 */
export function verifySite(outDir, manifest, { limit = 20 } = {}) {
  const errors = [];
  let failures = 0;
  const fail = (message) => {
    failures++;
    if (errors.length < limit) errors.push(message);
  };
  let pages = 0;
  for (const post of manifest) {
    const file = path.join(outDir, post.lang, 'posts', post.slug, 'index.html');
    let html;
    try {
      html = fs.readFileSync(file, 'utf8');
    } catch {
      fail(`missing page ${path.relative(outDir, file)} for ${post.file}`);
      continue;
    }
    if (!html.includes(escapeHtml(post.title)) && !html.includes(post.title)) {
      fail(`${path.relative(outDir, file)} does not show the title "${post.title}"`);
      continue;
    }
    pages++;
  }
  let indexes = 0;
  for (const lang of LANGS) {
    const first = path.join(outDir, lang, 'index.html');
    if (!fs.existsSync(first)) {
      fail(`missing language index ${lang}/index.html`);
      continue;
    }
    indexes++;
    // The index and its pages (/ko/page/2/ …) together must link every post of the language.
    const linked = links(fs.readFileSync(first, 'utf8'));
    const pageDir = path.join(outDir, lang, 'page');
    if (fs.existsSync(pageDir)) {
      for (const page of fs.readdirSync(pageDir)) {
        const file = path.join(pageDir, page, 'index.html');
        if (fs.existsSync(file)) for (const href of links(fs.readFileSync(file, 'utf8'))) linked.add(href);
      }
    }
    const unlinked = manifest.filter((post) => post.lang === lang && !linked.has(post.url.normalize('NFC')));
    if (unlinked.length > 0) fail(`${unlinked.length} ${lang} posts are not linked from /${lang}/ or its pages, e.g. ${unlinked[0].url}`);
  }
  return { ok: failures === 0, failures, errors, pages, indexes };
}

/** rel path → { hash, size } for every file under `dir` (sorted walk, `/`-separated). */
export function digestTree(dir) {
  const files = new Map();
  const walk = (abs, rel) => {
    const entries = fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const absChild = path.join(abs, entry.name);
      const relChild = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(absChild, relChild);
      else {
        const bytes = fs.readFileSync(absChild);
        files.set(relChild, { hash: crypto.createHash('sha1').update(bytes).digest('hex'), size: bytes.length });
      }
    }
  };
  walk(dir, '');
  return files;
}

/** Byte-for-byte comparison of two digests: the first few paths that differ or exist on one side only. */
export function compareDigests(expected, actual, limit = 10) {
  const differ = [];
  const missing = [];
  const extra = [];
  for (const [rel, { hash }] of expected) {
    const other = actual.get(rel);
    if (!other) missing.push(rel);
    else if (other.hash !== hash) differ.push(rel);
  }
  for (const rel of actual.keys()) if (!expected.has(rel)) extra.push(rel);
  const identical = differ.length === 0 && missing.length === 0 && extra.length === 0;
  return {
    identical,
    counts: { differ: differ.length, missing: missing.length, extra: extra.length },
    differ: differ.slice(0, limit),
    missing: missing.slice(0, limit),
    extra: extra.slice(0, limit),
  };
}

export function describeDifference(comparison) {
  const { counts } = comparison;
  const parts = [];
  if (counts.differ) parts.push(`${counts.differ} files differ (e.g. ${comparison.differ.slice(0, 3).join(', ')})`);
  if (counts.missing) parts.push(`${counts.missing} missing (e.g. ${comparison.missing.slice(0, 3).join(', ')})`);
  if (counts.extra) parts.push(`${counts.extra} extra (e.g. ${comparison.extra.slice(0, 3).join(', ')})`);
  return parts.join('; ');
}
