// The files omnipress writes besides the pages of the model: feeds, sitemaps, robots.txt, the web
// manifest, and two folders it fills itself (`assets/`: the theme and the diagrams runtime;
// `pagefind/`: the search index, known only once it is built). A post's page, an old address or a file linked beside a
// post may take none of them; the model and the post-asset step ask here before anything is written.
import type { ResolvedConfig } from '../types.js';
import { FEED_FORMATS } from './feed-paths.js';

/** Folders whose whole content omnipress generates. */
const GENERATED_FOLDERS = ['assets', 'pagefind'];

/** An output path compared the way a case-insensitive file system would (macOS, Windows). */
export function outputKey(outputPath: string): string {
  return outputPath.normalize('NFC').toLowerCase();
}

/** The folders `key` lies in, outermost first: `a/b/c.html` → `a`, `a/b`. */
export function foldersOf(key: string): string[] {
  const folders: string[] = [];
  for (let at = key.indexOf('/'); at !== -1; at = key.indexOf('/', at + 1)) folders.push(key.slice(0, at));
  return folders;
}

/**
 * What generated file or folder `outputPath` would replace or need as a folder (`the generated
 * file /ko/feed.xml` for `ko/feed.xml` and for `ko/feed.xml/index.html`, `the generated folder
 * /assets/`), or undefined when none.
 */
export function generatedOwner(outputPath: string, config: ResolvedConfig): string | undefined {
  const key = outputKey(outputPath);
  const folder = GENERATED_FOLDERS.find((dir) => key === dir || key.startsWith(`${dir}/`));
  if (folder) return `the generated folder /${folder}/`;
  const files = generatedFiles(config);
  const file = [key, ...foldersOf(key)].map((path) => files.get(path)).find((found) => found !== undefined);
  return file === undefined ? undefined : `the generated file /${file}`;
}

const filesByConfig = new WeakMap<ResolvedConfig, Map<string, string>>();

/** The sitemaps, robots.txt, the web manifest and every language's feeds: output path by output key. */
function generatedFiles(config: ResolvedConfig): Map<string, string> {
  let files = filesByConfig.get(config);
  if (!files) {
    const paths = ['sitemap.xml', 'robots.txt', 'manifest.webmanifest', ...(config.news ? ['news-sitemap.xml'] : []), ...config.languages.flatMap((l) => FEED_FORMATS.map((f) => `${l.code}/${f.file}`))];
    files = new Map(paths.map((file) => [outputKey(file), file]));
    filesByConfig.set(config, files);
  }
  return files;
}
