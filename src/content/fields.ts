// Front-matter values as Jekyll, Hexo and Hugo write them → the plain types of the model.
// Each reader accepts the forms those generators accept and returns undefined for anything else,
// so the caller can report the key's line.

/**
 * Tags and categories: a YAML list (`[AI, News]`), Hexo's nested lists (`[[AI, LLM]]`), a
 * comma-separated string, or Jekyll's space-separated string (`tags: ai news`).
 */
export function readList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  let items: unknown[];
  if (Array.isArray(value)) items = value.flat(2);
  else if (typeof value === 'string') items = value.includes(',') ? value.split(',') : value.split(/\s+/);
  else if (typeof value === 'number') items = [value];
  else return undefined;
  const out: string[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    if (typeof item !== 'string' && typeof item !== 'number') return undefined;
    const text = String(item).normalize('NFC').trim();
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
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
  if (isRecord(value)) return readText(value.path ?? value.src ?? value.url);
  return undefined;
}

/** `author: 김민준`, `author: [a, b]` or `author: { name: … }`. */
export function readAuthor(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (Array.isArray(value)) return readList(value)?.join(', ') || undefined;
  if (isRecord(value)) return readText(value.name);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The first of several alias keys that is present (`updated`, `last_modified_at`, `lastmod`). */
export function firstKey(data: Record<string, unknown>, keys: readonly string[]): string | undefined {
  return keys.find((key) => Object.hasOwn(data, key) && data[key] !== null && data[key] !== undefined);
}
