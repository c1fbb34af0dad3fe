// Slugs that keep 한글, 漢字 and かな as they are (unlike Zola's or Hexo's transliterating
// defaults): a Korean title gives a Korean URL. Slugs end up as folder names under _site/, so
// they must never carry path syntax (`/`, `\`, `.`, `..`) or URL syntax (`%`, `?`, `#`).

/** ext4, APFS and NTFS allow 255 bytes per name; a slug is a folder name, leave room to spare. */
const MAX_BYTES = 200;
const SEPARATORS = /[\s\p{Z}\-_/\\|·‧•・—–‐‑‒―~〜]+/gu;
const NOT_SLUG = /[^\p{L}\p{M}\p{N} ]+/gu;
// Marks that only dress up emoji (variation selectors, the keycap) or that lost their base letter
// when a symbol was dropped would otherwise survive as invisible characters.
const EMOJI_MARKS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Me}]+/gu;
const ORPHAN_MARKS = /(?<![\p{L}\p{N}\p{M}])\p{M}+/gu;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const encoder = new TextEncoder();

/**
 * Lower-case, NFC, letters/marks/digits of any script joined by single `-`; punctuation and
 * symbols dropped. At most `maxLength` graphemes (and MAX_BYTES of UTF-8). May return '' (a title
 * made only of punctuation or emoji); the caller falls back to something else.
 */
export function slugify(text: string, maxLength = 80): string {
  // Lower-casing can decompose (`İ` → `i̇`), so normalize after it as well as before.
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .replace(SEPARATORS, ' ')
    .replace(NOT_SLUG, '')
    .replace(EMOJI_MARKS, '')
    .replace(ORPHAN_MARKS, '')
    .trim();
  const slug = words.replace(/ +/g, '-');
  return truncate(slug, maxLength);
}

/**
 * The slug a post gets from its path when front matter names none: the base name without
 * `.md`/`.markdown`, a `.<lang>` suffix and a `YYYY-MM-DD-` prefix. A page bundle
 * (`gpt-4o/index.md`, Hugo's `_index.md`) is named after its folder.
 */
export function slugFromFileName(id: string, languages: string[]): string {
  const segments = id.normalize('NFC').split('/').filter((s) => s !== '');
  const codes = new Set(languages.map((l) => l.toLowerCase()));
  let name = stripLang(stripExt(segments[segments.length - 1] ?? ''), codes);
  if ((name === 'index' || name === '_index') && segments.length > 1) {
    const folder = segments[segments.length - 2] ?? '';
    // `ko/index.md` is a page in the Korean folder, not a post called "ko".
    if (!codes.has(folder.toLowerCase())) name = stripLang(folder, codes);
  }
  return slugify(name.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}

function stripExt(name: string): string {
  return name.replace(/\.(md|markdown)$/i, '');
}

function stripLang(name: string, codes: Set<string>): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && codes.has(name.slice(dot + 1).toLowerCase()) ? name.slice(0, dot) : name;
}

/** Cut on a grapheme boundary within both limits, never leaving a trailing `-`. */
function truncate(slug: string, maxLength: number): string {
  if (slug.length <= maxLength && encoder.encode(slug).length <= MAX_BYTES) return slug;
  let out = '';
  let count = 0;
  let bytes = 0;
  for (const { segment } of graphemes.segment(slug)) {
    const size = encoder.encode(segment).length;
    if (count + 1 > maxLength || bytes + size > MAX_BYTES) break;
    out += segment;
    count++;
    bytes += size;
  }
  return out.replace(/-+$/, '');
}
