// The languages an existing blog's posts are written in, found by the build's own detection
// (content/language.ts) run over the languages the posts give evidence of: front matter `lang`,
// `.en.md` / `-en.md` names, the script of title and text, and the languages the old generator's
// config declares. Only languages that end up with posts are suggested, and a post goes where the
// build will put it once the suggestion is pasted: the same function decides both.
import { readFrontMatter } from '../content/front-matter.js';
import { detectLanguage, writtenIn } from '../content/language.js';
import { dashTranslation, POST_EXTENSIONS } from '../content/post-files.js';
import { writtenTitle } from '../content/title.js';
import type { LanguageConfig, SourceFile } from '../types.js';

export interface LanguageGuess {
  /** URL prefix (`ko`). */
  code: string;
  /** BCP 47 tag (`zh-Hans`). */
  tag: string;
  /** The language's own name (`日本語`). */
  name: string;
  /** Posts found in it. */
  posts: number;
}

/** What the old generator's config says about languages, as written there. */
export interface OldLanguages {
  /** Declared languages: a code (`ko`, `zh-cn`) and, when the config gives one, its locale (`ko-KR`). */
  languages: Array<{ code: string; tag?: string }>;
  /** The default language (`lang`, `default_lang`, `defaultContentLanguage`). */
  default?: string;
}

export interface LanguagesGuess {
  /** Languages that receive posts, most posts first (the default first among equals). */
  languages: LanguageGuess[];
  defaultLanguage?: string;
  /** Why the default is the default, for the snippet's comment. */
  defaultReason?: string;
  /** Post id → the language the build will give it with the guessed languages. */
  byPost: Map<string, string>;
}

/** Names and tags of the built-in languages, so the snippet matches omnipress's defaults. */
const KNOWN: Record<string, { tag: string; name: string }> = {
  ko: { tag: 'ko', name: '한국어' },
  zh: { tag: 'zh-Hans', name: '中文' },
  en: { tag: 'en', name: 'English' },
  ja: { tag: 'ja', name: '日本語' },
};

/** Stands for "nothing in the post decides": such posts go to the default, chosen afterwards. */
const UNDECIDED = '\0';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `ko`, `ja`, `pt-BR`… when `code` names a real language (so `.v2.md` or `-ai.md` do not count). */
function realLanguage(code: string): boolean {
  if (!/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(code)) return false;
  try {
    return languageNames.of(code.replace(/_/g, '-')) !== undefined;
  } catch {
    return false;
  }
}

/** A language value as written (`ko_KR`, `zh-TW`, `en`) → the code and tag omnipress would use. */
export function fromTag(value: string): { code: string; tag: string } | undefined {
  try {
    const locale = new Intl.Locale(value.trim().replace(/_/g, '-'));
    const code = locale.language.toLowerCase();
    if (code === 'zh') return { code, tag: `zh-${locale.maximize().script ?? 'Hans'}` };
    return { code, tag: KNOWN[code]?.tag ?? code };
  } catch {
    return undefined;
  }
}

interface Evidence {
  file: SourceFile;
  frontMatterLang: unknown;
  title?: string;
  body: string;
}

