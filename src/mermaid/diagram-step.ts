// The render stage's diagram step. Client mode leaves `<pre class="mermaid">` for the browser;
// build mode renders every diagram to SVG in headless Chromium and places it in the post, or
// falls back to client mode with one warning when no browser can be started.
import path from 'node:path';
import { error, info, warning, type Diagnostic } from '../diagnostics.js';
import type { Diagram } from '../markdown/renderer.js';
import type { Translate } from '../i18n/ui-strings.js';
import type { Post, ResolvedConfig } from '../types.js';
import { hashText } from '../util/hash.js';
import { renderDiagrams, type DiagramStats } from './build-mode.js';
import { type FontLookup, missingScripts, systemFonts } from './fonts.js';
import { diagramSources, hasDiagramMarkup, placeDiagrams } from './place.js';

/** A post's rendered body as the diagram step sees it. */
export interface BodyWithDiagrams {
  html: string;
  /** Fences with their source lines, to name the line of a broken diagram. */
  diagrams: Diagram[];
}

export interface DiagramStepResult {
  diagnostics: Diagnostic[];
  /** Set in build mode when a browser ran (or everything came from the cache). */
  stats?: DiagramStats;
}

/** True when a body still holds diagrams for the browser to render (client mode). */
export function needsMermaidRuntime(html: string): boolean {
  return html.includes('<pre class="mermaid"') && hasDiagramMarkup(html);
}

/** In build mode, replace every diagram of every post by its SVG (bodies are updated in place). */
export async function renderDiagramsAtBuild(
  posts: readonly Post[],
  bodies: Map<string, BodyWithDiagrams>,
  config: ResolvedConfig,
  translate: (lang: string) => Translate,
): Promise<DiagramStepResult> {
  if (config.mermaid.mode !== 'build') return { diagnostics: [] };
  const withDiagrams = posts.filter((post) => needsMermaidRuntime(bodies.get(post.id)!.html));
  if (withDiagrams.length === 0) return { diagnostics: [] };

  const sources = withDiagrams.flatMap((post) => diagramSources(bodies.get(post.id)!.html));
  const fonts = systemFonts();
  const results = await renderDiagrams(sources, { chromium: config.mermaid.chromium, cacheDir: config.cacheDir, fonts });
  const notes = results.damaged.map((file) =>
    info(file, 'a diagram in the build cache is damaged (a checksum does not match) and was ignored: it is rendered again'),
  );
  if (!results.unavailable) notes.push(...fontWarnings(withDiagrams, bodies, fonts));
  if (results.unavailable) {
    const where = config.configFile ?? path.join(config.root, 'omnipress.yml');
    return {
      diagnostics: [
        ...notes,
        warning(where, `mermaid build mode: ${results.unavailable.reason}; diagrams are rendered in the browser instead`, {
          hint: results.unavailable.hint,
        }),
      ],
    };
  }

  const diagnostics: Diagnostic[] = [...notes];
  for (const post of withDiagrams) {
    const body = bodies.get(post.id)!;
    const placed = placeDiagrams(body.html, results.outcomes, `diagram-${hashText(post.id).slice(0, 8)}`, translate(post.lang)('diagram'));
    body.html = placed.html;
    const unmatched = [...body.diagrams];
    for (const failure of placed.errors) {
      const at = unmatched.findIndex((d) => d.source === failure.source);
      const line = at >= 0 ? unmatched.splice(at, 1)[0]!.line : post.bodyLine;
      diagnostics.push(
        error(post.sourcePath, `mermaid diagram has an error: ${failure.error.split('\n').filter(Boolean).join(' ')}`, {
          line,
          hint: 'check the diagram syntax at https://mermaid.js.org (or preview it with omnipress build --mermaid client)',
        }),
      );
    }
  }
  return { diagnostics, stats: results.stats };
}

/**
 * One warning per script that diagrams use and no installed font covers, at the first diagram
 * that needs it: Chromium would draw its labels clipped or as boxes, without a word.
 */
function fontWarnings(posts: readonly Post[], bodies: Map<string, BodyWithDiagrams>, fonts: FontLookup): Diagnostic[] {
  const firstUse = new Map<string, { post: Post; line: number; diagrams: number }>();
  for (const post of posts) {
    for (const diagram of bodies.get(post.id)!.diagrams) {
      for (const script of missingScripts(diagram.source, fonts)) {
        const seen = firstUse.get(script.name);
        if (seen) seen.diagrams++;
        else firstUse.set(script.name, { post, line: diagram.line, diagrams: 1 });
      }
    }
  }
  return [...firstUse].map(([script, { post, line, diagrams }]) =>
    warning(post.sourcePath, `diagram labels in ${script}, but no installed font has them: the diagram is drawn with clipped labels or boxes`, {
      line,
      code: 'diagram-font',
      hint:
        'install CJK fonts (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts) and build again: the diagrams are redrawn' +
        (diagrams > 1 ? `; ${diagrams} diagrams need them` : ''),
    }),
  );
}
