// mermaid-fence: renders ```` ```mermaid ```` fences as `<pre class="mermaid">` + the escaped
// diagram source (no <code>: mermaid reads the element's text) and sets env.hasMermaid so the
// page can load the script only where needed. Other fences keep markdown-it's output.
// Needs: nothing; wraps whatever fence renderer was installed before it.
import type MarkdownIt from 'markdown-it';
import { envOf } from '../env.js';

export function mermaidFencePlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (token.info.trim().split(/\s+/, 1)[0]?.toLowerCase() !== 'mermaid') {
      return fence(tokens, idx, options, env, self);
    }
    envOf(env).hasMermaid = true;
    return `<pre class="mermaid">${md.utils.escapeHtml(token.content)}</pre>\n`;
  };
}
