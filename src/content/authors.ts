// The authors a post credits. `author: <id>` or `authors: [<id>, …]` in front matter are keys
// into one registry: Jekyll's authors data file (`_data/authors.yml`, Chirpy's and Minimal
// Mistakes' way to credit a post, each entry holding a `name` and a `url`; Jekyll plugins write
// `uri`) with the config's `authors` section over it (names per language, bio, avatar). Reading
// the file is the pipeline's; turning a post's value into authors is pure.
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { error, type Diagnostic } from '../diagnostics.js';
import type { AuthorProfile, PostAuthor } from '../types.js';
import { hashText } from '../util/hash.js';
import { isRecord, readList, readText } from './fields.js';
import { slugify } from './slug.js';

/** One entry of the authors file (or of the config's `authors`). */
export interface AuthorEntry {
  name: string;
  /** The name in other languages, by language code (config `authors.<id>.name: { ko: …, en: … }`). */
  names?: Readonly<Record<string, string>>;
  /** The author's page, when the entry has one (`url`, or `uri`). */
  url?: string;
}

/** The authors registry as the parse stage reads it: the authors file, the config's entries over it. */
export interface AuthorsFile {
  /** Absolute path of the file (the config file when only the config has authors). */
  file: string;
  /** Entries by id. */
  entries: ReadonlyMap<string, AuthorEntry>;
  /** Hash of the file's text: parsed posts depend on it. */
  hash: string;
}

/** Where Jekyll keeps it: `_data/authors.yml` in the blog (the folder holding `_posts`), else in the site. */
export function findAuthorsFile(postsDir: string, root: string): string | undefined {
  return [path.dirname(postsDir), root]
    .flatMap((dir) => ['authors.yml', 'authors.yaml'].map((name) => path.join(dir, '_data', name)))
    .find((file) => fs.existsSync(file));
}

/** The file's entries; a file that cannot be read or is not a map of entries is an error. */
export function readAuthorsFile(file: string): { authors?: AuthorsFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      diagnostics: [error(file, missing ? 'the authors file (authorsFile) does not exist' : `the authors file cannot be read: ${(cause as Error).message}`, {
        code: 'authors-file',
        hint: "set authorsFile in the site's config to the blog's _data/authors.yml, relative to the site folder",
      })],
    };
  }
  const doc = parseDocument(text, { schema: 'core' });
  const values: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
  if (!isRecord(values)) {
    const why = doc.errors[0]?.message.split('\n')[0] ?? 'it is not a map of author ids';
    return {
      diagnostics: [error(file, `the authors file is not usable: ${why}`, {
        code: 'authors-file',
        hint: 'write one entry per author id, e.g.\n  minjun:\n    name: 김민준\n    url: https://example.com/',
      })],
    };
  }
  const entries = new Map<string, AuthorEntry>();
  for (const [id, entry] of Object.entries(values)) {
    const name = isRecord(entry) ? readText(entry.name) : readText(entry);
    if (!name) continue;
    // A page elsewhere, linked from every post of the author: only http(s), never a script URL.
    const url = isRecord(entry) ? readText(entry.url ?? entry.uri) : undefined;
    entries.set(id, { name, ...(url && /^https?:\/\/[^\s]+$/i.test(url) && { url }) });
  }
  return { authors: { file, entries, hash: hashText(text) }, diagnostics: [] };
}

/**
 * The authors file with the config's `authors` entries over it (an id in both takes the config's
 * name, and the file's url unless the config gives one). Undefined when neither has any.
 */
export function withConfigAuthors(authors: AuthorsFile | undefined, profiles: Readonly<Record<string, AuthorProfile>>, configFile: string | undefined): AuthorsFile | undefined {
  const ids = Object.keys(profiles);
  if (ids.length === 0) return authors;
  const entries = new Map(authors?.entries);
  for (const id of ids) {
    const profile = profiles[id]!;
    const { default: name, ...names } = profile.name;
    const url = profile.url ?? entries.get(id)?.url;
    entries.set(id, { name: name ?? entries.get(id)?.name ?? id, ...(Object.keys(names).length > 0 && { names }), ...(url && { url }) });
  }
  return {
    file: authors?.file ?? configFile ?? 'omnipress.yml',
    entries,
    hash: hashText(`${authors?.hash ?? ''}\0${JSON.stringify(profiles)}`),
  };
}

/** A post's credit: the names to show, the one author's page, and the ids no entry answers. */
export interface Credit {
  name?: string;
  url?: string;
  /** The authors shown, in the post's language, each with the key of their page. */
  authors: PostAuthor[];
  /** Ids left unshown: written as Chirpy's `<id>` placeholder, or as ids with no authors file. */
  unknownIds: string[];
}

/**
 * `author` / `authors` as written → what the page shows. With an authors file, an id it has is
 * its entry's name (and url); any other value is a name as written. Without one, values read as
 * ids when `idsOnly` (Jekyll's `_posts`, where an author is always a key into the file) and are
 * not shown; elsewhere they are names. Chirpy's placeholder `<id>` is never shown as written.
 */
export function creditOf(value: unknown, authors: AuthorsFile | undefined, idsOnly: boolean, lang = ''): Credit {
  // One string is one credit, spaces and all (`author: Kim Minjun`); a list is one per item.
  const values = typeof value === 'string' || typeof value === 'number' ? [String(value).normalize('NFC').trim()].filter(Boolean) : Array.isArray(value) ? readList(value) ?? [] : [];
  const shown: Array<AuthorEntry & { key: string }> = [];
  const unknownIds: string[] = [];
  // A name written as is gets the page of its slug; a name of only punctuation gets none to share.
  const asWritten = (name: string) => ({ name, key: slugify(name) || `author-${hashText(name).slice(0, 8)}` });
  for (const written of values) {
    const placeholder = /^<(.+)>$/.exec(written);
    const id = placeholder ? placeholder[1]!.trim() : written;
    const entry = authors?.entries.get(id);
    if (entry) shown.push({ ...entry, name: entry.names?.[lang] ?? entry.name, key: id });
    else if (placeholder || (idsOnly && !authors)) unknownIds.push(id);
    else shown.push(asWritten(written));
  }
  if (isRecord(value)) {
    const name = readText(value.name);
    if (name) shown.push(asWritten(name));
  }
  const unique = shown.filter((entry, i) => shown.findIndex((other) => other.key === entry.key) === i);
  return {
    ...(unique.length > 0 && { name: unique.map((entry) => entry.name).join(', ') }),
    ...(unique.length === 1 && unique[0]!.url && { url: unique[0]!.url }),
    authors: unique.map(({ key, name, url }) => ({ key, name, ...(url && { url }) })),
    unknownIds,
  };
}
