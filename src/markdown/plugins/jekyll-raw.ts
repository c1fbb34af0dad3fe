// jekyll-raw: drops Jekyll's `{% raw %}` / `{% endraw %}` markers that come as a balanced pair,
// fences included (Jekyll runs Liquid before Markdown, so it drops them there too); a lone marker
// stays as written. Needs: nothing; runs first.
//
// Line numbers must survive: a line holding only markers becomes an empty line (exactly what
// Liquid leaves behind) and inline markers are cut without touching newlines. Inside fenced and
// indented code those emptied lines are then removed from the code, so a raw-wrapped snippet
// does not start with a blank line. The raw ranges are kept in env for liquid-tags, which must
// not warn about tags the author deliberately wrapped in raw.
import type MarkdownIt from 'markdown-it';
import type { StateCore } from 'markdown-it';
import { envOf } from '../env.js';

const MARKER = /\{%-?\s*(end)?raw\s*-?%\}/g;
const ANY_MARKER = new RegExp(MARKER.source);

export function jekyllRawPlugin(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'jekyll_raw', stripMarkers);
  md.core.ruler.after('block', 'jekyll_raw_code', dropMarkerLinesFromCode);
}

function stripMarkers(state: StateCore): void {
  if (!state.src.includes('{%') || !ANY_MARKER.test(state.src)) return;
  const env = envOf(state.env);
  const lines = state.src.split('\n');
  const pairs = balancedPairs(findMarkers(lines));
  if (pairs.length === 0) return;
  const dropped = new Map<number, Array<[number, number]>>();
  for (const marker of pairs.flat()) {
    const spans = dropped.get(marker.line) ?? [];
    spans.push([marker.start, marker.end]);
    dropped.set(marker.line, spans);
  }
  const markerLines = new Set<number>();
  for (const [index, spans] of dropped) {
    const line = lines[index]!;
    let stripped = '';
    let from = 0;
    for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
      stripped += line.slice(from, start);
      from = end;
    }
    stripped += line.slice(from);
    if (stripped.trim() === '') {
      markerLines.add(index);
      lines[index] = '';
    } else {
      lines[index] = stripped;
    }
  }
  state.src = lines.join('\n');
  env.rawMarkerLines = markerLines;
  env.rawRanges = pairs.filter(([open]) => open.group === TEXT).map(([open, close]) => [open.line, close.line]);
}

interface Marker {
  line: number;
  start: number;
  end: number;
  closes: boolean;
  /** Markers pair only within one group: the text (fences included), or one inline code span. */
  group: string;
}

const TEXT = 'text';

/**
 * Every raw marker with where it is. Inside a fence a marker is text for Liquid like anywhere
 * else; inside an inline code span (`{% raw %}` in a tutorial about Jekyll) it pairs only within
 * that span, so one mentioned in passing is never taken for half of a pair.
 */
function findMarkers(lines: readonly string[]): Marker[] {
  const markers: Marker[] = [];
  let fence: string | undefined;
  lines.forEach((line, index) => {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === undefined || (fenceMark[0] === fence[0] && fenceMark.length >= fence.length))) {
      fence = fence === undefined ? fenceMark : undefined;
    }
    if (!line.includes('{%')) return;
    const spans = fence === undefined ? codeSpans(line) : [];
    for (const match of line.matchAll(MARKER)) {
      const start = match.index;
      const span = spans.findIndex(([from, to]) => start >= from && start < to);
      markers.push({ line: index, start, end: start + match[0].length, closes: match[1] !== undefined, group: span === -1 ? TEXT : `${index}:${span}` });
    }
  });
  return markers;
}

/** Inline code spans of a line as [start, end) offsets: a backtick run up to the next run of the same length. */
function codeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const runs = [...line.matchAll(/`+/g)];
  for (let i = 0; i < runs.length; i++) {
    const closing = runs.findIndex((run, j) => j > i && run[0].length === runs[i]![0].length);
    if (closing === -1) continue;
    spans.push([runs[i]!.index, runs[closing]!.index + runs[closing]![0].length]);
    i = closing;
  }
  return spans;
}

/** Each closing marker with the innermost open one before it, per group; a marker left alone is text. */
function balancedPairs(markers: readonly Marker[]): Array<[Marker, Marker]> {
  const open = new Map<string, Marker[]>();
  const pairs: Array<[Marker, Marker]> = [];
  for (const marker of markers) {
    const stack = open.get(marker.group) ?? [];
    open.set(marker.group, stack);
    if (!marker.closes) stack.push(marker);
    else if (stack.length > 0) pairs.push([stack.pop()!, marker]);
  }
  return pairs;
}

function dropMarkerLinesFromCode(state: StateCore): void {
  const markerLines = envOf(state.env).rawMarkerLines;
  if (!markerLines || markerLines.size === 0) return;
  for (const token of state.tokens) {
    if ((token.type !== 'fence' && token.type !== 'code_block') || !token.map) continue;
    // Code lines map one-to-one to source lines; a fence's first line is the ``` line.
    const first = token.map[0] + (token.type === 'fence' ? 1 : 0);
    const kept = token.content
      .split('\n')
      .filter((_line, i, all) => i === all.length - 1 || !markerLines.has(first + i));
    token.content = kept.join('\n');
  }
}
