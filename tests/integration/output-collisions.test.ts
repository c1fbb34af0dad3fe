// A post's page or old address in the place of another output — a feed, the sitemap, robots.txt,
// the theme's files, the search index, the 404 page, a file of public/ — is an error at the
// post's `permalink:` (or `aliases:`) line naming the other side; the build exits 1 and the site
// already published stays as it was. Built with the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, runCli, siteFromFiles, type CliResult } from '../helpers/site.js';

function build(root: string): CliResult {
  return runCli(['build', '--root', root], { cwd: root });
}

function reported(result: CliResult): string[] {
  return `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /^\S+:\d+ (error|warning): /.test(line));
}

const A = { 'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\nThe real post.\n' };

describe('a permalink in the place of a generated file', () => {
  it.each([
    ['/en/feed.xml', 'this post\'s page /en/feed.xml would replace the generated file /en/feed.xml'],
    ['/en/feed.json', 'this post\'s page /en/feed.json would replace the generated file /en/feed.json'],
    ['/sitemap.xml', 'this post\'s page /sitemap.xml would replace the generated file /sitemap.xml'],
    ['/robots.txt', 'this post\'s page /robots.txt would replace the generated file /robots.txt'],
    ['/assets/style.css', 'this post\'s page /assets/style.css would replace the generated folder /assets/'],
    ['/pagefind/pagefind.js', 'this post\'s page /pagefind/pagefind.js would replace the generated folder /pagefind/'],
    ['/404.html', 'two pages would be written to 404.html: this post and the generated page /404.html'],
    ['/EN/Feed.XML', 'this post\'s page /EN/Feed.XML would replace the generated file /EN/Feed.XML'],
  ])('%s is an error at the permalink line, and the published site stays as it was', (permalink, message) => {
    const root = siteFromFiles(A);
    expect(build(root).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    fs.writeFileSync(path.join(root, 'posts/b.md'), `---\ntitle: B\nlang: en\npermalink: ${permalink}\n---\nText.\n`);
    const result = build(root);
    expect(result.status).toBe(1);
    expect(reported(result)).toEqual([`posts/b.md:4 error: ${message}`]);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it('is reported by omnipress check too', () => {
    const root = siteFromFiles({ ...A, 'posts/b.md': '---\ntitle: B\nlang: en\npermalink: /sitemap.xml\n---\nText.\n' });
    const result = runCli(['check', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(reported(result)).toContain("posts/b.md:4 error: this post's page /sitemap.xml would replace the generated file /sitemap.xml");
  });
});

describe('a page or redirect in the place of a public/ file', () => {
  it('is an error at the permalink or aliases line naming the file', () => {
    const root = siteFromFiles({
      ...A,
      'posts/b.md': '---\ntitle: B\nlang: en\npermalink: /about.html\n---\nText.\n',
      'posts/c.md': '---\ntitle: C\nlang: en\naliases: [/old/]\n---\nText.\n',
      'public/about.html': '<p>the site’s own about page</p>',
      'public/old/index.html': '<p>kept on purpose</p>',
    });
    const result = build(root);
    expect(result.status).toBe(1);
    expect(reported(result)).toEqual([
      'posts/b.md:4 error: two files would be written to about.html: the page of posts/b.md:4 and the file public/about.html',
      'posts/c.md:4 error: two files would be written to old/index.html: the redirect page /old/ of posts/c.md:4 and the file public/old/index.html',
    ]);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('stays a warning for a page omnipress generates, which replaces the file', () => {
    const root = siteFromFiles({ ...A, 'public/404.html': 'mine' });
    const result = build(root);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/public\/404\.html.*is replaced by a page omnipress generates/);
    expect(fs.readFileSync(path.join(root, '_site/404.html'), 'utf8')).not.toBe('mine');
  });
});
