// What walking a posts folder finds (load.ts findPostFiles): the post files, with the folder each
// was found in, and what was left out. The dev server keeps a listing between runs (cache.ts).
import type { SkippedFile } from '../content/post-files.js';
import type { Diagnostic } from '../diagnostics.js';

/** The post files of a posts folder, the Markdown files that are not posts, and the links not followed (findPostFiles). */
export interface PostListing {
  files: PostFileEntry[];
  skipped: SkippedFile[];
  /** Symbolic links refused (leading out of the folder) or not followed (to a folder read already). */
  diagnostics: Diagnostic[];
}

export interface PostFileEntry {
  sourcePath: string;
  id: string;
  /** The folder it was found in (the posts folder or the `_drafts/` beside it): reading may not leave it. */
  area: PostArea;
}

/** A folder whose posts are read. */
export interface PostArea {
  /** Its real path: a link may lead only inside it. */
  realRoot: string;
  /** How messages name it. */
  name: string;
}
