// Front-matter values as Jekyll, Hexo and Hugo write them → the plain types of the model.
// Each reader accepts the forms those generators accept and returns undefined for anything else,
// so the caller can report the key's line.

/** Commas as Latin, Chinese and Japanese writers type them: `,`, `，`, `、`. */
const COMMAS = /[,，、]/;

/**
 * Tags and categories: a YAML list (`[AI, News]`), Hexo's nested lists (`[[AI, LLM]]`), a
 * comma-separated string (`,`, `，` or `、`), or Jekyll's space-separated string (`tags: ai news`).
 */
export function readList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  let items: unknown[];
  if (Array.isArray(value)) items = value.flat(2);
  else if (typeof value === 'string') items = COMMAS.test(value) ? value.split(COMMAS) : value.split(/\s+/);
  else if (typeof value === 'number') items = [value];
  else return undefined;
  // A Set: a post may have thousands of tags.
  const out = new Set<string>();
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item !== 'string' && typeof item !== 'number') return undefined;
    const text = String(item).normalize('NFC').trim();
    if (text) out.add(text);
  }
  return [...out];
}

/**
 * Categories: like readList, and a nested path `AI/LLM` is its levels, parent first (`AI`, `LLM`)
 * — the same as Chirpy's and Hexo's `[AI, LLM]`, which also mean "LLM under AI". Every level is a
 * category of its own, so the parent's page lists the posts of its children too.
 */
export function readCategories(value: unknown): string[] | undefined {
  const list = readList(value);
  if (!list) return undefined;
  const out = new Set<string>();
  for (const level of list.flatMap((item) => item.split('/'))) {
    const text = level.trim();
    if (text) out.add(text);
  }
  return [...out];
}

/** A text value; numbers are accepted (`title: 2024`), anything else is not. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Chirpy writes `image: { path: …, alt: … }`; others a plain URL. */
export function readImage(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isRecord(value)) return readText(value.path ?? value.src ?? value.url) || undefined;
  return undefined;
}

/** The `alt` of Chirpy's `image: { path, alt }`. */
export function readImageAlt(value: unknown): string | undefined {
  return isRecord(value) ? readText(value.alt) || undefined : undefined;
}

/**
 * Old addresses of a post: Hugo's `aliases` and Jekyll's `redirect_from`, a list or one string.
 * Undefined when an entry is not text.
 */
export function readPaths(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return undefined;
    const text = item.normalize('NFC').trim();
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The first of several alias keys that is present (`updated`, `last_modified_at`, `lastmod`). */
export function firstKey(data: Record<string, unknown>, keys: readonly string[]): string | undefined {
  return keys.find((key) => Object.hasOwn(data, key) && data[key] !== null && data[key] !== undefined);
}
