// What makes a config value valid: base URLs, language codes and tags, time zones, schema.org
// types, and the languages a site has when it names none. Shared by the config reader and by
// `omnipress init`, which checks its options the same way.
import type { ImagesConfig, LanguageConfig, SchemaType } from '../types.js';

/** The languages of a site that names none, and the names and tags a language of these codes gets by default. */
export const DEFAULT_LANGUAGES: readonly LanguageConfig[] = [
  { code: 'ko', tag: 'ko', name: '한국어', title: '', description: '' },
  { code: 'zh', tag: 'zh-Hans', name: '中文', title: '', description: '' },
  { code: 'en', tag: 'en', name: 'English', title: '', description: '' },
];

/** The schema.org types a post may be described as (config `schemaType`). */
export const SCHEMA_TYPES: readonly SchemaType[] = ['BlogPosting', 'NewsArticle', 'Article'];

/**
 * Image variants by default. Widths: a phone (390 px at 2x needs 780), a tablet, and the theme's
 * 42rem column at 2x (1344). Sizes: that column, with the page's side gaps below 46rem.
 */
export const IMAGE_DEFAULTS: Omit<ImagesConfig, 'quality'> = {
  responsive: false,
  widths: [480, 800, 1200, 1600],
  format: 'webp',
  sizes: '(min-width: 46rem) 42rem, 100vw',
};

/** sharp's own default quality of each format: what its authors found a good size for the look. */
export const DEFAULT_QUALITY: Readonly<Record<ImagesConfig['format'], number>> = { webp: 80, avif: 50 };

/** The formats image variants may have. */
export const IMAGE_FORMATS: ReadonlyArray<ImagesConfig['format']> = ['webp', 'avif'];

/** `https://x.github.io/repo` → `{ baseUrl: 'https://x.github.io/repo/', basePath: '/repo/' }`. */
export function parseBaseUrl(value: string): { baseUrl: string; basePath: string } | undefined {
  if (value === '') return { baseUrl: '', basePath: '/' };
  if (value.startsWith('/')) return { baseUrl: '', basePath: `/${value.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const basePath = `${url.pathname.replace(/\/+$/, '')}/`;
  return { baseUrl: `${url.origin}${basePath}`, basePath };
}

/** A BCP 47 tag as `<html lang>` takes it: `ko`, `zh-Hans`, `en-GB`. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A language code as sites use it in paths and front matter: `ko`, `zh`, `pt-br`. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(code);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
