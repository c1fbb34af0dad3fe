// Diagrams as feed readers get them. A feed reader runs no script and has no theme stylesheet to
// pick one of two SVGs by colour scheme, so a drawn diagram (build mode) goes in once, in its
// light colours, and a diagram left for the browser to draw (client mode) becomes a short note
// linking to the post instead of its source, which would read as code.
import { escapeHtml } from '../util/html-escape.js';
import { DIAGRAM } from './place.js';

const DARK_COPY = '<div class="diagram-dark">';
/** placeDiagrams ends every figure with the dark copy; an SVG never holds `</figure>`. */
const FIGURE_END = '</div></figure>';

/** `html` with each diagram fit for a feed; `note` is the link's text, `postUrl` the post's own URL. */
export function diagramsForFeeds(html: string, note: string, postUrl: string): string {
  let out = html;
  if (out.includes(DARK_COPY)) {
    let kept = '';
    let at = 0;
    for (let start = out.indexOf(DARK_COPY); start !== -1; start = out.indexOf(DARK_COPY, at)) {
      const end = out.indexOf(FIGURE_END, start);
      if (end === -1) break;
      kept += out.slice(at, start);
      at = end + '</div>'.length;
    }
    out = kept + out.slice(at);
  }
  return out.replace(DIAGRAM, () => `<p class="diagram-note"><a href="${escapeHtml(postUrl)}">${escapeHtml(note)}</a></p>\n`);
}
