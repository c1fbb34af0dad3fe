// mermaid-fence: renders ```` ```mermaid ```` fences as `<pre class="mermaid">` + the escaped
// diagram source (no <code>: mermaid reads the element's text; data-pagefind-ignore keeps the
// source out of search), sets env.hasMermaid so the
// page can load the script only where needed, and records each diagram with its line in
// env.diagrams for build-time rendering. Other fences keep markdown-it's output.
// Needs: nothing; wraps whatever fence renderer was installed before it.
import type MarkdownIt from 'markdown-it';
import { envOf, fileLine } from '../env.js';

export function mermaidFencePlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (token.info.trim().split(/\s+/, 1)[0]?.toLowerCase() !== 'mermaid') {
      return fence(tokens, idx, options, env, self);
    }
    const state = envOf(env);
    state.hasMermaid = true;
    state.diagrams.push({ source: token.content, line: fileLine(state, token.map?.[0] ?? 0) });
    return `<pre class="mermaid" data-pagefind-ignore>${md.utils.escapeHtml(token.content)}</pre>\n`;
  };
}
