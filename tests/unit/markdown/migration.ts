// Test helper for the migration plugins: renders a body as the post `ko/2024-01-01-post.md`
// (body starting on file line 5), with a small cross-post lookup and the theme's UI strings.
import { createMarkdown, type RenderedMarkdown } from '../../../src/markdown/renderer.js';
import type { LinkTarget, PostLookup } from '../../../src/markdown/post-lookup.js';

export const FILE = '/site/posts/ko/2024-01-01-post.md';

const target = (id: string, url: string, title: string, lang: string): LinkTarget => ({ id, url, title, lang });
const koOther = target('ko/2024-02-01-other.md', '/ko/posts/other/', '다른 글', 'ko');
const enOther = target('en/2024-02-01-other.md', '/en/posts/other/', 'The other one', 'en');
const bundle = target('posts/trip/index.md', '/en/posts/trip/', 'A trip', 'en');

export const LOOKUP: PostLookup = {
  byPath: { [koOther.id]: koOther, [enOther.id]: enOther, [bundle.id]: bundle },
  byName: { other: [enOther, koOther], '2024-02-01-other': [enOther, koOther], trip: [bundle] },
};

const STRINGS = {
  ko: { calloutNote: '참고', calloutTip: '팁', calloutInfo: '정보', calloutWarning: '주의', calloutDanger: '위험', videoOnYoutube: 'YouTube에서 보기' },
  en: { calloutNote: 'Note', calloutTip: 'Tip', calloutInfo: 'Info', calloutWarning: 'Warning', calloutDanger: 'Danger', videoOnYoutube: 'Watch on YouTube' },
};

export function render(body: string, options: { lang?: string; lookup?: PostLookup; basePath?: string } = {}): RenderedMarkdown {
  const md = createMarkdown({ trustedHtml: false, siteOrigin: 'https://example.org', basePath: options.basePath ?? '/', strings: STRINGS });
  return md.render(body, { file: FILE, bodyLine: 5, id: 'ko/2024-01-01-post.md', lang: options.lang ?? 'ko', lookup: options.lookup ?? LOOKUP });
}

/** Diagnostics as `line code: message`, for compact assertions. */
export function problems(result: RenderedMarkdown): string[] {
  return result.diagnostics.map((d) => `${d.line} ${d.code ?? '-'}: ${d.message}`);
}
