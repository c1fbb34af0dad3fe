// `omnipress new <lang> <title>`: a new post file with front matter, never replacing one; with
// `--translate`, a translation of an existing post (new-translation.ts).
import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../config.js';
import { hasErrors } from '../diagnostics.js';
import { slugFromFileName, slugify } from '../content/slug.js';
import { newPostFileName, newPostText, splitList, type NewPost } from '../new/new-post.js';
import { slugDecides } from '../urls/permalink-pattern.js';
import { toPosix } from '../util/paths.js';
import { runNewTranslation } from './new-translation.js';
import { clock, commandArgs, isDirectory, printDiagnostics, shortPath, siteRootOf, usage, rootOptionHelp, type Io } from './io.js';

export const NEW_USAGE = 'omnipress new <lang> (<title> [--slug S] [--category C] [--tags a,b] | --translate <path or slug>) [--root DIR] [--posts DIR]';

export const NEW_HELP = `Usage: ${NEW_USAGE}

omnipress new creates posts/<lang>/YYYY-MM-DD-<slug>.md (today in the site's time zone) with front
matter (title, date and time with offset, lang, categories, tags) and prints its path. It never
replaces an existing file.

With --translate, it starts a translation of an existing post into <lang> instead: named beside
the original as the site names translations (the language folder, x.<lang>.md or x-<lang>.md),
linked to it (the file name, or a translationKey added to the original when that is not enough),
with its date, categories, tags and images, translationOf (the original's path), translatedFrom
(the original's current revision: its last commit, else its date), draft: true, and the original's
text in an HTML comment block to translate from. That block never reaches readers: a draft shows
without it (with --drafts), and a post that is no longer a draft but still holds it is an error.

Options:
${rootOptionHelp(19)}
  --posts DIR      Markdown posts (default: ROOT/posts)
  --slug S         URL slug (default: from the title, Hangul and Han kept)
  --category C     a category (repeat for more)
  --tags a,b       tags, separated by commas
  --translate REF  translate the post at this path (from the current folder, the site or the posts
                   folder) or with this slug or translationKey

OMNIPRESS_NOW (an ISO date) replaces the clock, e.g. for scripts and tests.

Examples:
  omnipress new ko "GPT-4o 첫인상" --tags ai,openai
  omnipress new zh "语音模式体验" --category 评测
  omnipress new en --translate posts/ko/2025-11-22-gpt-4o-첫인상.md
`;

export async function runNew(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, NEW_HELP, {
    args,
    strict: true,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      posts: { type: 'string' },
      slug: { type: 'string' },
      category: { type: 'string', multiple: true },
      tags: { type: 'string' },
      translate: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [langArg, ...words] = positionals;
  if (values.translate !== undefined) return newTranslation(io, values, langArg, words);
  const title = words.join(' ').normalize('NFC').trim();
  if (langArg === undefined || title === '') return usage(io, `new needs a language and a title: ${NEW_USAGE}`);
  if (values.root !== undefined && !isDirectory(values.root)) return usage(io, `--root ${values.root} is not a folder`);
  const now = clock(io.env.OMNIPRESS_NOW);
  if (!now) return usage(io, `OMNIPRESS_NOW must be a date such as 2026-11-22T11:30:00+09:00, got "${io.env.OMNIPRESS_NOW}"`, false);

  const root = siteRootOf(values.root);
  const { config, diagnostics } = resolveConfig({ root, posts: values.posts, now });
  if (hasErrors(diagnostics)) {
    printDiagnostics(io, diagnostics, { root: config.root, sources: new Map(), quiet: true });
    return 1;
  }
  const codes = config.languages.map((l) => l.code);
  const lang = codes.find((code) => code.toLowerCase() === langArg.toLowerCase());
  if (!lang) return usage(io, `unknown language "${langArg}"; the site's languages are ${codes.join(', ')}`);

  // The slug the build will derive from the file name: the title's (or --slug's) slugify.
  const slug = slugify(values.slug ?? title);
  if (!slug) {
    return usage(io, values.slug !== undefined
      ? `--slug "${values.slug}" has no letters or digits left for a URL`
      : `no URL slug can be made from the title "${title}"; pass one with --slug`);
  }
  const post: NewPost = {
    title, date: now, timeZone: config.timeZone, lang, slug,
    categories: (values.category ?? []).map((c) => c.normalize('NFC').trim()).filter(Boolean),
    tags: splitList(values.tags),
  };
  const dir = path.join(config.postsDir, lang);
  const file = path.join(dir, newPostFileName(post));
  fs.mkdirSync(dir, { recursive: true });
  try {
    // 'wx': created only if absent, atomically — even a concurrent `new` cannot be overwritten.
    fs.writeFileSync(file, newPostText(post), { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    io.stderr.write(`omnipress: ${shortPath(file)} already exists; it was left as it is\n  hint: choose another slug with --slug\n`);
    return 1;
  }
  // Under another permalink pattern (dates, categories in the address) one slug may be two addresses.
  const clash = slugDecides(config.permalink) ? sameSlug(dir, file, slug, codes) : undefined;
  if (clash) {
    io.stderr.write(`omnipress: warning: ${shortPath(clash)} has the same slug "${slug}"; the build reports a duplicate slug unless one of them sets another slug\n`);
  }
  io.stdout.write(`${shortPath(file)}\n`);
  return 0;
}

async function newTranslation(io: Io, values: { root?: string; posts?: string; translate?: string; slug?: string; category?: string[]; tags?: string }, langArg: string | undefined, words: string[]): Promise<number> {
  if (langArg === undefined || values.translate === undefined || values.translate.trim() === '') return usage(io, `new --translate needs a language and a post: omnipress new <lang> --translate <path or slug>`);
  if (words.length > 0) return usage(io, `new --translate takes no title: the translation starts with the original's ("${words.join(' ')}" given)`);
  const extra = (['slug', 'category', 'tags'] as const).find((key) => values[key] !== undefined);
  if (extra) return usage(io, `--${extra} does not go with --translate: the translation takes the original's`);
  if (values.root !== undefined && !isDirectory(values.root)) return usage(io, `--root ${values.root} is not a folder`);
  const now = clock(io.env.OMNIPRESS_NOW);
  if (!now) return usage(io, `OMNIPRESS_NOW must be a date such as 2026-11-22T11:30:00+09:00, got "${io.env.OMNIPRESS_NOW}"`, false);
  return runNewTranslation(io, { root: siteRootOf(values.root), posts: values.posts, lang: langArg, translate: values.translate, now });
}

/** Another post in the language folder whose file name gives the same slug (other days, same title). */
function sameSlug(dir: string, created: string, slug: string, codes: string[]): string | undefined {
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || full === created || !/\.(md|markdown)$/i.test(entry.name)) continue;
    if (slugFromFileName(toPosix(path.relative(dir, full)), codes) === slug) return full;
  }
  return undefined;
}
