// KaTeX's markup in a post's HTML: each formula is `<span class="katex">` holding the MathML
// (`katex-mathml`, visually hidden by KaTeX's CSS) and the visual HTML (`katex-html`,
// aria-hidden). Pages need KaTeX's stylesheet only where it occurs; search indexes one of the two
// (the MathML, without the TeX source it carries); feeds keep only the MathML, which feed readers
// show without any stylesheet.

/** The opening tag of KaTeX's visual HTML, as KaTeX writes it. */
const VISUAL = '<span class="katex-html" aria-hidden="true">';
/** …and as the body has it: Pagefind skips it, so a formula's text is indexed once. */
const VISUAL_MARKED = '<span class="katex-html" aria-hidden="true" data-pagefind-ignore>';

/** True when the HTML holds a typeset formula: the page needs KaTeX's stylesheet. */
export function hasMath(html: string): boolean {
  return html.includes('<span class="katex">');
}

/** The TeX source KaTeX keeps in the MathML, as KaTeX writes it… */
const SOURCE = '<annotation encoding="application/x-tex">';
/** …and as the body has it: search results would show it glued to the formula's text. */
const SOURCE_MARKED = '<annotation encoding="application/x-tex" data-pagefind-ignore>';

/** A display formula, as KaTeX writes it… */
const DISPLAY = '<span class="katex-display">';
/** …and as the body has it: one wider than the column scrolls, and keyboards must reach it to scroll it. */
const DISPLAY_MARKED = '<span class="katex-display" tabindex="0">';

/**
 * KaTeX's output as pages have it: its visual HTML and TeX source left out of the search index
 * (the MathML's text stays), a display formula reachable by keyboard.
 */
export function finishKatexHtml(katexHtml: string): string {
  return katexHtml.replace(DISPLAY, DISPLAY_MARKED).replaceAll(VISUAL, VISUAL_MARKED).replaceAll(SOURCE, SOURCE_MARKED);
}

const SPAN_TAG = /<span\b|<\/span>/g;

/**
 * The HTML with every formula's visual HTML removed, MathML kept: what a feed reader, without
 * KaTeX's stylesheet, can show. KaTeX's visual HTML nests only spans (and SVG, which holds none),
 * and text inside is escaped, so counting `<span` and `</span>` finds its end.
 */
export function withoutVisualMath(html: string): string {
  if (!html.includes(VISUAL_MARKED)) return html;
  let out = '';
  let at = 0;
  for (let start = html.indexOf(VISUAL_MARKED); start !== -1; start = html.indexOf(VISUAL_MARKED, at)) {
    out += html.slice(at, start);
    SPAN_TAG.lastIndex = start + VISUAL_MARKED.length;
    let depth = 1;
    let match: RegExpExecArray | null = null;
    while (depth > 0 && (match = SPAN_TAG.exec(html))) depth += match[0] === '</span>' ? -1 : 1;
    // Unbalanced (cannot happen with KaTeX's output): keep the rest as it is.
    if (depth > 0 || !match) return out + html.slice(start);
    at = match.index + match[0].length;
  }
  return out + html.slice(at);
}
