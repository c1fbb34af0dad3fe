// The file `omnipress new <lang> --translate <source>` creates: named beside the original as the site
// names its translations, linked to it, with its date, categories, tags and images, marked
// `translationOf` and `translatedFrom` the original's current revision, a draft, and the original's
// text kept in a block that readers never get (content/source-text-block.ts).
import { stringify } from 'yaml';
import { dashTranslation, POST_EXTENSIONS } from '../content/post-files.js';
import { slugFromFileName } from '../content/slug.js';
import { sourceTextBlock } from '../content/source-text-block.js';
import type { Lang, Post } from '../types.js';
import { frontMatterDate } from './new-post.js';

/** Front matter keys of the original's pictures, copied as written (relative images need the media path too). */
const IMAGE_KEYS = ['image', 'cover', 'thumbnail', 'media_subpath', 'img_path'];

export interface TranslationPlan {
  /** Id (path in the posts folder) of the new file. */
  id: string;
  text: string;
  /** The original's text with a `translationKey` added, when the file names alone would not link the two. */
  sourceText?: string;
}

export interface TranslationInput {
  source: Post;
  /** The original file's text, as on disk. */
  sourceFileText: string;
  lang: Lang;
  /** The site's languages. */
  codes: readonly Lang[];
  /** Ids of every post file in the posts folder (for the site's naming scheme). */
  ids: readonly string[];
  /** The original's current revision: its last content commit, else the date of its last change. */
  revision: string;
  timeZone: string;
}

export function planTranslation(input: TranslationInput): TranslationPlan {
  const { source, lang, codes } = input;
  const id = translationId(source, lang, codes, input.ids);
  const hasFile = (other: string) => other === source.id || input.ids.includes(other);
  const dashed = dashTranslation(id, codes, hasFile);
  const slugByName = slugFromFileName(dashed?.baseId ?? id, [...codes]);
  const explicitKey = source.data.translationKey ?? source.data.translation_key;
  const needsKey = explicitKey === undefined && slugByName !== source.translationKey;
  const front: Record<string, unknown> = {
    title: source.title,
    date: frontMatterDate(source.date, input.timeZone),
    lang,
    categories: source.categories,
    tags: source.tags,
  };
  for (const key of IMAGE_KEYS) if (source.data[key] !== undefined) front[key] = source.data[key];
  if (explicitKey !== undefined || needsKey) front.translationKey = source.translationKey;
  front.translationOf = source.id;
  front.translatedFrom = input.revision;
  front.draft = true;
  const text = `---\n${yaml(front)}---\n\n${sourceTextBlock(source.lang, source.body)}`;
  return { id, text, sourceText: needsKey ? withTranslationKey(input.sourceFileText, source.translationKey) : undefined };
}

/**
 * Where the translation goes, in the naming scheme the original uses: `x.ko.md` → `x.zh.md`;
 * `ko/…/x.md` → `zh/…/x.md`; `x.md` or `x-ko.md` on a site with `x-en.md` translations →
 * `x-zh.md`; else `x.zh.md` beside it (Hugo's and Zola's scheme, which also links by file name).
 */
export function translationId(source: Post, lang: Lang, codes: readonly Lang[], ids: readonly string[]): string {
  const slash = source.id.lastIndexOf('/');
  const dir = source.id.slice(0, slash + 1);
  const file = source.id.slice(slash + 1);
  const ext = POST_EXTENSIONS.exec(file)?.[0] ?? '.md';
  const name = file.slice(0, -ext.length);
  const codeSet = new Set(codes.map((c) => c.toLowerCase()));
  const dot = /^(.+)\.([\w-]+)$/.exec(name);
  if (dot && dot[2]!.toLowerCase() === source.lang.toLowerCase()) return `${dir}${dot[1]}.${lang}${ext}`;
  const folders = dir.split('/').filter(Boolean);
  const at = folders.map((f) => f.toLowerCase()).lastIndexOf(source.lang.toLowerCase());
  if (at >= 0) return [...folders.slice(0, at), lang, ...folders.slice(at + 1), file].join('/');
  const known = new Set(ids);
  const usesDash = ids.some((other) => dashTranslation(other, [...codeSet], (x) => known.has(x)));
  if (usesDash) {
    const own = dashTranslation(source.id, codes, (x) => known.has(x));
    const base = own ? own.baseId.slice(dir.length).replace(POST_EXTENSIONS, '') : name;
    return `${dir}${base}-${lang}${ext}`;
  }
  return `${dir}${name}.${lang}${ext}`;
}

/** The file with `translationKey: key` as the last line of its front matter (a front matter made when it has none). */
export function withTranslationKey(text: string, key: string): string {
  const line = yaml({ translationKey: key });
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (open) {
    const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
    if (close) {
      const at = open[0].length + close.index;
      return `${text.slice(0, at)}${line}${text.slice(at)}`;
    }
  }
  return `---\n${line}---\n${text}`;
}

/** Block YAML, one line per key, lists and maps written inline; every value reads back as given. */
function yaml(data: Record<string, unknown>): string {
  const options = { lineWidth: 0, collectionStyle: 'flow' as const, flowCollectionPadding: false };
  return Object.entries(data).map(([key, value]) => `${key}: ${stringify(value, options).trimEnd()}\n`).join('');
}
