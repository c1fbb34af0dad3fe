// `omnipress migrate-check`: options → migrateCheck() → a report as text or JSON. Always exit 0
// once the report is made (it is an evaluation, not a gate); 2 for usage errors.
import path from 'node:path';
import { migrateCheck } from '../migrate/migrate-check.js';
import { oldConfigIn } from '../migrate/old-site.js';
import { toJsonReport, toTextReport } from '../migrate/report-format.js';
import { commandArgs, isDirectory, usage, type Io } from './io.js';

export const MIGRATE_CHECK_USAGE = 'omnipress migrate-check --posts DIR [--from DIR] [--root DIR] [--format text|json]';

export const MIGRATE_CHECK_HELP = `Usage: ${MIGRATE_CHECK_USAGE}

omnipress migrate-check reads an existing blog's posts folder (Jekyll/Chirpy _posts, Hexo
source/_posts, Hugo content) and reports, without writing anything: how many posts build as
they are and which do not (with their errors), the files that are not posts, every warning
grouped by kind with counts and first occurrences, the links to the old site's URLs grouped
by old pattern, and the omnipress.yml lines to add: the languages the posts are written in, the
time zone, and the old URL pattern as legacyPermalink, each with where it came from. The posts
are judged against that suggested config, and against the current one when they differ.

It reads the old generator's config (Jekyll or Hexo _config.yml, Hugo hugo.toml|yaml|json or
config.toml|yaml|json) from --from DIR, or from beside the posts folder when one is there.

Options:
  --posts DIR      the blog's posts folder (required)
  --from DIR       the old site's folder, holding its _config.yml or hugo.toml, read from
                   --root like --posts (default: the posts folder's parent or grandparent,
                   when it holds one)
  --root DIR       site folder whose omnipress.yml the posts are checked against (default: the current folder)
  --format FORMAT  text (default) or json

Exit codes: 0 once the report is made (even with broken posts or warnings), 2 usage errors.

Examples:
  omnipress migrate-check --posts _posts
  omnipress migrate-check --posts source/_posts --format json
  omnipress migrate-check --posts ../myblog/content --from ../myblog
`;

export async function runMigrateCheck(args: string[], io: Io): Promise<number> {
  const parsed = commandArgs(io, MIGRATE_CHECK_HELP, {
    args,
    strict: true,
    allowPositionals: false,
    options: {
      root: { type: 'string' },
      posts: { type: 'string' },
      from: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, `--format must be text or json, got "${format}"`);
  if (values.posts === undefined) return usage(io, 'migrate-check needs --posts DIR, the folder holding the posts');
  if (values.root !== undefined && !isDirectory(values.root)) return usage(io, `--root ${values.root} is not a folder`);
  const postsDir = path.resolve(values.root ?? '.', values.posts);
  if (!isDirectory(postsDir)) return usage(io, `--posts ${values.posts} is not a folder`);

  // Like --posts, read from the site folder.
  const from = values.from === undefined ? undefined : path.resolve(values.root ?? '.', values.from);
  if (from !== undefined) {
    if (!isDirectory(from)) return usage(io, `--from ${values.from} is not a folder`);
    if (oldConfigIn(from) === undefined) {
      return usage(io, `--from ${values.from} holds no _config.yml, hugo.toml|yaml|json or config.toml|yaml|json`);
    }
  }

  const report = await migrateCheck({ root: values.root, posts: values.posts, from });
  io.stdout.write(format === 'json' ? `${JSON.stringify(toJsonReport(report), null, 2)}\n` : toTextReport(report));
  return 0;
}

