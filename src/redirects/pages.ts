// The page written at an old address: a refresh to the post's address, its canonical link for
// search engines, a link for readers whose browser does not follow refreshes, and `noindex`. No
// script, no stylesheet: it is seen for an instant, if at all.
import { escapeUTF8 } from 'entities';
import type { OutputFile, Site } from '../types.js';
import { publicUrls } from '../urls/public-urls.js';

export function redirectPages(site: Site): OutputFile[] {
  const { config } = site;
  const urls = publicUrls(config);
  const tagOf = new Map(config.languages.map((l) => [l.code, l.tag]));
  return site.redirects.map((redirect) => {
    const post = site.postsById.get(redirect.postId)!;
    const target = site.postUrls.get(redirect.postId)!;
    const href = escapeUTF8(urls.href(target));
    const title = escapeUTF8(post.title);
    const html = [
      '<!DOCTYPE html>',
      `<html lang="${escapeUTF8(tagOf.get(post.lang) ?? post.lang)}">`,
      '<head>',
      '<meta charset="utf-8">',
      `<title>${title}</title>`,
      '<meta name="robots" content="noindex">',
      `<link rel="canonical" href="${escapeUTF8(urls.full(target))}">`,
      `<meta http-equiv="refresh" content="0; url=${href}">`,
      '</head>',
      '<body>',
      `<p><a href="${href}">${title}</a></p>`,
      '</body>',
      '</html>',
      '',
    ].join('\n');
    return { path: redirect.outputPath, content: html };
  });
}
