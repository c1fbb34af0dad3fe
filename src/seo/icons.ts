// The site's icons: the favicon of the browser tab, the `apple-touch-icon` a phone puts on its
// home screen, and the icons of the web manifest. A site's own files in public/ win
// (`favicon.svg|png|ico`, `apple-touch-icon.png`, the names Jekyll and Hugo sites keep at their
// root); else the theme's `assets/favicon.svg`. The built-in theme ships PNG copies of its own
// favicon (iOS takes no SVG touch icon); a favicon of the site's own is never paired with them,
// so a site whose favicon is an SVG and that has no `apple-touch-icon.png` gets no touch icon
// (iOS then shows a picture of the page) and a manifest with the SVG alone.
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../types.js';
import { readDimensions } from '../util/image-dimensions.js';

/** Where the manifest is published. */
export const MANIFEST_PATH = 'manifest.webmanifest';

const TYPES: Readonly<Record<string, string>> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

export interface IconFile {
  /** Site path: `/favicon.png`, `/assets/favicon.svg`. */
  sitePath: string;
  type: string;
  /** `sizes` of the manifest: `180x180`, `any` for SVG. */
  sizes: string;
}

export interface SiteIcons {
  favicon: IconFile;
  /** `<link rel="apple-touch-icon">`: a PNG, when the site has one. */
  touchIcon?: IconFile;
  /** The web manifest's icons, largest last. */
  manifestIcons: IconFile[];
}

export function siteIcons(config: Pick<ResolvedConfig, 'publicDir' | 'templateDirs'>): SiteIcons {
  const fromPublic = (name: string) => iconFile(path.join(config.publicDir, name), `/${name}`);
  const ownFavicon = ['favicon.svg', 'favicon.png', 'favicon.ico'].map(fromPublic).find((icon) => icon !== undefined);
  const themeDir = config.templateDirs.find((dir) => fs.existsSync(path.join(dir, 'assets', 'favicon.svg')));
  // The built-in theme is the last template folder; its PNGs are drawings of its own favicon only.
  const builtin = !ownFavicon && themeDir !== undefined && themeDir === config.templateDirs.at(-1);
  const fromTheme = (name: string) => (themeDir ? iconFile(path.join(themeDir, 'assets', name), `/assets/${name}`) : undefined);
  const favicon = ownFavicon ?? fromTheme('favicon.svg') ?? { sitePath: '/assets/favicon.svg', type: TYPES['.svg']!, sizes: 'any' };
  const touchIcon = fromPublic('apple-touch-icon.png') ?? (builtin ? fromTheme('apple-touch-icon.png') : favicon.type === TYPES['.png'] ? favicon : undefined);
  const large = builtin ? fromTheme('icon-512.png') : undefined;
  const manifestIcons = [favicon.type === TYPES['.ico'] ? undefined : favicon, touchIcon, large]
    .filter((icon, i, all): icon is IconFile => icon !== undefined && all.indexOf(icon) === i);
  return { favicon, ...(touchIcon && { touchIcon }), manifestIcons };
}

function iconFile(file: string, sitePath: string): IconFile | undefined {
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!type || !fs.existsSync(file)) return undefined;
  const size = type === TYPES['.png'] ? readDimensions(file) : undefined;
  return { sitePath, type, sizes: type === TYPES['.svg'] ? 'any' : size ? `${size.width}x${size.height}` : 'any' };
}

/** The web manifest: the site's name in its default language, where it starts, its icons. */
export function manifestText(
  config: Pick<ResolvedConfig, 'languages' | 'defaultLang' | 'basePath'>,
  icons: SiteIcons,
  href: (sitePath: string) => string,
): string {
  const language = config.languages.find((l) => l.code === config.defaultLang) ?? config.languages[0]!;
  const manifest = {
    name: language.title,
    short_name: language.title,
    lang: language.tag,
    start_url: href('/'),
    scope: href('/'),
    display: 'browser',
    icons: icons.manifestIcons.map((icon) => ({ src: href(icon.sitePath), sizes: icon.sizes, type: icon.type })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
