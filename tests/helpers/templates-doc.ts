// docs/templates.md read as data: its tables (which layout renders which page, the variables, the
// functions and filters, the UI strings) and its example files, parsed with markdown-it; and the
// Nunjucks partial that prints every documented variable, so a build shows what the page claims.
import fs from 'node:fs';
import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** One table cell: its text, and the contents of its code spans in order. */
interface Cell {
  text: string;
  codes: string[];
}

type Row = Record<string, Cell>;

/** A row of "Which layout renders which page". */
export interface PageKindRow {
  kind: string;
  /** `layouts/post.njk`. */
  layout: string;
  /** URL patterns with `<placeholders>`: `/<lang>/page/<n>/`. */
  urls: string[];
}

export type BaseType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'function'
  | 'object'
  | 'data'
  | 'list of strings'
  | 'list of objects'
  | 'list of post items';

const BASE_TYPES: readonly BaseType[] = ['string', 'number', 'boolean', 'function', 'object', 'data', 'list of strings', 'list of objects', 'list of post items'];

/** A documented variable, by its full path: `post.tags[].name`, `sections[].posts[].title`. */
export interface Variable {
  name: string;
  type: BaseType;
  /** `… or unset`: missing on some pages or posts. */
  optional: boolean;
  /** The example's code, when the row gives one. */
  example?: string;
  /** The top-level name it belongs to (`post`). */
  top: string;
}

/** A top-level variable and the kinds of page that receive it. */
export interface TopLevel extends Variable {
  kinds: string[];
}

export interface Helper {
  name: string;
  example: string;
  output: string;
}

export interface TemplatesDoc {
  pageKinds: PageKindRow[];
  topLevel: TopLevel[];
  /** Every variable, top-level ones included, `list of post items` expanded into their fields. */
  variables: Variable[];
  helpers: Helper[];
  /** UI string key → English text. */
  strings: Map<string, string>;
  /** Example files: fenced blocks whose info string names a path (```njk templates/partials/footer.njk). */
  files: Map<string, string>;
}

/** The types whose fields the doc lists, and which templates can enumerate (`{% for k, v in x %}`). */
export function hasFields(type: BaseType): boolean {
  return type === 'object' || type === 'list of objects' || type === 'list of post items';
}

export function isList(type: BaseType): boolean {
  return type.startsWith('list of ');
}

