// When each post's words last changed, from git: one `git log -p` for the whole posts folder, with
// every file's whole text as context, read once. A commit changes a post's content when it changes
// its body or its title; one that touches only other front matter (tags, a date) does not.
import path from 'node:path';
import { gitLog } from './git.js';

/** One commit that changed a post's body or title. */
export interface ContentChange {
  commit: string;
  date: Date;
}

export interface ContentHistory {
  /** Absolute NFC path → the commits that changed its content, newest first (a rename keeps its history). */
  changes: Map<string, ContentChange[]>;
  /** Every commit the log went through: full hash → commit date (for `translatedFrom: <commit>`). */
  commits: Map<string, Date>;
}

const EMPTY: ContentHistory = { changes: new Map(), commits: new Map() };

/**
 * The content history of every Markdown file under `dir` that git knows. Outside a git repository
 * (or without git) it is empty: callers fall back to front matter dates.
 */
export function readContentHistory(dir: string): ContentHistory {
  // The whole file as context (-U with more lines than any post) shows both versions of it, so
  // front matter and body can be told apart without reading a blob per commit.
  const args = ['log', '-p', '-U1000000', '-M', '--no-color', '--no-ext-diff', '--format=%x1e%H %ct', '--', '*.md', '*.markdown'];
  const found = gitLog(dir, args, 1024 * 1024 * 1024);
  return found ? parseContentLog(found.log, found.top) : EMPTY;
}

/** The output of the log above → history; exported for unit tests. */
export function parseContentLog(log: string, top: string): ContentHistory {
  const changes = new Map<string, ContentChange[]>();
  const commits = new Map<string, Date>();
  // Newest commit first: a file renamed later is known by its newer name, older entries follow it.
  const renamedTo = new Map<string, string>();
  for (const record of log.split('\x1e')) {
    const newline = record.indexOf('\n');
    const [commit, stamp] = record.slice(0, newline < 0 ? undefined : newline).split(' ');
    const seconds = Number(stamp);
    if (!commit || !stamp || !Number.isFinite(seconds)) continue;
    const date = new Date(seconds * 1000);
    commits.set(commit, date);
    for (const diff of record.slice(newline + 1).split(/^diff --git /m).slice(1)) {
      const file = readFileDiff(diff);
      if (!file) continue;
      const current = renamedTo.get(file.path) ?? file.path;
      if (file.from !== undefined && file.from !== file.path) renamedTo.set(file.from, current);
      if (!file.changed) continue;
      const key = path.join(top, current).normalize('NFC');
      const list = changes.get(key) ?? [];
      changes.set(key, list);
      list.push({ commit, date });
    }
  }
  return { changes, commits };
}

interface FileDiff {
  /** Path after the commit (before it, for a deletion), relative to the repository. */
  path: string;
  /** Path before the commit, when the file existed. */
  from?: string;
  /** The commit changed its body or title. */
  changed: boolean;
}

function readFileDiff(diff: string): FileDiff | undefined {
  const lines = diff.split('\n');
  // null: /dev/null, the file did not exist on that side.
  let from: string | null | undefined;
  let to: string | null | undefined;
  let renameFrom: string | undefined;
  let renameTo: string | undefined;
  let i = 1;
  for (; i < lines.length && !lines[i]!.startsWith('@@'); i++) {
    const line = lines[i]!;
    if (line.startsWith('--- ')) from = pathOf(line.slice(4), 'a/');
    else if (line.startsWith('+++ ')) to = pathOf(line.slice(4), 'b/');
    else if (line.startsWith('rename from ')) renameFrom = unquote(line.slice(12));
    else if (line.startsWith('rename to ')) renameTo = unquote(line.slice(10));
  }
  from ??= renameFrom;
  to ??= renameTo;
  if (to === null || (to === undefined && from === undefined)) return undefined; // deleted, or no path
  const now = to ?? from!;
  const before: string[] = [];
  const after: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const mark = line[0];
    if (mark === ' ') {
      before.push(line.slice(1));
      after.push(line.slice(1));
    } else if (mark === '-') before.push(line.slice(1));
    else if (mark === '+') after.push(line.slice(1));
  }
  const added = from === null;
  // A rename without a hunk moved the file unchanged.
  const changed = added || content(before.join('\n')) !== content(after.join('\n'));
  return { path: now, from: from ?? undefined, changed };
}

/** `a/posts/x.md` → `posts/x.md`; `/dev/null` → null. */
function pathOf(text: string, prefix: string): string | null {
  const name = unquote(text.replace(/\t$/, ''));
  if (name === '/dev/null') return null;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** Git quotes names with control characters or quotes even with core.quotepath off. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  const bytes: number[] = [];
  const inner = name.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch));
      continue;
    }
    const next = inner[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * What a reader reads of a post: its title and its body. Front matter is split off by its
 * delimiters (`---` YAML, `+++` TOML); its other keys are left out.
 */
export function content(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const fence = /^(---|\+\+\+)[ \t]*\n/.exec(normalized);
  if (!fence) return normalized.trim();
  const close = new RegExp(`^(?:${fence[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*$`, 'm');
  const rest = normalized.slice(fence[0].length);
  const end = close.exec(rest);
  if (!end) return normalized.trim();
  const front = rest.slice(0, end.index);
  const body = rest.slice(end.index + end[0].length);
  return `${titleOf(front)}\0${body.trim()}`;
}

/** The title's line (and the indented lines that continue it) as written, or '' without one. */
function titleOf(front: string): string {
  const match = /^title[ \t]*[:=][^\n]*(?:\n[ \t]+[^\n]*)*/m.exec(front);
  return match ? match[0].replace(/\s+/g, ' ').trim() : '';
}
