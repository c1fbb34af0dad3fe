// What an editor wants listed before publishing, none of it an error: drafts, and posts
// scheduled for later.
import { info, type Diagnostic } from '../diagnostics.js';
import { isoDate } from '../content/dates.js';
import type { Post, ResolvedConfig } from '../types.js';

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
