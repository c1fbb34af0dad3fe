// The files omnipress writes besides the pages of the model: feeds, sitemap, robots.txt, and two
// folders it fills itself (`assets/`: the theme and the diagrams runtime; `pagefind/`: the search
// index, known only once it is built). A post's page, an old address or a file linked beside a
// post may take none of them; the model and the post-asset step ask here before anything is written.
import { FEED_FORMATS } from '../feeds/feeds.js';
import type { ResolvedConfig } from '../types.js';

/** Folders whose whole content omnipress generates. */
const GENERATED_FOLDERS = ['assets', 'pagefind'];

/** An output path compared the way a case-insensitive file system would (macOS, Windows). */
export function outputKey(outputPath: string): string {
  return outputPath.normalize('NFC').toLowerCase();
}

/**
 * What generated file or folder `outputPath` would replace (`the generated file /ko/feed.xml`,
 * `the generated folder /assets/`), or undefined when none.
 */
export function generatedOwner(outputPath: string, config: ResolvedConfig): string | undefined {
  const key = outputKey(outputPath);
  const folder = GENERATED_FOLDERS.find((dir) => key.startsWith(`${dir}/`));
  if (folder) return `the generated folder /${folder}/`;
  return generatedFiles(config).has(key) ? `the generated file /${outputPath}` : undefined;
}

const filesByConfig = new WeakMap<ResolvedConfig, Set<string>>();

/** sitemap.xml, robots.txt and every language's feeds, as output keys. */
function generatedFiles(config: ResolvedConfig): Set<string> {
  let files = filesByConfig.get(config);
  if (!files) {
    files = new Set(['sitemap.xml', 'robots.txt', ...config.languages.flatMap((l) => FEED_FORMATS.map((f) => outputKey(`${l.code}/${f.file}`)))]);
    filesByConfig.set(config, files);
  }
  return files;
}
