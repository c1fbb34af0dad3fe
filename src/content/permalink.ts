// Jekyll-style `permalink:` → a site path inside the output folder, or a reason to refuse it.
import { reservedPathSegment } from './reserved-names.js';

export type PermalinkResult = { path: string } | { error: string };

/**
 * `/news/gpt-4o/` stays as is; `news/x` becomes `/news/x`. Anything that could leave the output
 * folder is refused: `..` segments, also percent-encoded (`%2e%2e`), encoded slashes or
 * backslashes, NUL bytes, and absolute URLs to other sites; so are reserved names (reserved-names.ts).
 * Messages name the value as `shown` says (a config pattern is checked through a stand-in path).
 */
export function normalizePermalink(value: string, shown: { label: string; text: string } = { label: 'permalink', text: value.trim() }): PermalinkResult {
  const raw = value.trim();
  const named = `${shown.label} "${shown.text}"`;
  if (raw === '') return { error: `${shown.label} is empty` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    return { error: `${named} must be a path on this site, not a URL` };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { error: `${named} has broken percent-encoding` };
  }
  if (/%2f|%5c/i.test(raw) || decoded.includes('\\') || decoded.includes('\0') || /%(?:25)+/i.test(raw)) {
    return { error: `${named} contains an encoded slash, backslash or percent sign` };
  }
  const segments = decoded.normalize('NFC').split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { error: `${named} points outside the output folder` };
  }
  const reserved = reservedPathSegment(decoded.normalize('NFC'));
  if (reserved) return { error: `${named} uses a name no site may have: ${reserved}` };
  const trailing = decoded.endsWith('/');
  const clean = segments.filter(Boolean).join('/');
  if (clean === '') return { error: `${named} would replace the site's home page` };
  return { path: `/${clean}${trailing ? '/' : ''}` };
}
