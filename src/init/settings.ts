// What `omnipress init` needs to know about a new site, and the one rule for each setting, whether
// it comes as an option (`--languages`) or as the answer to a question: a question refuses exactly
// what the option refuses.
import fs from 'node:fs';
import { isLanguageCode, isTimeZone, parseBaseUrl } from '../config.js';

export interface InitSettings {
  /** The folder of the new site, as given (relative to the current folder). */
  folder: string;
  /** Language codes, in the order given. */
  languages: string[];
  defaultLanguage: string;
  /** The site title in every language; undefined: one per language, to translate later. */
  title?: string;
  /** IANA time zone of dates without an offset. */
  timeZone: string;
  /** Where the site is published; '' when not known yet. */
  baseUrl: string;
}

/** What a new site gets for the settings nobody gave (the default language: the first language). */
export const DEFAULTS: Omit<InitSettings, 'title' | 'defaultLanguage'> = {
  folder: '.',
  languages: ['ko', 'zh', 'en'],
  timeZone: 'Asia/Seoul',
  baseUrl: '',
};

/** A setting read from text: its value, or why the text is refused (a sentence about it). */
export type Reading<T> = { value: T } | { problem: string };

/** `ko, zh,en` → ['ko', 'zh', 'en']: codes as the config accepts them, at least one. */
export function readLanguages(text: string): Reading<string[]> {
  const codes = text.split(',').map((code) => code.trim()).filter(Boolean);
  if (codes.length === 0 || !codes.every(isLanguageCode)) return { problem: `"${text}" is not a list of language codes such as ko,zh,en` };
  return { value: codes };
}

/** One of `languages`. */
export function readDefaultLanguage(text: string, languages: readonly string[]): Reading<string> {
  const code = text.trim();
  return languages.includes(code) ? { value: code } : { problem: `"${code}" is not one of ${languages.join(', ')}` };
}

export function readTimeZone(text: string): Reading<string> {
  const zone = text.trim();
  return isTimeZone(zone) ? { value: zone } : { problem: `"${zone}" is not an IANA time zone such as Asia/Seoul` };
}

/** An absolute http(s) URL (a bare path says nothing about where the site is), normalised. */
export function readBaseUrl(text: string): Reading<string> {
  const baseUrl = parseBaseUrl(text.trim())?.baseUrl;
  return baseUrl ? { value: baseUrl } : { problem: `"${text}" is not an http(s) URL such as https://user.github.io/blog/` };
}

/**
 * Why `dir` cannot take a new site, named `shown`: it is a file, or a folder with files in it (a
 * git repository's own `.git` aside) when `force` (fill in only what is missing) is not given.
 * Undefined when it can.
 */
export function folderProblem(dir: string, force: boolean, shown: string): { problem: string; notEmpty: boolean } | undefined {
  if (!fs.existsSync(dir)) return undefined;
  if (!fs.statSync(dir).isDirectory()) return { problem: `${shown} is a file, not a folder`, notEmpty: false };
  const existing = fs.readdirSync(dir).filter((name) => name !== '.git');
  if (existing.length === 0 || force) return undefined;
  return { problem: `${shown} is not empty (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`, notEmpty: true };
}
