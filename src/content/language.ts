// A post's language, first match wins: front matter `lang` → a language folder in its path →
// a `.<lang>.md` suffix → the script of its title and text → the default language. Runs for every
// post, so the script test only looks at the start of the body. `build` calls it with the
// configured languages, `migrate-check` with the ones it is about to suggest: one detection, so
// the suggestion and the build agree on every post.
import type { LanguageConfig } from '../types.js';

export type LanguageSource = 'front-matter' | 'folder' | 'file-name' | 'script' | 'default';

export interface LanguageInput {
  /** Front matter `lang` as written (any type: it is user data). */
  frontMatterLang: unknown;
  /** Path relative to posts/, `/`-separated. */
  id: string;
  /** Markdown body. */
  body: string;
  /** The title the author wrote (front matter, or the first `# H1`); not one made from the file name. */
  title?: string;
  languages: LanguageConfig[];
  defaultLang: string;
  /** A language the file name gives in another form than `.<lang>.md` (`x-en.md` beside `x.md`). */
  nameLang?: string;
}

export type LanguageResult = { lang: string; source: LanguageSource } | { error: string; hint?: string };

/** How much of the body the script test reads: enough for a paragraph or two. */
const SCAN_CHARS = 2000;

export function detectLanguage(input: LanguageInput): LanguageResult {
  const { frontMatterLang, id, body, languages, defaultLang } = input;
  if (frontMatterLang !== undefined && frontMatterLang !== null && frontMatterLang !== '') {
    return fromFrontMatter(frontMatterLang, languages);
  }
  const codes = new Map(languages.map((l) => [l.code.toLowerCase(), l.code]));
  const segments = id.split('/');
  const fileName = segments.pop() ?? '';
  for (const folder of segments) {
    const code = codes.get(folder.toLowerCase());
    if (code) return { lang: code, source: 'folder' };
  }
  const suffix = input.nameLang ?? /\.([^./]+)\.(?:md|markdown)$/i.exec(fileName)?.[1];
  const fromSuffix = suffix === undefined ? undefined : codes.get(suffix.toLowerCase());
  if (fromSuffix) return { lang: fromSuffix, source: 'file-name' };
  const script = writtenIn(input.title, body);
  // Latin script says English only as far as a blog of Korean, Chinese and English can tell.
  const wanted = script === 'latin' ? 'en' : script;
  const fromScript = wanted === undefined ? undefined : languages.find((l) => primary(l.tag) === wanted || primary(l.code) === wanted);
  if (fromScript) return { lang: fromScript.code, source: 'script' };
  return { lang: defaultLang, source: 'default' };
}

/**
 * The script a post is written in: its body's, unless the body is in no CJK script and the title
 * is (a Korean title over a code-heavy English body is a Korean post). `latin` only for a body of
 * some length: a line or two decides nothing.
 */
export function writtenIn(title: string | undefined, body: string): Script | undefined {
  const fromBody = scriptOf(body);
  if (fromBody !== undefined && fromBody !== 'latin') return fromBody;
  const fromTitle = title === undefined ? undefined : scriptOf(title);
  if (fromTitle !== undefined && fromTitle !== 'latin') return fromTitle;
  return fromBody;
}

/** Matches a code, BCP 47 tag or language name (`한국어`) exactly, then by language + script (`zh-TW` → a zh-Hant language), then by primary subtag. */
function fromFrontMatter(value: unknown, languages: LanguageConfig[]): LanguageResult {
  const configured = languages.map((l) => (l.code === l.tag ? l.code : `${l.code} (${l.tag})`)).join(', ');
  const hint = `use one of the configured languages: ${configured}`;
  if (typeof value !== 'string') return { error: `front matter lang must be a language code, got ${JSON.stringify(value)}`, hint };
  // `zh_CN` and `ko_KR` are common (locale names from other tools); BCP 47 uses `-`.
  const wanted = value.trim().replace(/_/g, '-').toLowerCase();
  const exact = languages.find(
    (l) => l.code.toLowerCase() === wanted || l.tag.toLowerCase() === wanted || l.name.toLowerCase() === wanted,
  );
  if (exact) return { lang: exact.code, source: 'front-matter' };
  const likely = maximize(wanted);
  if (likely) {
    const byScript = languages.find((l) => maximize(l.tag) === likely || maximize(l.code) === likely);
    if (byScript) return { lang: byScript.code, source: 'front-matter' };
  }
  const byPrimary = languages.find((l) => primary(l.tag) === primary(wanted) || primary(l.code) === primary(wanted));
  if (byPrimary) return { lang: byPrimary.code, source: 'front-matter' };
  return { error: `unknown language "${value}" in front matter lang`, hint };
}

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** `zh-TW` → `zh-hant`, `zh-CN` → `zh-hans`, `ko` → `ko-kore`; undefined for a malformed tag. */
function maximize(tag: string): string | undefined {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return `${locale.language}-${locale.script ?? ''}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Code and URLs say nothing about the language a post is written in. */
const NOISE = /`[^`\n]*`|https?:\/\/\S+|<[^>\n]*>|\]\([^)\n]*\)/g;
const HANGUL = /[\p{Script=Hangul}]/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;

/** `ko`, `ja`, `zh` by their scripts; `latin` for text in Latin letters, whichever language it is. */
export type Script = 'ko' | 'ja' | 'zh' | 'latin';

/** Latin words a text needs before it counts as written in Latin script: a sentence, not a name. */
const MIN_LATIN_WORDS = 6;

/**
 * `ko`, `ja` or `zh` when the start of the body is mostly written in that script, else undefined.
 * A few CJK characters quoted in a Latin-script post do not count.
 */
export function scriptLanguage(body: string): 'ko' | 'ja' | 'zh' | undefined {
  const script = scriptOf(body);
  return script === 'latin' ? undefined : script;
}

/** The script the start of a text is mostly written in; undefined when it is too short to tell. */
export function scriptOf(body: string): Script | undefined {
  const text = withoutFences(body.slice(0, SCAN_CHARS)).replace(NOISE, ' ');
  const hangul = count(text, HANGUL);
  const kana = count(text, KANA);
  const han = count(text, HAN);
  const cjk = hangul + kana + han;
  const latin = count(text, LATIN_WORD);
  // A CJK sentence carries far more characters than a Latin one carries words.
  if (cjk < 2 || cjk < latin / 2) return latin >= MIN_LATIN_WORDS ? 'latin' : undefined;
  // Korean may quote Hanja and Japanese always mixes kanji, so the distinctive script decides.
  if (hangul >= cjk * 0.3) return 'ko';
  if (kana >= cjk * 0.1) return 'ja';
  return han > 0 ? 'zh' : undefined;
}

function count(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function withoutFences(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  let fence: string | undefined;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (fence === undefined) {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (open) fence = open;
      else kept.push(line);
    } else {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
    }
  }
  return kept.join('\n');
}
