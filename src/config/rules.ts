// What makes a config value valid: base URLs, language codes and tags, time zones, schema.org
// types, and the languages a site has when it names none. Shared by the config reader and by
// `omnipress init`, which checks its options the same way.
import type { LanguageConfig, SchemaType } from '../types.js';

/** The languages of a site that names none, and the names and tags a language of these codes gets by default. */
export const DEFAULT_LANGUAGES: readonly LanguageConfig[] = [
  { code: 'ko', tag: 'ko', name: '한국어', title: '', description: '' },
  { code: 'zh', tag: 'zh-Hans', name: '中文', title: '', description: '' },
  { code: 'en', tag: 'en', name: 'English', title: '', description: '' },
];

/** The schema.org types a post may be described as (config `schemaType`). */
export const SCHEMA_TYPES: readonly SchemaType[] = ['BlogPosting', 'NewsArticle', 'Article'];

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
