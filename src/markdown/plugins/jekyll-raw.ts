// jekyll-raw: drops Jekyll's `{% raw %}` / `{% endraw %}` markers everywhere, fences included
// (Jekyll runs Liquid before Markdown, so it drops them there too). Needs: nothing; runs first.
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

export function jekyllRawPlugin(md: MarkdownIt): void {
  md.core.ruler.after('normalize', 'jekyll_raw', stripMarkers);
  md.core.ruler.after('block', 'jekyll_raw_code', dropMarkerLinesFromCode);
}

function stripMarkers(state: StateCore): void {
  if (!state.src.includes('{%')) return;
  MARKER.lastIndex = 0;
  if (!MARKER.test(state.src)) return;
  const env = envOf(state.env);
  const markerLines = new Set<number>();
  const ranges: Array<[number, number]> = [];
  let openedAt: number | undefined;
  const lines = state.src.split('\n');
  lines.forEach((line, index) => {
    if (!line.includes('{%')) return;
    const stripped = line.replace(MARKER, (_marker, end: string | undefined) => {
      if (!end && openedAt === undefined) openedAt = index;
      else if (end && openedAt !== undefined) {
        ranges.push([openedAt, index]);
        openedAt = undefined;
      }
      return '';
    });
    if (stripped === line) return;
    if (stripped.trim() === '') {
      markerLines.add(index);
      lines[index] = '';
    } else {
      lines[index] = stripped;
    }
  });
  // An unclosed raw runs to the end, as in Liquid.
  if (openedAt !== undefined) ranges.push([openedAt, lines.length - 1]);
  state.src = lines.join('\n');
  env.rawMarkerLines = markerLines;
  env.rawRanges = ranges;
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
