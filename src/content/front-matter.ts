// Front matter: split with gray-matter, parse as YAML with `yaml`, report problems with lines of
// the source file. Front matter is data, never code: gray-matter's default engines `eval`
// JavaScript (`---js`), so any language after the opening `---` is refused before gray-matter
// sees the text, and every engine it knows is replaced by a no-op as a second lock.
import type matter from 'gray-matter';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { error, warning } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { readPlainYaml } from './plain-yaml.js';
import { onFirstUse } from '../util/on-first-use.js';

// Loaded with the first post to parse (util/on-first-use.ts): a build whose posts all come from the cache needs none.
const grayMatter = onFirstUse<typeof matter>('gray-matter');

export interface FrontMatter {
  /** Top-level keys, without prototype keys (`__proto__`, `constructor`, `prototype`) at any depth. */
  data: Record<string, unknown>;
  /** Markdown after the closing `---` (the whole text when there is no front matter). */
  body: string;
  /** 1-based line of the file where `body` starts (1 without front matter). */
  bodyLine: number;
  /** Source-file line of each top-level key of `data`. */
  keyLines: Record<string, number>;
  /** True when the file opens with a `---` line. */
  hasFrontMatter: boolean;
  diagnostics: Diagnostic[];
}

/** Deeper than this is not a blog's front matter but an attack or an accident. */
const MAX_DEPTH = 50;
/** Enough for real reuse of anchors, far too few for a "billion laughs" expansion. */
const MAX_ALIASES = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const YAML_HINT = 'front matter must be YAML `key: value` lines between two `---` lines';

// Every engine name and alias gray-matter resolves (`engines[name] || engines[alias(name)]`)
// maps to a no-op: we parse the YAML ourselves, and nothing may ever be evaluated.
const noop = (): object => ({});
const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  excerpt: false,
  engines: Object.fromEntries(
    ['yaml', 'yml', 'js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml'].map((n) => [n, noop]),
  ),
};

export function readFrontMatter(text: string, file: string): FrontMatter {
  const result: FrontMatter = { data: {}, body: text, bodyLine: 1, keyLines: {}, hasFrontMatter: false, diagnostics: [] };
  const opening = /^---(?!-)([^\n]*)/.exec(text);
  if (!opening) return result;
  result.hasFrontMatter = true;
  const fail = (message: string, line: number, hint = YAML_HINT): FrontMatter => {
    result.diagnostics.push(error(file, message, { line, hint }));
    return { ...result, data: {}, keyLines: {} };
  };

  const language = (opening[1] ?? '').trim();
  if (language !== '' && !/^ya?ml$/i.test(language)) {
    result.body = '';
    return fail(`front matter language "${language}" is not supported; only YAML is allowed`, 1,
      'start the file with a line that is exactly `---` and write the front matter as YAML');
  }
  if (text.indexOf('\n---', 3) === -1) {
    result.body = '';
    return fail('front matter opened on line 1 is never closed', 1,
      'add a line `---` after the front matter (or, for a horizontal rule, start the file with a blank line)');
  }

  const split = grayMatter()(text, GRAY_MATTER_OPTIONS);
  // gray-matter's block starts right after the opening `---`, so its line n is the file's line n.
  const yamlSource = split.matter;
  let body = split.content;
  let prefix = text.slice(0, text.length - body.length);
  if (!text.endsWith(body)) return fail('could not locate the end of the front matter', 1);
  if (prefix !== '' && !prefix.endsWith('\n')) {
    // The closing `---` matched the start of a longer line (`--- `, `---x`).
    const rest = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
    const closeLine = newlines(prefix) + 1;
    if (rest.trim() !== '') return fail('the closing `---` of the front matter must be alone on its line', closeLine);
    body = body.slice(rest.length + 1);
    prefix = text.slice(0, text.length - body.length);
  }
  result.body = body;
  // A body that is empty and has no final newline would start on the line after the closing `---`.
  result.bodyLine = newlines(prefix) + (prefix.endsWith('\n') || prefix === '' ? 1 : 2);

  const parsed = parseYaml(yamlSource, file, result.diagnostics);
  if (!parsed) return { ...result, data: {}, keyLines: {} };
  result.data = parsed.data;
  result.keyLines = parsed.keyLines;
  return result;
}

function newlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * `yaml` reports an unclosed `[`, `{` or quote where it gave up (often the next key's line); the
 * editor needs the line that opened it. Walk back to the nearest line with more openers than
 * closers (or an odd number of quotes).
 */
function unclosedOpenerLine(source: string, message: string, line: number): number {
  if (!/end with|closing/i.test(message)) return line;
  const lines = source.split('\n');
  for (let n = line - 1; n >= 1; n--) {
    const text = lines[n - 1] ?? '';
    const count = (re: RegExp) => (text.match(re) ?? []).length;
    const unbalanced =
      count(/\[/g) > count(/\]/g) || count(/\{/g) > count(/\}/g) || count(/"/g) % 2 === 1 || count(/'/g) % 2 === 1;
    if (unbalanced) return n;
  }
  return line;
}

function parseYaml(
  source: string,
  file: string,
  diagnostics: Diagnostic[],
): { data: Record<string, unknown>; keyLines: Record<string, number> } | undefined {
  const tooDeep = (line: number) =>
    diagnostics.push(error(file, `front matter is nested more than ${MAX_DEPTH} levels deep`, { line, hint: YAML_HINT }));
  // Checked on the raw text first: `yaml` only notices absurd nesting by overflowing its stack,
  // which is slow and close to crashing the process.
  const deepLine = findDeepNesting(source);
  if (deepLine !== undefined) return void tooDeep(deepLine);
  // Most front matter is flat `key: value` lines; read those without building a YAML document.
  const plain = readPlainYaml(source);
  if (plain) return plain;

  const lines = new LineCounter();
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  try {
    const doc = parseDocument(source, {
      lineCounter: lines,
      schema: 'core', // no timestamps: dates stay strings for dates.ts
      // Checked below, in one pass: `yaml` compares each key with every earlier one of its map,
      // which made 100,000 keys take minutes.
      uniqueKeys: false,
      prettyErrors: false,
    });
    for (const w of doc.warnings) diagnostics.push(warning(file, `front matter: ${w.message}`, { line: lineOf(w.pos[0]) }));
    const errors = [...doc.errors.map((e) => ({ pos: e.pos[0], message: `invalid YAML in front matter: ${e.message}` })), ...duplicateKeys(doc.contents)];
    if (errors.length > 0) {
      // One mistake often cascades into several errors on the same line; the first one says most.
      const seen = new Set<number>();
      for (const e of errors.sort((a, b) => a.pos - b.pos)) {
        const line = unclosedOpenerLine(source, e.message, lineOf(e.pos));
        if (seen.has(line)) continue;
        seen.add(line);
        diagnostics.push(error(file, e.message, { line, hint: YAML_HINT }));
      }
      return undefined;
    }
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { data: {}, keyLines: {} };
    if (!isMap(root)) {
      const kind = isSeq(root) ? 'a list' : 'a single value';
      diagnostics.push(error(file, `front matter must be a mapping of keys to values, not ${kind}`, { line: lineOf(root.range?.[0]), hint: YAML_HINT }));
      return undefined;
    }
    const keyLines: Record<string, number> = {};
    if (!checkTree(root, 0, (node) => warnForbidden(node))) return void tooDeep(lineOf(root.range?.[0]));
    for (const pair of root.items) {
      const key = keyName(pair.key);
      if (key !== undefined && !FORBIDDEN_KEYS.has(key)) keyLines[key] = lineOf((pair.key as Node).range?.[0]);
    }
    const plain = toSafePlain(doc.toJS({ maxAliasCount: MAX_ALIASES }), 0);
    return { data: plain as Record<string, unknown>, keyLines };
  } catch (e) {
    // toJS throws ReferenceError on alias bombs; RangeError is a stack overflow we did not foresee.
    const bomb = e instanceof ReferenceError || (e instanceof Error && /alias/i.test(e.message));
    const message = bomb
      ? `front matter uses YAML aliases (*name) more than ${MAX_ALIASES} times, which looks like a resource exhaustion attack`
      : e instanceof RangeError
        ? 'front matter is nested too deeply to read'
        : `front matter could not be read: ${e instanceof Error ? e.message : String(e)}`;
    diagnostics.push(error(file, message, { line: 1, hint: YAML_HINT }));
    return undefined;
  }

  function warnForbidden(key: unknown): void {
    const name = keyName(key);
    if (name !== undefined && FORBIDDEN_KEYS.has(name)) {
      diagnostics.push(warning(file, `front matter key "${name}" is ignored`, {
        line: lineOf((key as Node).range?.[0]),
        hint: 'this name is reserved by JavaScript; rename the key',
      }));
    }
  }
}

/**
 * Every key equal to an earlier key of its map (as `yaml` compares them: scalars by value), with
 * its offset. Walks every map of the tree, aliases not followed.
 */
function duplicateKeys(root: unknown): { pos: number; message: string }[] {
  const found: { pos: number; message: string }[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        pending.push(pair.key, pair.value);
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (keys.has(pair.key.value)) found.push({ pos: pair.key.range?.[0] ?? 0, message: 'duplicate key in front matter: Map keys must be unique' });
        keys.add(pair.key.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return found;
}

function keyName(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** Walks the YAML tree (without following aliases) calling `onKey` for each map key; false when too deep. */
function checkTree(node: unknown, depth: number, onKey: (key: unknown) => void): boolean {
  if (depth > MAX_DEPTH) return false;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        onKey(item.key);
        if (!checkTree(item.key, depth + 1, onKey) || !checkTree(item.value, depth + 1, onKey)) return false;
      } else if (!checkTree(item, depth + 1, onKey)) return false;
    }
  }
  return true;
}

/** A deep copy made of fresh plain objects and arrays, without prototype keys at any depth. */
function toSafePlain(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH * 2) throw new RangeError('front matter nested too deeply');
  if (Array.isArray(value)) return value.map((v) => toSafePlain(v, depth + 1));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!FORBIDDEN_KEYS.has(key)) out[key] = toSafePlain((value as Record<string, unknown>)[key], depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * Line (1-based) where flow brackets or block indentation first nest deeper than MAX_DEPTH, by a
 * cheap scan that over-counts brackets inside quotes: harmless, no real front matter comes close.
 */
function findDeepNesting(source: string): number | undefined {
  // Nesting is at most the number of lines plus the dashes on them, and the brackets opened.
  // Ordinary front matter is far from either: say so after one cheap pass.
  let lineCount = 1;
  let dashes = 0;
  let openers = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0a) lineCount++;
    else if (code === 0x2d) dashes++;
    else if (code === 0x5b || code === 0x7b) openers++;
  }
  if (lineCount + dashes <= MAX_DEPTH && openers <= MAX_DEPTH) return undefined;
  let brackets = 0;
  const indents: number[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - content.length;
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
    indents.push(indent);
    // `- - - x` nests sequences on one line.
    const dashes = /^(?:-\s+)*/.exec(content)?.[0].replace(/\s/g, '').length ?? 0;
    if (indents.length + dashes > MAX_DEPTH) return i + 1;
    for (const ch of content) {
      if (ch === '[' || ch === '{') brackets++;
      else if ((ch === ']' || ch === '}') && brackets > 0) brackets--;
      if (brackets > MAX_DEPTH) return i + 1;
    }
  }
  return undefined;
}
