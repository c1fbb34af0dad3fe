// The Nunjucks side of rendering: one environment per build, autoescape on, templates looked up in
// the site's templates/ first and the built-in theme second. Only theme files are ever compiled as
// templates; post bodies reach them as finished HTML.
import fs from 'node:fs';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { error, type Diagnostic } from '../diagnostics.js';
import type { ResolvedConfig } from '../types.js';
import { onFirstUse } from '../util/on-first-use.js';
import { withBase } from '../util/paths.js';

// Loaded with the first page to render (util/on-first-use.ts): a build that takes every page from its cache needs none.
const nunjucksModule = onFirstUse<typeof nunjucks>('nunjucks');

export interface TemplateEngine {
  /** Render `layouts/<layout>.njk`; a template error becomes a diagnostic naming the template file and line. */
  render(layout: string, context: object): { html?: string; diagnostic?: Diagnostic };
}

export function createEngine(config: ResolvedConfig): TemplateEngine {
  let env: nunjucks.Environment | undefined;
  const templates = new Map<string, nunjucks.Template>();
  return {
    render(layout, context) {
      const name = `layouts/${layout}.njk`;
      try {
        let template = templates.get(name);
        if (!template) {
          env ??= environment(config);
          template = env.getTemplate(name, true);
          templates.set(name, template);
        }
        return { html: template.render(context) };
      } catch (cause) {
        return { diagnostic: templateDiagnostic(cause, name, config) };
      }
    },
  };
}

function environment(config: ResolvedConfig): nunjucks.Environment {
  const { Environment, FileSystemLoader, runtime } = nunjucksModule();
  const env = new Environment(new FileSystemLoader(config.templateDirs, { noCache: false }), { autoescape: true, throwOnUndefined: false });
  // `url` turns a site path into an href under the base path; templates get finished URLs in their
  // views, this is for links a theme writes by hand (`{{ '/ko/' | url }}`).
  env.addFilter('url', (sitePath: unknown) => withBase(config.basePath, String(sitePath ?? '/')));
  env.addFilter('json', (value: unknown) => new runtime.SafeString(safeJson(value)));
  return env;
}

/** JSON that is safe inside `<script>`: `<`, `>` and `&` escaped. */
function safeJson(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Nunjucks reports `(path) [Line 3, Column 5]\n  Template render error: …`; turn that into file:line. */
export function templateDiagnostic(cause: unknown, name: string, config: ResolvedConfig): Diagnostic {
  const message = cause instanceof Error ? cause.message : String(cause);
  const located = /^\(([^)]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?/.exec(message);
  const file = located?.[1] && path.isAbsolute(located[1]) ? located[1] : findTemplate(name, config) ?? name;
  const detail = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('('))
    .join(' ');
  const text = (detail || message).replace(/^(Template render error: )?(\(unknown path\) )?(Error: )?/, '');
  return error(file, `template error: ${text}`, {
    line: located?.[2] ? Number(located[2]) : lineOfFilter(file, text),
    column: located?.[3] ? Number(located[3]) : undefined,
  });
}

/** Nunjucks reports unknown filters without a line; find the first use of that filter in the file. */
function lineOfFilter(file: string, message: string): number | undefined {
  const name = /filter not found: ([\w$]+)/.exec(message)?.[1];
  if (!name || !fs.existsSync(file)) return undefined;
  const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => new RegExp(`\\|\\s*${name}\\b`).test(line));
  return index >= 0 ? index + 1 : undefined;
}

function findTemplate(name: string, config: ResolvedConfig): string | undefined {
  return config.templateDirs.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
}

/** Layout names available across the template folders (`post`, `index`, …). */
export function listLayouts(templateDirs: readonly string[]): Set<string> {
  const layouts = new Set<string>();
  for (const dir of templateDirs) {
    const layoutDir = path.join(dir, 'layouts');
    if (!fs.existsSync(layoutDir)) continue;
    for (const name of fs.readdirSync(layoutDir)) {
      if (name.endsWith('.njk')) layouts.add(name.slice(0, -4));
    }
  }
  return layouts;
}
