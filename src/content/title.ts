// Posts without a front-matter title (Hexo drafts, plain Markdown notes) take the first `# H1`.
import { readText } from './fields.js';

/**
 * The title the author wrote: front matter `title` (when it is text), else the first `# H1`, then
 * blanked from the body. Undefined when neither is there (the caller names the post after its file).
 */
export function writtenTitle(value: unknown, body: string): { title?: string; body: string } {
  const title = value === undefined || value === null ? undefined : readText(value);
  if (title) return { title, body };
  return takeH1Title(body) ?? { body };
}

/**
 * The first ATX level-1 heading outside code fences, and the body with that line blanked —
 * blanked, not removed, so that line numbers of everything after it stay true.
 */
export function takeH1Title(body: string): { title: string; body: string } | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence) continue;
    const h1 = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (h1) {
      lines[i] = '';
      return { title: h1[1]!.trim(), body: lines.join('\n') };
    }
  }
  return undefined;
}
