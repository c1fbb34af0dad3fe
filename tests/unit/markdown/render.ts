// Test helper: render a body as if it started on line 5 of a post file (front matter above it),
// so every diagnostic line in these tests is the file line, not the body line.
import { type MarkdownOptions, type RenderedMarkdown, createMarkdown } from '../../../src/markdown/renderer.js';

export const FILE = '/site/posts/ko/2024-01-01-post.md';
export const BODY_LINE = 5;

export function renderer(options: Partial<MarkdownOptions> = {}): (body: string) => RenderedMarkdown {
  const md = createMarkdown({ trustedHtml: false, siteOrigin: 'https://example.org', ...options });
  return (body) => md.render(body, { file: FILE, bodyLine: BODY_LINE });
}

/** `lines` joined with newlines: body line i is file line BODY_LINE + i. */
export function lines(...body: string[]): string {
  return body.join('\n');
}
