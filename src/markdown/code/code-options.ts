// How a code block asks to be shown, read from the ways posts write it: the fence's info string
// (```` ```py {2,4-5} title="x.py" ```` as in VitePress and Docusaurus, Hugo's
// ```` ```go {linenos=table,hl_lines=[2,"4-5"]} ````), Hexo's `{% codeblock %}` options
// (`mark:1,3-4 line_number:true first_line:10`), Jekyll's `{% highlight ruby linenos %}` and
// Hugo's `{{< highlight go "linenos=table,hl_lines=2-3" >}}`. Pure string work.

/** An inclusive range of lines, counted from 1 at the block's first line. */
export type LineRange = readonly [from: number, to: number];

/** What a code block asks for besides its text. */
export interface CodeOptions {
  /** The language as written (`py`, `C++`), '' when none. */
  lang: string;
  /** A file name or title to show above the block. */
  title?: string;
  /** Lines to highlight, counted from 1 at the block's first line whatever `firstLine` is. */
  marked?: LineRange[];
  /** Show line numbers. */
  lineNumbers?: boolean;
  /** The number shown for the first line (line numbers on). */
  firstLine?: number;
}

// More lines than any post holds: a typo such as `1-99999999` stays a range, never a list.
const MAX_LINE = 1_000_000;

/**
 * `2,4-5`, `2-3 8`, `[8,"15-17"]`: lines and ranges separated by commas or spaces, in any order.
 * Anything that is not a number or a range is skipped.
 */
export function parseLineRanges(text: string): LineRange[] {
  const ranges: LineRange[] = [];
  for (const part of text.replace(/[[\]"']/g, ' ').split(/[\s,]+/)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) continue;
    const from = Math.min(Number(match[1]), MAX_LINE);
    const to = Math.min(Number(match[2] ?? match[1]), MAX_LINE);
    if (from >= 1 && to >= from) ranges.push([from, to]);
  }
  return ranges;
}

/** Whether line `n` (from 1) is in one of the ranges. */
export function inRanges(ranges: readonly LineRange[] | undefined, n: number): boolean {
  return ranges?.some(([from, to]) => n >= from && n <= to) ?? false;
}

/** Ranges numbered from `firstLine` moved to numbering from 1 (Hexo marks lines as it numbers them). */
function fromFirstLine(ranges: LineRange[], firstLine: number): LineRange[] {
  const shift = firstLine - 1;
  return ranges.map(([from, to]): LineRange => [Math.max(1, from - shift), to - shift]).filter(([, to]) => to >= 1);
}

function positiveInt(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,7}$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;
}

const TITLE = /\b(?:title|filename|file)=(?:"([^"]*)"|'([^']*)'|(\S+))/;
const BRACES = /\{([^{}]*)\}/;

/**
 * A fence's info string: the language, then `{2,4-5}` (lines to highlight) or Hugo's
 * `{linenos=table,hl_lines=[2,"4-5"],linenostart=10}`, `title="x.py"` (also `filename=`),
 * `showLineNumbers[=10]`, `:line-numbers[=10]` or `linenos`.
 */
export function fenceOptions(info: string): CodeOptions {
  const trimmed = info.trim();
  // `py{2,4}` is VitePress's way: the braces may touch the language.
  const lang = /^[^\s{]*/.exec(trimmed)![0];
  const rest = trimmed.slice(lang.length);
  const options: CodeOptions = { lang };
  const braces = BRACES.exec(rest)?.[1];
  if (braces !== undefined) {
    if (/[=]/.test(braces)) Object.assign(options, hugoOptions(braces.replace(/\s*=\s*/g, '=')));
    else options.marked = parseLineRanges(braces);
  }
  const title = TITLE.exec(rest);
  if (title) options.title = title[1] ?? title[2] ?? title[3];
  const numbers = /(?:^|\s)(?:showLineNumbers|:line-numbers|linenos)(?:=(\d+))?(?=\s|$)/.exec(rest.replace(BRACES, ' '));
  if (numbers) {
    options.lineNumbers = true;
    const first = positiveInt(numbers[1]);
    if (first) options.firstLine = first;
  }
  return options;
}

/**
 * Hugo's highlight options, `linenos=table,hl_lines=2-3 8,linenostart=199` (the shortcode's second
 * parameter, or the braces of a fence). `hl_lines` counts from the block's first line, whatever
 * `linenostart` is, as in Hugo.
 */
export function hugoOptions(text: string): Omit<CodeOptions, 'lang'> {
  const options: Omit<CodeOptions, 'lang'> = {};
  // Commas separate options, except inside `hl_lines=[8,"15-17"]`.
  for (const [, key, value = ''] of text.matchAll(/([A-Za-z_]+)=(\[[^\]]*\]|"[^"]*"|[^,]*)/g)) {
    const name = key!.toLowerCase();
    const bare = value.replace(/^"|"$/g, '').trim();
    if (name === 'linenos') options.lineNumbers = bare !== 'false' && bare !== '';
    else if (name === 'hl_lines') options.marked = parseLineRanges(bare);
    else if (name === 'linenostart') options.firstLine = positiveInt(bare);
  }
  if (options.firstLine === undefined) delete options.firstLine;
  return options;
}

/**
 * Hexo's `{% codeblock %}` options (`mark:1,3-4`, `line_number:true`, `first_line:10`), already
 * split from its words. Hexo numbers marked lines as it shows them, from `first_line`.
 */
export function hexoOptions(values: ReadonlyMap<string, string>): Omit<CodeOptions, 'lang'> {
  const options: Omit<CodeOptions, 'lang'> = {};
  const lineNumber = values.get('line_number');
  if (lineNumber !== undefined) options.lineNumbers = lineNumber !== 'false';
  const firstLine = positiveInt(values.get('first_line'));
  if (firstLine) options.firstLine = firstLine;
  const mark = values.get('mark');
  if (mark !== undefined) options.marked = fromFirstLine(parseLineRanges(mark), firstLine ?? 1);
  return options;
}

/**
 * Jekyll's `{% highlight ruby linenos mark_lines="1 2" %}` after the language: `linenos`
 * (also `linenos=table`) and Rouge's `mark_lines`.
 */
export function jekyllOptions(words: readonly string[]): Omit<CodeOptions, 'lang'> {
  const options: Omit<CodeOptions, 'lang'> = {};
  for (const word of words) {
    if (/^linenos\b/.test(word)) options.lineNumbers = true;
    const marks = /^mark_lines=(.*)$/.exec(word);
    if (marks) options.marked = parseLineRanges(marks[1]!);
  }
  return options;
}
