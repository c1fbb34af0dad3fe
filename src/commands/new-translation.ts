// `omnipress new <lang> --translate <path or slug>`: find the original, plan its translation
// (new/new-translation.ts), write it without ever replacing a file, and link the original when
// its file name alone would not.
import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../config.js';
import { displayPath, hasErrors } from '../diagnostics.js';
import { frontMatterDate } from '../new/new-post.js';
import { planTranslation } from '../new/new-translation.js';
import { runPipeline } from '../pipeline/run.js';
import { readContentHistory } from '../util/git-content-history.js';
import { contentRevision } from '../translations/desk.js';
import type { Post, ResolvedConfig } from '../types.js';
import { printDiagnostics, shortPath, usage, type Io } from './io.js';

export async function runNewTranslation(io: Io, options: { root: string; posts?: string; lang: string; translate: string; now: Date }): Promise<number> {
  const { config, diagnostics } = resolveConfig({ root: options.root, posts: options.posts, now: options.now, drafts: true, future: true });
  if (hasErrors(diagnostics)) {
    printDiagnostics(io, diagnostics, { root: config.root, sources: new Map(), quiet: true });
    return 1;
  }
  const codes = config.languages.map((l) => l.code);
  const lang = codes.find((code) => code.toLowerCase() === options.lang.toLowerCase());
  if (!lang) return usage(io, `unknown language "${options.lang}"; the site's languages are ${codes.join(', ')}`);

  const result = await runPipeline(config, { search: 'off', keepGoing: true, until: 'model' });
  const posts = result.posts ?? [];
  const found = findSource(posts, options.translate, config);
  if (typeof found === 'string') {
    io.stderr.write(`omnipress: ${found}\n`);
    return 1;
  }
  const source = found;
  if (source.lang === lang) return usage(io, `${shortPath(source.sourcePath)} is already in ${lang}; name the language to translate it into`);
  const existing = posts.find((p) => p.translationKey === source.translationKey && p.lang === lang);
  if (existing) {
    io.stderr.write(`omnipress: ${displayPath(source.sourcePath, config.root)} already has a ${lang} translation: ${shortPath(existing.sourcePath)}\n`);
    return 1;
  }

  const history = readContentHistory(config.postsDir);
  const revision = contentRevision(source, config, (file) => history.changes.get(file)?.[0]);
  const sourceFileText = fs.readFileSync(source.sourcePath, 'utf8');
  const plan = planTranslation({
    source,
    sourceFileText,
    lang,
    codes,
    ids: result.postFiles.map((f) => f.id),
    revision: revision.commit ?? frontMatterDate(revision.date, config.timeZone),
    timeZone: config.timeZone,
  });
  const file = path.join(config.postsDir, ...plan.id.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': created only if absent, atomically — even a concurrent `new` cannot be overwritten.
    fs.writeFileSync(file, plan.text, { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    io.stderr.write(`omnipress: ${shortPath(file)} already exists; it was left as it is\n`);
    return 1;
  }
  if (plan.sourceText !== undefined) {
    fs.writeFileSync(source.sourcePath, plan.sourceText);
    io.stderr.write(`omnipress: added translationKey: ${source.translationKey} to ${shortPath(source.sourcePath)}, which links the two\n`);
  }
  io.stdout.write(`${shortPath(file)}\n`);
  return 0;
}

/** The post `ref` names: a path (from the current folder, the site or the posts folder), else a slug or translationKey (its story's original). */
function findSource(posts: readonly Post[], ref: string, config: ResolvedConfig): Post | string {
  const paths = [path.resolve(ref), path.resolve(config.root, ref), path.resolve(config.postsDir, ref)].map((p) => p.normalize('NFC'));
  const byPath = posts.find((p) => paths.includes(p.sourcePath.normalize('NFC')));
  if (byPath) return byPath;
  const wanted = ref.normalize('NFC');
  const named = posts.filter((p) => p.slug === wanted || p.translationKey === wanted);
  if (named.length === 0) {
    const file = paths.find((p) => fs.existsSync(p));
    return file ? `${shortPath(file)} is not a post that parsed; run omnipress check to see why` : `no post has the path, slug or translationKey "${ref}"`;
  }
  const keys = [...new Set(named.map((p) => p.translationKey))];
  if (keys.length > 1) return `"${ref}" names posts of ${keys.length} stories (${named.map((p) => displayPath(p.sourcePath, config.root)).join(', ')}); give the path of the one to translate`;
  // The story's original: marked, else not itself a translation, else the first published.
  const order = (p: Post) => config.languages.findIndex((l) => l.code === p.lang);
  return [...named].sort(
    (a, b) =>
      Number(b.data.original === true) - Number(a.data.original === true) ||
      Number(a.data.translationOf !== undefined) - Number(b.data.translationOf !== undefined) ||
      Number(a.draft) - Number(b.draft) ||
      a.date.getTime() - b.date.getTime() ||
      order(a) - order(b),
  )[0]!;
}
