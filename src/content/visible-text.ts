// Which text of a Markdown body with raw HTML a reader sees. Raw HTML can hide text: the content
// of <script>, <style>, <template>… (which the sanitizer removes whole) and of elements with the
// `hidden` attribute (which it keeps, hidden). Excerpts — meta descriptions, index pages, feeds,
// JSON-LD — must not show that text, so the excerpt reads the body through this tracker, in
// document order, the way a browser would nest the tags.
import { DROPPED_WITH_CONTENT, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from '../util/html-elements.js';

// CommonMark's raw HTML (spec §6.6), as markdown-it matches it: only these are tags; any other
// `<` is text (`a < b`, `x<y`, autolinks).
const VALUE = String.raw`(?:\s*=\s*(?:[^"'=<>` + '`' + String.raw`\x00-\x20]+|'[^']*'|"[^"]*"))?`;
const NAME = '[a-zA-Z_:][a-zA-Z0-9:._-]*';
const TAG = new RegExp(
  String.raw`<([A-Za-z][A-Za-z0-9-]*)((?:\s+${NAME}${VALUE})*)\s*\/?>|<\/([A-Za-z][A-Za-z0-9-]*)\s*>` +
    String.raw`|<!---?>|<!--(?:[^-]|-[^-]|--[^>])*-->|<[?][\s\S]*?[?]>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>`,
  'y',
);
const ATTRIBUTE = new RegExp(String.raw`\s+(${NAME})${VALUE}`, 'g');
const TAG_LINE = new RegExp(String.raw`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+${NAME}${VALUE})*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`);

/** A line holding one complete tag and nothing else: an HTML block of its own (CommonMark's kind 7). */
export function isTagLine(line: string): boolean {
  return TAG_LINE.test(line);
}

const dropped = new Set(DROPPED_WITH_CONTENT);
const rawText = new Set(RAW_TEXT_ELEMENTS);
const voids = new Set(VOID_ELEMENTS);

/** The open raw-HTML elements while a body is read, and whether what is read now is hidden. */
export class VisibleText {
  /** Open elements, innermost last, with whether each hides its content. */
  readonly #open: Array<{ name: string; hides: boolean }> = [];
  #hiding = 0;
  /** Inside a raw-text element (<script>…): the end tag that closes it. */
  #rawTextEnd: RegExp | undefined;

  /** Reads raw HTML (an HTML block): only its tags matter. */
  html(html: string): void {
    this.#read(html, false);
  }

  /**
   * Reads a paragraph of Markdown and returns what of it a reader sees: text outside hidden
   * elements, with the tags and comments removed. Code spans are kept as written (tags in them
   * are text), as are backslash escapes.
   */
  prose(markdown: string): string {
    return this.#read(markdown, true);
  }

  #read(text: string, prose: boolean): string {
    let out = '';
    let spans: CodeSpans | undefined;
    let i = 0;
    while (i < text.length) {
      if (this.#rawTextEnd) {
        this.#rawTextEnd.lastIndex = i;
        const end = this.#rawTextEnd.exec(text);
        if (!end) return out;
        i = end.index + end[0].length;
        this.#rawTextEnd = undefined;
        continue;
      }
      const c = text[i]!;
      if (prose && c === '`') {
        const span = (spans ??= new CodeSpans(text)).end(text, i);
        if (this.#hiding === 0) out += text.slice(i, span);
        i = span;
        continue;
      }
      if (prose && c === '\\' && i + 1 < text.length) {
        if (this.#hiding === 0) out += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '<') {
        TAG.lastIndex = i;
        const tag = TAG.exec(text);
        if (tag) {
          if (tag[1] !== undefined) this.#openTag(tag[1].toLowerCase(), tag[2] ?? '');
          else if (tag[3] !== undefined) this.#closeTag(tag[3].toLowerCase());
          i += tag[0].length;
          continue;
        }
      }
      if (prose && this.#hiding === 0) out += c;
      i++;
    }
    return out;
  }

  #openTag(name: string, attributes: string): void {
    if (rawText.has(name)) {
      // Never shown, and what follows up to its end tag is not markup (a `</div>` in a script).
      this.#rawTextEnd = name === 'plaintext' ? /(?!)/g : new RegExp(String.raw`<\/${name}(?=[\s/>])[^>]*>`, 'gi');
      return;
    }
    if (voids.has(name)) return;
    const hides = dropped.has(name) || [...attributes.matchAll(ATTRIBUTE)].some((m) => m[1]!.toLowerCase() === 'hidden');
    this.#open.push({ name, hides });
    if (hides) this.#hiding++;
  }

  #closeTag(name: string): void {
    const at = this.#open.findLastIndex((element) => element.name === name);
    if (at === -1) return;
    for (const element of this.#open.splice(at)) if (element.hides) this.#hiding--;
  }
}

/**
 * Code spans of one text: where the span opening at a backtick run ends (CommonMark: at the next
 * run of as many backticks), or the end of the opening run when none closes it. Runs are indexed
 * once, and each length's runs are walked once, so a text full of backticks stays linear.
 */
class CodeSpans {
  /** Run length → start positions of the runs of that length, in order, and how many are passed. */
  readonly #runs = new Map<number, { starts: number[]; next: number }>();

  constructor(text: string) {
    for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
      let end = i;
      while (text[end] === '`') end++;
      const length = end - i;
      let runs = this.#runs.get(length);
      if (!runs) this.#runs.set(length, (runs = { starts: [], next: 0 }));
      runs.starts.push(i);
      i = end;
    }
  }

  /** The end of the code span whose opening run starts at `start`. */
  end(text: string, start: number): number {
    let run = start;
    while (text[run] === '`') run++;
    const length = run - start;
    const runs = this.#runs.get(length)!;
    while (runs.next < runs.starts.length && runs.starts[runs.next]! <= start) runs.next++;
    const close = runs.starts[runs.next];
    if (close === undefined) return run;
    runs.next++;
    return close + length;
  }
}
