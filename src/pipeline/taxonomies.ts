// Categories and tags of one language's posts, grouped into terms. Pure: the model stage calls it
// per language and turns the terms into routes; views use the ready-made links.
//
// A term's identity is its name folded for case and width (`AI`, `ai`, `ＡＩ` are one term), its
// URL segment the same Unicode-safe slug posts get (`인공지능` stays `인공지능`). Different names
// that still slugify alike (`C++`, `C#` → `c`) stay different terms: the later one gets a hashed
// segment rather than the other term's posts.
import { reservedSegment } from '../content/reserved-names.js';
import { slugify } from '../content/slug.js';
import type { Lang, Post, TaxonomyKind, Term, TermLink } from '../types.js';
import { termPath } from '../urls/site-paths.js';
import { hashText } from '../util/hash.js';

/** Both taxonomies, in the order pages and views list them. */
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = ['categories', 'tags'];

/** What a language's posts give: its terms per taxonomy and each post's links to them. */
export interface LanguageTaxonomies {
  /** Terms per taxonomy, most posts first, then by name in the language's collation. */
  terms: Record<TaxonomyKind, Term[]>;
  /** Post id → its term links, in front-matter order. */
  postTerms: Map<string, Record<TaxonomyKind, TermLink[]>>;
}

/**
 * Names differing only in case, width (full-width Latin, half-width kana: NFKC) or runs of spaces
 * are one term.
 */
export function termKey(name: string): string {
  let key = termKeys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').toLowerCase().normalize('NFC').replace(/\s+/gu, ' ').trim();
    termKeys.set(name, key);
  }
  return key;
}

/**
 * Every post names its terms again and the model runs on every dev-server rebuild, but a site has
 * few distinct names: folding each once saves two Unicode normalizations per name per post.
 */
const termKeys = new Map<string, string>();

/**
 * Group `posts` (one language, newest first, as the model sorts them) into terms.
 * `localeTag` (BCP 47) decides how names sort: Hangul order for `ko`, pinyin for `zh-Hans`.
 */
export function groupTaxonomies(lang: Lang, posts: readonly Post[], localeTag: string): LanguageTaxonomies {
  const collator = new Intl.Collator(localeTag);
  const terms = {} as Record<TaxonomyKind, Term[]>;
  const byKey = {} as Record<TaxonomyKind, Map<string, Term>>;
  for (const kind of TAXONOMY_KINDS) {
    byKey[kind] = groupKind(lang, kind, posts);
    terms[kind] = [...byKey[kind].values()].sort(
      (a, b) =>
        b.postIds.length - a.postIds.length ||
        collator.compare(a.name, b.name) ||
        (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0),
    );
  }
  const postTerms = new Map<string, Record<TaxonomyKind, TermLink[]>>();
  for (const post of posts) {
    const links = {} as Record<TaxonomyKind, TermLink[]>;
    for (const kind of TAXONOMY_KINDS) {
      const seen = new Set<Term>();
      for (const name of post[kind]) {
        const term = byKey[kind].get(termKey(name));
        if (term && !seen.has(term)) seen.add(term);
      }
      links[kind] = [...seen].map((term) => ({ name: term.name, url: term.url }));
    }
    postTerms.set(post.id, links);
  }
  return { terms, postTerms };
}

/** Terms of one taxonomy keyed by `termKey`, in first-seen order (oldest post first). */
function groupKind(lang: Lang, kind: TaxonomyKind, posts: readonly Post[]): Map<string, Term> {
  const byKey = new Map<string, Term>();
  const segments = new Set<string>();
  // Oldest first, so the display name and the plain (unhashed) segment go to the term that had
  // them first, and publishing a new post never renames or moves an existing term page.
  for (let i = posts.length - 1; i >= 0; i--) {
    const post = posts[i]!;
    for (const name of post[kind]) {
      const key = termKey(name);
      if (key === '') continue;
      let term = byKey.get(key);
      if (!term) {
        const segment = uniqueSegment(key, segments);
        segments.add(segment);
        term = { name, key, segment, url: termPath(lang, kind, segment), postIds: [] };
        byKey.set(key, term);
      }
      // A post naming `AI` and `ai` is listed once.
      if (term.postIds[term.postIds.length - 1] !== post.id) term.postIds.push(post.id);
    }
  }
  for (const term of byKey.values()) term.postIds.reverse();
  return byKey;
}

/**
 * slugify(key), or a short hash when nothing sluggable is left (`🔥`, `#`); a hash suffix when
 * taken, or when the slug is a name no folder may have (a tag `CON`: reserved-names.ts).
 */
export function uniqueSegment(key: string, taken: ReadonlySet<string>): string {
  const hash = hashText(key);
  const slug = slugify(key);
  if (slug === '') return taken.has(hash.slice(0, 8)) ? hash : hash.slice(0, 8);
  for (const candidate of [slug, `${slug}-${hash.slice(0, 6)}`]) {
    if (!taken.has(candidate) && !reservedSegment(candidate)) return candidate;
  }
  return `${slug}-${hash}`;
}
