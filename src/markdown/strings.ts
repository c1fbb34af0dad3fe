// UI strings that post bodies themselves show: the labels of callouts, of video cards and of
// the links headings have to themselves. They
// come from the theme's i18n files (and the config's `strings`) like every other UI string, and
// reach the markdown renderer as plain data, one table per language.
import type { Lang } from '../types.js';

/** The i18n keys post bodies use. */
export const MARKDOWN_STRING_KEYS = [
  'calloutNote',
  'calloutTip',
  'calloutInfo',
  'calloutWarning',
  'calloutDanger',
  'videoOnYoutube',
  'headingLink',
] as const;

/** Language → key → text. */
export type MarkdownStrings = Record<Lang, Record<string, string>>;

/** The tables for `languages`, from a translator such as i18n/ui-strings.ts's `loadStrings(config)`. */
export function markdownStrings(languages: readonly Lang[], translate: (lang: Lang) => (key: string) => string): MarkdownStrings {
  const strings: MarkdownStrings = {};
  for (const lang of languages) {
    const t = translate(lang);
    strings[lang] = Object.fromEntries(MARKDOWN_STRING_KEYS.map((key) => [key, t(key)]));
  }
  return strings;
}