export function guessLanguages(files: readonly SourceFile[], old: OldLanguages = { languages: [] }): LanguagesGuess {
  const ids = new Set(files.map((f) => f.id));
  const hasFile = (id: string) => ids.has(id);
  const candidates = new Map<string, { code: string; tag: string }>();
  const add = (found: { code: string; tag: string } | undefined) => {
    if (found && !candidates.has(found.code)) candidates.set(found.code, found);
  };
  for (const language of old.languages) {
    const found = fromTag(language.code);
    add(found && { code: found.code, tag: (language.tag && fromTag(language.tag)?.tag) || found.tag });
  }
  if (old.default) add(fromTag(old.default));

  const evidence: Evidence[] = files.map((file) => {
    const fm = readFrontMatter(file.text, file.sourcePath);
    const { title, body } = writtenTitle(fm.data.title, fm.body);
    return { file, frontMatterLang: fm.data.lang ?? fm.data.language, title, body };
  });
  for (const { file, frontMatterLang, title, body } of evidence) {
    if (typeof frontMatterLang === 'string' && frontMatterLang.trim() !== '') add(fromTag(frontMatterLang));
    const name = file.id.slice(file.id.lastIndexOf('/') + 1);
    const suffix = /\.([a-z]{2,3}(?:[-_][a-z0-9]+)?)\.(md|markdown)$/i.exec(name)?.[1];
    if (suffix && realLanguage(suffix)) add(fromTag(suffix));
    const dash = /-([a-z]{2})\.(md|markdown)$/i.exec(name)?.[1]?.toLowerCase();
    if (dash && realLanguage(dash) && dashTranslation(file.id, [dash], hasFile)) add(fromTag(dash));
    const script = writtenIn(title, body);
    if (script) add({ code: script === 'latin' ? 'en' : script, tag: KNOWN[script === 'latin' ? 'en' : script]!.tag });
  }

  const configs: LanguageConfig[] = [...candidates.values()].map(({ code, tag }) => ({ code, tag, name: code, title: '', description: '' }));
  const codes = configs.map((l) => l.code);
  const byPost = new Map<string, string>();
  for (const { file, frontMatterLang, title, body } of evidence) {
    const found = detectLanguage({
      frontMatterLang,
      id: file.id,
      body,
      title,
      languages: configs,
      defaultLang: UNDECIDED,
      nameLang: dashTranslation(file.id, codes, hasFile)?.lang,
    });
    // A post whose lang names no language is reported as broken by the build; it counts nowhere.
    if ('lang' in found) byPost.set(file.id, found.lang);
  }

  const { code: defaultLanguage, reason: defaultReason } = chooseDefault(byPost, files, hasFile, codes, old) ?? {};
  const counts = new Map<string, number>();
  for (const [id, lang] of byPost) {
    const final = lang === UNDECIDED ? defaultLanguage : lang;
    if (final === undefined) continue;
    byPost.set(id, final);
    counts.set(final, (counts.get(final) ?? 0) + 1);
  }
  const order = [...byPost.values()];
  const languages = [...counts]
    .map(([code, posts]) => ({ code, tag: candidates.get(code)?.tag ?? code, posts }))
    .sort((a, b) => b.posts - a.posts || Number(b.code === defaultLanguage) - Number(a.code === defaultLanguage) || order.indexOf(a.code) - order.indexOf(b.code))
    .map((l) => ({ code: l.code, tag: l.tag, name: nativeName(l.code, l.tag), posts: l.posts }));
  return { languages, defaultLanguage, defaultReason, byPost };
}

/**
 * The language with the most posts; on a tie, the language of the files that have translations
 * beside them (`x.md` beside `x-en.md` or `x.en.md`), else the old config's default, else the
 * language found first. Never the alphabetically first.
 */
function chooseDefault(
  byPost: ReadonlyMap<string, string>,
  files: readonly SourceFile[],
  hasFile: (id: string) => boolean,
  codes: readonly string[],
  old: OldLanguages,
): { code: string; reason: string } | undefined {
  const counts = new Map<string, number>();
  for (const lang of byPost.values()) if (lang !== UNDECIDED) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const oldDefault = old.default === undefined ? undefined : fromTag(old.default)?.code;
  if (counts.size === 0) {
    return oldDefault ? { code: oldDefault, reason: 'the old config\'s default' } : { code: 'en', reason: 'no post is written in a script that tells its language' };
  }
  const most = Math.max(...counts.values());
  const tied = [...counts].filter(([, n]) => n === most).map(([code]) => code);
  if (tied.length === 1) return { code: tied[0]!, reason: 'the language of most posts' };
  const bases = new Map<string, number>();
  for (const file of files) {
    const base = translatedBase(file.id, codes, hasFile);
    const lang = base === undefined ? undefined : byPost.get(base);
    if (lang && tied.includes(lang)) bases.set(lang, (bases.get(lang) ?? 0) + 1);
  }
  const fromBases = [...bases].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (fromBases) return { code: fromBases, reason: 'as many posts as another language; the language of the files whose translations sit beside them (x.md beside x-en.md)' };
  if (oldDefault && tied.includes(oldDefault)) return { code: oldDefault, reason: 'as many posts as another language; the old config\'s default' };
  const first = [...byPost.values()].find((lang) => tied.includes(lang))!;
  return { code: first, reason: 'as many posts as another language; the language of the first of them' };
}

/** The id of `x.md` when `id` is its translation `x-en.md` or `x.en.md`. */
function translatedBase(id: string, codes: readonly string[], hasFile: (id: string) => boolean): string | undefined {
  const dashed = dashTranslation(id, codes, hasFile);
  if (dashed) return dashed.baseId;
  const ext = POST_EXTENSIONS.exec(id)?.[0];
  const dotted = ext === undefined ? undefined : /^(.*)\.([^./]+)$/.exec(id.slice(0, -ext.length));
  if (!dotted || !codes.includes(dotted[2]!.toLowerCase())) return undefined;
  return ['.md', '.markdown'].map((e) => `${dotted[1]}${e}`).find(hasFile);
}

function nativeName(code: string, tag: string): string {
  if (KNOWN[code] && KNOWN[code].tag === tag) return KNOWN[code].name;
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? code;
  } catch {
    return code;
  }
}
