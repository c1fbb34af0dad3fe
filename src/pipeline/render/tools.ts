// The tools the render stage renders with: the markdown renderer, the template engine and the UI
// strings, read and compiled once per config and templates (the cache keeps them between runs).
import type { Diagnostic } from '../../diagnostics.js';
import { createMarkdown } from '../../markdown/renderer.js';
import { markdownStrings } from '../../markdown/strings.js';
import { createEngine } from '../../nunjucks/environment.js';
import { loadStrings } from '../../i18n/ui-strings.js';
import type { ResolvedConfig } from '../../types.js';
import type { PipelineCache, RenderTools } from '../cache.js';
import { createImageMeasurer } from '../image-files.js';

/** The cache's tools, or new ones (kept in the cache for the next run). */
export function toolsFor(config: ResolvedConfig, cache?: PipelineCache): RenderTools {
  const tools = cache?.tools ?? renderTools(config);
  if (cache) cache.tools = tools;
  return tools;
}

/** The markdown renderer, the template engine and the UI strings: read and compiled once per config and templates. */
function renderTools(config: ResolvedConfig): RenderTools {
  const diagnostics: Diagnostic[] = [];
  const translate = loadStrings(config, diagnostics);
  const strings = markdownStrings(config.languages.map((l) => l.code), translate);
  return {
    markdown: createMarkdown({
      trustedHtml: config.trustedHtml,
      siteOrigin: originOf(config.baseUrl),
      basePath: config.basePath,
      strings,
      measureImage: createImageMeasurer(config),
    }),
    engine: createEngine(config),
    translate,
    strings,
    diagnostics,
  };
}

function originOf(baseUrl: string): string {
  return baseUrl ? new URL(baseUrl).origin : '';
}

