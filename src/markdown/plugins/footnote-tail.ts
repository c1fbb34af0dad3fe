// footnote-tail: markdown-it-footnote's last core rule — lift each footnote's definition out of
// the document and append the footnotes, in order, at its end — done in one pass. The plugin's own
// rule (4.0.0, the latest) appends each footnote with `tokens = tokens.concat(…)`, copying the
// whole document once per footnote, time growing with the square of the footnotes. The tokens made, and
// their order, are the plugin's (tests/unit/markdown/plugins/footnote-tail.test.ts compares them).
// Needs: markdown-it-footnote, used before it (it replaces that plugin's `footnote_tail` rule).
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

/** What markdown-it-footnote keeps in env while parsing. */
interface FootnoteEnv {
  /** Labelled notes count their references; inline ones (`^[…]`) have one and no count. */
  list?: Array<{ label?: string; count?: number; tokens?: Token[]; content?: string }>;
}

export function footnoteTailPlugin(md: MarkdownIt): void {
  md.core.ruler.at('footnote_tail', footnoteTail);
}

function footnoteTail(state: StateCore): void {
  const footnotes = (state.env as { footnotes?: FootnoteEnv }).footnotes;
  if (!footnotes) return;
  // Definitions (`[^x]: …`) leave the document; their tokens go to the footnote they define. (A
  // definition nested in another is handled as the plugin does, quirks included.)
  const definitions = new Map<string, Token[]>();
  const tokens: Token[] = [];
  let inside = false;
  let current: Token[] = [];
  let currentLabel = '';
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      inside = true;
      current = [];
      currentLabel = token.meta.label as string;
    } else if (token.type === 'footnote_reference_close') {
      inside = false;
      definitions.set(currentLabel, current);
    } else (inside ? current : tokens).push(token);
  }
  state.tokens = tokens;
  const list = footnotes.list;
  if (!list) return;

  tokens.push(new state.Token('footnote_block_open', '', 1));
  // Kept from one footnote to the next when a footnote has none, as in the plugin.
  let body: Token[] | undefined;
  list.forEach((footnote, id) => {
    const open = new state.Token('footnote_open', '', 1);
    open.meta = { id, label: footnote.label };
    tokens.push(open);
    if (footnote.tokens) {
      // An inline footnote (`^[…]`): its text becomes a paragraph.
      const paragraph = new state.Token('paragraph_open', 'p', 1);
      paragraph.block = true;
      const inline = new state.Token('inline', '', 0);
      inline.children = footnote.tokens;
      inline.content = footnote.content ?? '';
      const close = new state.Token('paragraph_close', 'p', -1);
      close.block = true;
      body = [paragraph, inline, close];
    } else if (footnote.label) {
      body = definitions.get(footnote.label);
    }
    if (body) for (const token of body) tokens.push(token);
    // The back links (one per reference) go inside the footnote's last paragraph.
    const lastParagraph = tokens[tokens.length - 1]!.type === 'paragraph_close' ? tokens.pop() : undefined;
    const references = footnote.count !== undefined && footnote.count > 0 ? footnote.count : 1;
    for (let subId = 0; subId < references; subId++) {
      const anchor = new state.Token('footnote_anchor', '', 0);
      anchor.meta = { id, subId, label: footnote.label };
      tokens.push(anchor);
    }
    if (lastParagraph) tokens.push(lastParagraph);
    tokens.push(new state.Token('footnote_close', '', -1));
  });
  tokens.push(new state.Token('footnote_block_close', '', -1));
}
