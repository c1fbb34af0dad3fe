// Where a site's posts probably are when the posts folder given has none: a Jekyll or Hexo repo
// (`_posts/`, `source/_posts/`) or a Hugo one (`content/posts/`, `content/`) whose own folder was
// passed instead of its posts folder. Read by the commands for a hint, never by the pipeline.
import fs from 'node:fs';
import path from 'node:path';
import { POST_EXTENSIONS } from './post-files.js';

/** Where Jekyll, Hexo and Hugo keep posts, relative to their repository. */
const KNOWN_LAYOUTS = ['_posts', 'source/_posts', 'content/posts', 'content/post', 'content/blog', 'content', 'posts'];

/** The folders under `dir`, in KNOWN_LAYOUTS, that hold Markdown at any depth ('/'-separated, relative to `dir`). */
export function likelyPostsFolders(dir: string): string[] {
  return KNOWN_LAYOUTS.filter((rel) => holdsMarkdown(path.join(dir, rel)));
}

function holdsMarkdown(dir: string): boolean {
  try {
    return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => POST_EXTENSIONS.test(name));
  } catch {
    return false;
  }
}
