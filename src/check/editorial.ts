// What an editor wants listed before publishing, none of it an error: stories missing a
// translation in a configured language, drafts, and posts scheduled for later.
import { info, type Diagnostic } from '../diagnostics.js';
import { isoDate } from '../content/dates.js';
import type { Lang, Post, ResolvedConfig, Site } from '../types.js';

/** One note per story lacking some configured language: `gpt-4o-voice has no en translation`. */
export function missingTranslations(site: Site): Diagnostic[] {
  const codes = site.config.languages.map((l) => l.code);
  if (codes.length < 2) return [];
  const stories = new Map<string, Map<Lang, Post>>();
  for (const post of site.posts) {
    const story = stories.get(post.translationKey) ?? new Map<Lang, Post>();
    stories.set(post.translationKey, story);
    if (!story.has(post.lang)) story.set(post.lang, post);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [key, story] of stories) {
    const missing = codes.filter((code) => !story.has(code));
    if (missing.length === 0) continue;
    // Noted on the story's post in the first configured language it has.
    const first = story.get(codes.find((code) => story.has(code))!)!;
    diagnostics.push(
      info(first.sourcePath, `${key} has no ${orList(missing)} translation`, {
        line: first.keyLines.translationKey ?? first.keyLines.translation_key,
        hint: `a translation is a post in another language with the same slug or translationKey: ${key}`,
      }),
    );
  }
  return diagnostics;
}

/** Drafts and scheduled posts, each on the line that decides it. */
export function unpublishedPosts(posts: readonly Post[], config: ResolvedConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const post of posts) {
    if (post.draft) {
      const included = config.drafts ? 'included because of --drafts' : 'not published';
      diagnostics.push(
        info(post.sourcePath, `draft: ${included}`, {
          line: post.keyLines.draft ?? post.keyLines.published,
          hint: config.drafts ? undefined : 'remove `draft: true` (or `published: false`) to publish it; build with --drafts to preview it',
        }),
      );
    } else if (post.date > config.now) {
      const when = isoDate(post.date, config.timeZone).replace('T', ' ');
      const included = config.future ? 'included because of --future' : 'published by the first build after that';
      diagnostics.push(info(post.sourcePath, `scheduled for ${when}: ${included}`, { line: post.keyLines.date }));
    }
  }
  return diagnostics;
}

/** `en`, `zh or en`, `ko, zh or en`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
