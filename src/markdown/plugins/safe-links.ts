// safe-links: replaces markdown-it's validateLink with the shared URL policy (urls.ts), so
// Markdown links, autolinks and linkified URLs refuse exactly what the raw-HTML sanitizer
// refuses: `javascript:`, `vbscript:`, `file:`, `data:` except raster images, unknown schemes —
// also when hidden behind entities, case or whitespace. A refused link stays visible as text.
// Needs: nothing.
import type MarkdownIt from 'markdown-it';
import { isSafeUrl } from '../urls.js';

export function safeLinksPlugin(md: MarkdownIt): void {
  md.validateLink = isSafeUrl;
}