export function readTemplatesDoc(file: string): TemplatesDoc {
  const tokens = markdownIt().parse(fs.readFileSync(file, 'utf8'), {});
  const tables = readTables(tokens);
  const files = new Map<string, string>();
  for (const token of tokens) {
    const [, path] = token.info.trim().split(/\s+/);
    if (token.type === 'fence' && path) files.set(path, token.content);
  }

  const pageKinds = tableWith(tables, 'Layout').map((row) => ({
    kind: only(cell(row, 'page.kind').codes),
    layout: cell(row, 'Layout').codes[0]!,
    urls: cell(row, 'URL').codes.filter((code) => code.startsWith('/')),
  }));
  const allKinds = pageKinds.map((row) => row.kind);

  const variable = (row: Row): Variable => {
    const name = only(cell(row, 'Name').codes);
    const typeText = cell(row, 'Type').text.trim();
    const optional = typeText.endsWith(' or unset');
    const type = typeText.replace(/ or unset$/, '') as BaseType;
    if (!BASE_TYPES.includes(type)) throw new Error(`docs/templates.md: ${name} has the unknown type "${typeText}"`);
    return { name, type, optional, example: row.Example?.codes[0], top: name.split(/[.[]/)[0]! };
  };
  const variableTables = tables.filter((table) => table[0] && 'Type' in table[0]);
  const topLevel = tableWith(variableTables, 'Pages').map((row): TopLevel => {
    const pages = cell(row, 'Pages');
    const kinds = pages.text.trim() === 'every page' ? allKinds : pages.codes;
    for (const kind of kinds) if (!allKinds.includes(kind)) throw new Error(`docs/templates.md: ${kind} is no kind of page`);
    return { ...variable(row), kinds };
  });
  const fields = variableTables.filter((table) => !('Pages' in table[0]!)).flat().map(variable);
  const itemFields = fields.filter((v) => v.top === 'item');
  const variables: Variable[] = [];
  for (const v of [...topLevel, ...fields.filter((f) => f.top !== 'item')]) {
    variables.push(v);
    if (v.type !== 'list of post items') continue;
    for (const field of itemFields) variables.push({ ...field, name: `${v.name}[]${field.name.slice('item'.length)}`, top: v.top });
  }

  const helpers = tableWith(tables, 'Output').map((row) => ({
    name: only(cell(row, 'Name').codes),
    example: only(cell(row, 'Example').codes),
    output: only(cell(row, 'Output').codes),
  }));
  const strings = new Map(tableWith(tables, 'English').map((row) => [only(cell(row, 'Key').codes), cell(row, 'English').text.trim()]));
  return { pageKinds, topLevel, variables, helpers, strings, files };
}

/** Every table of the document as rows keyed by column name. */
function readTables(tokens: Token[]): Row[][] {
  const tables: Row[][] = [];
  let rows: Cell[][] | undefined;
  for (const token of tokens) {
    if (token.type === 'table_open') rows = [];
    else if (token.type === 'tr_open') rows?.push([]);
    else if (token.type === 'inline' && rows) {
      const codes = (token.children ?? []).filter((child) => child.type === 'code_inline').map((child) => child.content);
      rows.at(-1)!.push({ text: token.content, codes });
    } else if (token.type === 'table_close' && rows) {
      // Columns by name: the header row's text, code spans unwrapped (`page.kind`).
      const headers = rows.shift()!.map((c) => c.text.replace(/`/g, '').trim());
      tables.push(rows.map((cells) => Object.fromEntries(headers.map((header, i) => [header, cells[i]!]))));
      rows = undefined;
    }
  }
  return tables;
}

function tableWith(tables: Row[][], column: string): Row[] {
  return tables.filter((table) => table[0] && column in table[0]).flat();
}

function cell(row: Row, column: string): Cell {
  const found = row[column];
  if (!found) throw new Error(`docs/templates.md: a table has no column ${column}`);
  return found;
}

function only(codes: string[]): string {
  if (codes.length !== 1) throw new Error(`docs/templates.md: expected one code span in a cell, found ${JSON.stringify(codes)}`);
  return codes[0]!;
}

/**
 * A partial printing every documented variable as JSON (`<output data-var="post.title">"…"</output>`,
 * empty when unset), the keys of every object and list entry the doc lists fields of
 * (`<output data-keys-of="post">title</output>`), and each function or filter example
 * (`<output data-example="2">…</output>`). Values inside lists are printed once per entry.
 */
export function variablesPartial(doc: TemplatesDoc): string {
  const lines: string[] = [];
  for (const v of doc.variables) {
    const { open, close, expr } = access(v.name);
    // `dump` is Nunjucks' own JSON.stringify: it does not depend on anything omnipress adds.
    const value = v.type === 'function' ? `{{ (${expr} is callable) | dump }}` : `{{ ${expr} | dump }}`;
    lines.push(`${open}<output data-var="${v.name}">${value}</output>${close}`);
    if (!hasFields(v.type)) continue;
    const keys = `{% for k, v in KEYED %}<output data-keys-of="${v.name}">{{ k }}</output>{% endfor %}`;
    lines.push(isList(v.type) ? `${open}{% for entry in ${expr} %}${keys.replace('KEYED', 'entry')}{% endfor %}${close}` : `${open}${keys.replace('KEYED', expr)}${close}`);
  }
  doc.helpers.forEach((helper, i) => lines.push(`<output data-example="${i}">${helper.example}</output>`));
  return `${lines.join('\n')}\n`;
}

/** `sections[].posts[].title` → loops over `sections` and `posts`, and the expression of `title` in them. */
function access(name: string): { open: string; close: string; expr: string } {
  const segments = name.split('.');
  let expr = '';
  let open = '';
  let close = '';
  segments.forEach((segment, depth) => {
    const field = segment.replace(/\[\]$/, '');
    expr = expr ? `${expr}.${field}` : field;
    if (segment.endsWith('[]')) {
      const each = `each${depth}`;
      open += `{% for ${each} in ${expr} %}`;
      close = `{% endfor %}${close}`;
      expr = each;
    }
  });
  return { open, close, expr };
}
