// Posts without a front-matter title (Hexo drafts, plain Markdown notes) take the first `# H1`;
// posts with one often repeat it as their first heading (Hexo's and Jekyll's themes hid it, or
// the editor pasted the document whole), which the page would otherwise show twice.
import { readText } from './fields.js';

/**
 * The title the author wrote: front matter `title` (when it is text; a first heading repeating it
 * is then blanked from the body), else the first `# H1`, then blanked from the body. Undefined
 * when neither is there (the caller names the post after its file).
 */
export function writtenTitle(value: unknown, body: string): { title?: string; body: string } {
  const title = value === undefined || value === null ? undefined : readText(value);
  if (title) return { title, body: dropRepeatedTitle(body, title) ?? body };
  return takeH1Title(body) ?? { body };
}

/**
 * The first ATX level-1 heading outside code fences, and the body with that line blanked —
 * blanked, not removed, so that line numbers of everything after it stay true.
 */
export function takeH1Title(body: string): { title: string; body: string } | undefined {
  const first = firstHeading(body.split('\n'), (level) => level === 1);
  if (!first) return undefined;
  return { title: first.text, body: blank(body, first) };
}

/**
 * The body without its first heading (any level, ATX or `===`-underlined) when that heading says
 * what the title says (ignoring case, spacing and emphasis markers); undefined when it does not.
 * The heading's lines are blanked, so that line numbers stay true.
 */
export function dropRepeatedTitle(body: string, title: string): string | undefined {
  const first = firstHeading(body.split('\n'), () => true);
  if (!first || comparable(first.text) !== comparable(title)) return undefined;
  return blank(body, first);
}

interface FoundHeading {
  text: string;
  /** 0-based lines the heading takes (two for an underlined one). */
  lines: number[];
}

function firstHeading(lines: readonly string[], wanted: (level: number) => boolean): FoundHeading | undefined {
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    const atx = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      if (wanted(atx[1]!.length)) return { text: atx[2]!.trim(), lines: [i] };
      continue;
    }
    // `Title` over `=====`, the paragraph line being alone (blank or nothing above it).
    const next = lines[i + 1];
    if (next !== undefined && /^ {0,3}=+[ \t]*$/.test(next) && line.trim() && !(lines[i - 1] ?? '').trim() && wanted(1)) {
      return { text: line.trim(), lines: [i, i + 1] };
    }
  }
  return undefined;
}

function blank(body: string, heading: FoundHeading): string {
  const lines = body.split('\n');
  for (const i of heading.lines) lines[i] = '';
  return lines.join('\n');
}

/** Text as a reader compares two headings: NFC, no emphasis or code markers, one space, any case. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}
