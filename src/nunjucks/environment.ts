// The Nunjucks side of rendering: one environment per build, autoescape on, templates looked up in
// the site's templates/ first and the built-in theme second. Only theme files are ever compiled as
// templates; post bodies reach them as finished HTML.
import fs from 'node:fs';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { displayPath, error, type Diagnostic } from '../diagnostics.js';
import { closest } from '../util/did-you-mean.js';
import type { ResolvedConfig } from '../types.js';
import { onFirstUse } from '../util/on-first-use.js';
import { withBase } from '../urls/hrefs.js';
import { escapeHtml } from '../util/html-escape.js';
import { keepNamesWhole } from '../util/no-break.js';

// Loaded with the first page to render (util/on-first-use.ts): a build that takes every page from its cache needs none.
const nunjucksModule = onFirstUse<typeof nunjucks>('nunjucks');

export interface TemplateEngine {
  /**
   * Render `layouts/<layout>.njk`. A template error, in the layout or any template it includes,
   * comes back as diagnostics naming the template file and line where it is (a syntax error in any
   * template of the theme fails every render, as the site cannot be built right without it).
   */
  render(layout: string, context: object): { html: string } | { html?: undefined; diagnostics: Diagnostic[] };
}

export function createEngine(config: ResolvedConfig): TemplateEngine {
  let env: nunjucks.Environment | undefined;
  let syntaxErrors: Diagnostic[] = [];
  const templates = new Map<string, nunjucks.Template>();
  return {
    render(layout, context) {
      const name = `layouts/${layout}.njk`;
      if (!env) {
        env = environment(config);
        // Every template is compiled up front: Nunjucks reports a syntax error in an included
        // partial from a callback after the render returned (null), out of reach of a try.
        syntaxErrors = compileAll(env, config);
      }
      if (syntaxErrors.length > 0) return { diagnostics: syntaxErrors };
      try {
        let template = templates.get(name);
        if (!template) {
          template = env.getTemplate(name, true);
          templates.set(name, template);
        }
        const html = template.render(context) as string | null;
        if (typeof html === 'string') return { html };
        return { diagnostics: [error(findTemplate(name, config) ?? name, `template error: ${name} rendered nothing`)] };
      } catch (cause) {
        return { diagnostics: [templateDiagnostic(cause, name, config, env, 'render')] };
      }
    },
  };
}

/** Compile every template of the theme (the site's, then the built-in ones it does not replace); their syntax errors. */
function compileAll(env: nunjucks.Environment, config: ResolvedConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const name of templateNames(config.templateDirs)) {
    try {
      env.getTemplate(name, true);
    } catch (cause) {
      diagnostics.push(templateDiagnostic(cause, name, config, env, 'compile'));
    }
  }
  return diagnostics;
}

/** Every `.njk` file under the template folders, as names the loader resolves (`partials/footer.njk`), sorted. */
function templateNames(templateDirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const dir of templateDirs) {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const entry of entries) if (entry.endsWith('.njk')) names.add(entry.split(path.sep).join('/'));
  }
  return [...names].sort();
}

function environment(config: ResolvedConfig): nunjucks.Environment {
  const { Environment, FileSystemLoader, runtime } = nunjucksModule();
  const env = new Environment(new FileSystemLoader(config.templateDirs, { noCache: false }), { autoescape: true, throwOnUndefined: false });
  // `url` turns a site path into an href under the base path; templates get finished URLs in their
  // views, this is for links a theme writes by hand (`{{ '/ko/' | url }}`).
  env.addFilter('url', (sitePath: unknown) => withBase(config.basePath, String(sitePath ?? '/')));
  env.addFilter('json', (value: unknown) => new runtime.SafeString(safeJson(value)));
  // Text, escaped, with names like "GPT-4o" kept on one line, as post bodies have them.
  env.addFilter('nobr', (text: unknown) => new runtime.SafeString(keepNamesWhole(escapeHtml(String(text ?? '')))));
  return env;
}

/** JSON that is safe inside `<script>`: `<`, `>` and `&` escaped. */
function safeJson(value: unknown): string {
  return JSON.stringify(value ?? null).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Nunjucks wraps an error once per template it passes through on the way out:
 * `(layout.njk) [Line 14, Column 38] Template render error: (head.njk) Template render error: …
 * (footer.njk) Error: filter not found: x`. The innermost template is where the problem is: one
 * diagnostic at its file and line, with what went wrong and how to fix it. Nunjucks counts lines
 * and columns from 1 in syntax errors but from 0 in render errors.
 */
export function templateDiagnostic(
  cause: unknown,
  name: string,
  config: ResolvedConfig,
  env?: nunjucks.Environment,
  phase: 'compile' | 'render' = 'compile',
): Diagnostic {
  const from = phase === 'render' ? 1 : 0;
  const message = cause instanceof Error ? cause.message : String(cause);
  const frames = [...message.matchAll(/\(([^()\n]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?/g)];
  const innermost = frames.at(-1);
  const located = innermost?.[1] && path.isAbsolute(innermost[1]) ? innermost : undefined;
  const file = located?.[1] ?? findTemplate(name, config) ?? name;
  const last = innermost ? message.slice(innermost.index + innermost[0].length) : message;
  const text = last
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:Template render error: )?(?:\(unknown path\) )?(?:Error: )?/, '');
  // For an unknown filter or template Nunjucks gives the line of the enclosing tag (a block, an
  // if), or none: the line that names it is the one to show.
  const named = lineOf(file, text);
  const line = named ?? (located?.[2] ? Number(located[2]) + from : undefined);
  return error(file, `template error: ${text}`, {
    line,
    column: named === undefined && located?.[2] && located[3] ? Number(located[3]) + from : undefined,
    code: 'template',
    hint: templateHint(text, config, env),
  });
}

/** How to fix the usual template errors: an unknown filter, a template that is not there. */
function templateHint(text: string, config: ResolvedConfig, env: nunjucks.Environment | undefined): string | undefined {
  const filter = /filter not found: ([\w$]+)/.exec(text)?.[1];
  if (filter) {
    const available = env ? Object.keys((env as unknown as { filters: Record<string, unknown> }).filters).sort() : [];
    const meant = closest(filter, available);
    return `${meant ? `did you mean "${meant}"? ` : ''}available filters: ${available.join(', ')}`;
  }
  const missing = /template not found: (\S+)/.exec(text)?.[1];
  if (missing) {
    const [own, builtin] = config.templateDirs.map((dir) => displayPath(dir, config.root));
    return `"${missing}" is in neither ${own}/ nor the built-in theme (${builtin}); check the name, or create ${own}/${missing}`;
  }
  return undefined;
}

/** Nunjucks reports some errors without a line (unknown filters, missing templates); find the first use in the file. */
function lineOf(file: string, message: string): number | undefined {
  const filter = /filter not found: ([\w$]+)/.exec(message)?.[1];
  const missing = /template not found: (\S+)/.exec(message)?.[1];
  const pattern = filter ? new RegExp(`\\|\\s*${filter}\\b`) : missing ? new RegExp(`["']${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`) : undefined;
  if (!pattern || !fs.existsSync(file)) return undefined;
  const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((text) => pattern.test(text));
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
