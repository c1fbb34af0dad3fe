// Finding the diagrams in a post's HTML and putting rendered SVG in their place (build mode).
import { decodeHTML } from 'entities';
import { DIAGRAM_ID, type DiagramOutcome } from './build-mode.js';
import { diagramLabel } from './runtime.js';
import { escapeAttributeValue } from '../util/html-escape.js';

/** The markup mermaid-fence writes (and raw-HTML `<pre class="mermaid">` after sanitizing). */
export const DIAGRAM = /<pre class="mermaid"(?:\s[^>]*)?>([\s\S]*?)<\/pre>\n?/g;

/** True when the HTML still holds a diagram for the browser to render (client mode). */
export function hasDiagramMarkup(html: string): boolean {
  // A non-global copy: `test` on the global one would move its lastIndex, which matchAll copies.
  return new RegExp(DIAGRAM.source).test(html);
}

/** Diagram sources of a post, in document order, as mermaid will read them (entities decoded). */
export function diagramSources(html: string): string[] {
  return [...html.matchAll(DIAGRAM)].map((match) => decodeHTML(match[1]!));
}

export interface Placed {
  html: string;
  /** Diagrams that failed, in document order, with mermaid's message. */
  errors: Array<{ source: string; error: string }>;
}

/**
 * Every diagram replaced by a figure holding its light and dark SVG (the theme's CSS shows one
 * per `prefers-color-scheme`). `idPrefix` makes ids unique on the page. A diagram without
 * accTitle/accDescr is named `fallbackLabel` (in the page's language) with the text of the
 * nearest heading above it: "다이어그램: 무엇이 달라졌나".
 */
export function placeDiagrams(
  html: string,
  outcomes: ReadonlyMap<string, DiagramOutcome>,
  idPrefix: string,
  fallbackLabel: string,
): Placed {
  const errors: Placed['errors'] = [];
  let n = 0;
  const placed = html.replace(DIAGRAM, (whole, escaped: string, offset: number) => {
    const source = decodeHTML(escaped);
    const outcome = outcomes.get(source);
    if (!outcome) return whole;
    if ('error' in outcome) {
      errors.push({ source, error: outcome.error });
      return whole;
    }
    const id = `${idPrefix}-${++n}`;
    const svg = (text: string) => text.split(DIAGRAM_ID).join(id);
    return (
      `<figure class="diagram" role="img" aria-label="${escapeAttributeValue(diagramLabel(source, labelWithHeading(fallbackLabel, headingBefore(html, offset))))}" data-pagefind-ignore>` +
      `<div class="diagram-light">${svg(outcome.svgs.light)}</div>` +
      `<div class="diagram-dark">${svg(outcome.svgs.dark)}</div>` +
      '</figure>\n'
    );
  });
  return { html: placed, errors };
}

const HEADING = /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/g;

/** The plain text of the last heading that ends before `offset`, if any. */
function headingBefore(html: string, offset: number): string | undefined {
  let text: string | undefined;
  for (const match of html.slice(0, offset).matchAll(HEADING)) text = match[1];
  if (text === undefined) return undefined;
  return decodeHTML(text.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() || undefined;
}

/** "Diagram: <heading>", or only "Diagram" when no heading comes before it. */
function labelWithHeading(label: string, heading: string | undefined): string {
  return heading ? `${label}: ${heading}` : label;
}
