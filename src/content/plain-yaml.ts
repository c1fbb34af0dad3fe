// A fast reader for the front matter nearly every post has: top-level `key: value` lines whose
// values are one-line scalars, `[a, b]` lists or `- item` lists. `yaml` builds a full document
// tree through generator-based lexing and parsing for every post, which made front matter the
// most expensive part of the parse stage. Anything this reader does not fully understand
// (comments, nesting, block scalars, anchors, tags, escapes, tabs, trailing spaces, a duplicate
// key…) gives undefined, and the caller reads the block with `yaml`, which also reports every
// error. For what it accepts, the result is what `yaml` gives with the core schema: plain
// scalars are resolved by yaml's own core-schema tags.
import { Schema, isScalar } from 'yaml';
import type { ScalarTag } from 'yaml';

export interface PlainYaml {
  data: Record<string, unknown>;
  /** Line (1-based, in `source`) of each top-level key. */
  keyLines: Record<string, number>;
}

/** The tags `yaml` tries, in order, on a plain scalar (null, bool, int, float; otherwise a string). */
const SCALAR_TAGS = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag => !tag.collection && tag.test !== undefined && (tag.default === true || tag.default === 'key'),
);
/** Tags with `default: 'key'` apply to keys only. */
const VALUE_TAGS = SCALAR_TAGS.filter((tag) => tag.default === true);
const RESOLVE_OPTIONS = { intAsBigInt: false };
const FAIL = Symbol('not plain');

/** Printable characters only: no tab, CR, C0/C1 controls, NEL, line/paragraph separators, BOM, lone surrogates. */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]| \n| $/u;
const KEY_LINE = /^([A-Za-z_][\w-]{0,199}):(?: +(\S.*))?$/;
const ITEM_LINE = /^( *)- +(\S.*)$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
/** Characters that cannot start a plain scalar, or start one only in ways this reader leaves to `yaml`. */
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** One item of a flow list and the `,` after it (or the end). */
const FLOW_ITEM = / *(?:"([^"\\]*)"|'((?:[^']|'')*)'|([^ ,[\]{}#&*!|>'"%@`?:-][^,[\]{}#:]*?)) *(,|$)/y;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The block as plain data, or undefined when it is not in the simple form described above. */
export function readPlainYaml(source: string): PlainYaml | undefined {
  if (UNUSUAL.test(source)) return undefined;
  const lines = source.split('\n');
  // The block starts right after the opening `---`: its first line is the rest of that line.
  if (lines[0] !== '') return undefined;
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  let openKey: string | undefined; // a `key:` with nothing after it, which a `- item` list may follow
  let list: unknown[] | undefined;
  let listIndent = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      openKey = undefined;
      list = undefined;
      continue;
    }
    if (line[0] === ' ' || line[0] === '-') {
      const item = ITEM_LINE.exec(line);
      if (!item) return undefined;
      const indent = item[1]!.length;
      if (list === undefined) {
        if (openKey === undefined) return undefined;
        list = [];
        listIndent = indent;
        data[openKey] = list;
        openKey = undefined;
      } else if (indent !== listIndent) {
        return undefined;
      }
      const value = scalarValue(item[2]!);
      if (value === FAIL) return undefined;
      list.push(value);
      continue;
    }
    const pair = KEY_LINE.exec(line);
    if (!pair) return undefined;
    const key = pair[1]!;
    // `true:` or `null:` are not string keys; `constructor:` and the like get a warning from the full reader.
    if (Object.hasOwn(keyLines, key) || FORBIDDEN_KEYS.has(key) || resolvePlain(key, SCALAR_TAGS) !== key) return undefined;
    keyLines[key] = i + 1;
    list = undefined;
    openKey = undefined;
    const raw = pair[2];
    if (raw === undefined) {
      data[key] = null;
      openKey = key;
      continue;
    }
    const value = raw[0] === '[' ? flowList(raw) : scalarValue(raw);
    if (value === FAIL) return undefined;
    data[key] = value;
  }
  return Object.keys(keyLines).length === 0 ? undefined : { data, keyLines };
}

/** A one-line scalar in block context: quoted without escapes, or plain. */
function scalarValue(raw: string): unknown {
  if (raw[0] === '"') return DOUBLE_QUOTED.exec(raw)?.[1] ?? FAIL;
  if (raw[0] === "'") {
    const quoted = SINGLE_QUOTED.exec(raw)?.[1];
    return quoted === undefined ? FAIL : quoted.replaceAll("''", "'");
  }
  // `a: b` inside a value is a nested mapping (an error), `#` may start a comment.
  if (NOT_PLAIN_START.test(raw) || raw.includes('#') || /:( |$)/.test(raw)) return FAIL;
  return resolvePlain(raw, VALUE_TAGS);
}

/** `[a, "b", 'c']` on one line, without nesting, empty items or a trailing comma. */
function flowList(raw: string): unknown {
  if (raw[raw.length - 1] !== ']') return FAIL;
  const inner = raw.slice(1, -1);
  if (/^ *$/.test(inner)) return [];
  const items: unknown[] = [];
  FLOW_ITEM.lastIndex = 0;
  for (;;) {
    const m = FLOW_ITEM.exec(inner);
    if (!m) return FAIL;
    if (m[1] !== undefined) items.push(m[1]);
    else if (m[2] !== undefined) items.push(m[2].replaceAll("''", "'"));
    else {
      const value = resolvePlain(m[3]!, VALUE_TAGS);
      if (value === FAIL) return FAIL;
      items.push(value);
    }
    if (m[4] === '') return FLOW_ITEM.lastIndex === inner.length ? items : FAIL;
  }
}

/** A plain scalar as `yaml` resolves it with the core schema (first matching tag, else a string). */
function resolvePlain(value: string, tags: readonly ScalarTag[]): unknown {
  const tag = tags.find((t) => t.test!.test(value));
  if (!tag) return value;
  let failed = false;
  try {
    const resolved = tag.resolve(value, () => (failed = true), RESOLVE_OPTIONS);
    return failed ? FAIL : isScalar(resolved) ? resolved.value : resolved;
  } catch {
    return FAIL;
  }
}
