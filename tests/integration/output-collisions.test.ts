// A post's page or old address in the place of another output — a feed, the sitemap, robots.txt,
// the theme's files, the search index, the 404 page, a file of public/ — is an error at the
// post's `permalink:` (or `aliases:`) line naming the other side; the build exits 1 and the site
// already published stays as it was. Built with the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportedLines } from '../helpers/migrate.js';
import { readTree, runCli, siteFromFiles, type CliResult } from '../helpers/site.js';

// In this process, one build after another: a build refused with search on must leave the
// Pagefind services fit for the next one.
function build(root: string): Promise<CliResult> {
  return runCli(['build', '--root', root], { cwd: root });
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
    ['/EN/Feed.XML', 'this post\'s page /EN/Feed.XML would replace the generated file /en/feed.xml'],
    ['/sitemap.xml/', 'this post\'s page /sitemap.xml/ would replace the generated file /sitemap.xml'],
    ['/assets', 'this post\'s page /assets would replace the generated folder /assets/'],
  ])('%s is an error at the permalink line, and the published site stays as it was', async (permalink, message) => {
    const root = siteFromFiles(A);
    expect((await build(root)).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    fs.writeFileSync(path.join(root, 'posts/b.md'), `---\ntitle: B\nlang: en\npermalink: ${permalink}\n---\nText.\n`);
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual([`posts/b.md:4 error: ${message}`]);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it('is reported by omnipress check too', async () => {
    const root = siteFromFiles({ ...A, 'posts/b.md': '---\ntitle: B\nlang: en\npermalink: /sitemap.xml\n---\nText.\n' });
    const result = await runCli(['check', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toContain("posts/b.md:4 error: this post's page /sitemap.xml would replace the generated file /sitemap.xml");
  });
});

describe('a path that would have to be both a file and a folder', () => {
  it('is an error at the line that makes it, for pages, public/ files and linked files alike', async () => {
    const root = siteFromFiles({
      ...A,
      // A page inside another page's file.
      'posts/news.md': '---\ntitle: News\nlang: en\npermalink: /news.html\n---\nText.\n',
      'posts/more.md': '---\ntitle: More\nlang: en\npermalink: /news.html/more/\n---\nText.\n',
      // A public/ file where a page needs a folder.
      'posts/team.md': '---\ntitle: Team\nlang: en\npermalink: /team/\n---\nText.\n',
      'public/team': 'a file, not a folder',
      // A post's file inside another page's file.
      'posts/press/about.md': '---\ntitle: Press\nlang: en\npermalink: /press/about.html\n---\n[read me](kit.zip/readme.txt)\n',
      'posts/press/kit.zip/readme.txt': 'read me',
      'posts/kit.md': '---\ntitle: Kit\nlang: en\npermalink: /press/kit.zip\n---\nA page with an odd name.\n',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    // One run reports them all: the model's, and those of the files made of the other posts.
    expect(reportedLines(result)).toEqual([
      "posts/more.md:4 error: this post's page /news.html/more/ would have to be inside the file of the page /news.html",
      'posts/press/about.md:6 error: press/kit.zip would have to be both a file and a folder: file kit.zip/readme.txt of posts/press/about.md:6 and the page of posts/kit.md:4',
      'posts/team.md:4 error: team would have to be both a file and a folder: the page of posts/team.md:4 and the file public/team',
    ]);
    fs.rmSync(path.join(root, 'posts/more.md'));
    const second = await build(root);
    expect(second.status).toBe(1);
    expect(reportedLines(second)).toEqual([
      'posts/press/about.md:6 error: press/kit.zip would have to be both a file and a folder: file kit.zip/readme.txt of posts/press/about.md:6 and the page of posts/kit.md:4',
      'posts/team.md:4 error: team would have to be both a file and a folder: the page of posts/team.md:4 and the file public/team',
    ]);
    expect(second.stderr).not.toMatch(/ENOTDIR|EEXIST|EISDIR/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

describe('two files omnipress makes itself at one path', () => {
  it('is an error naming both, instead of one silently replacing the other', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\n```mermaid\ngraph TD; A-->B\n```\n',
      'templates/assets/mermaid/mermaid.esm.min.mjs': 'export default {};\n',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'omnipress.yml error: two files would be written to assets/mermaid/mermaid.esm.min.mjs: the theme file templates/assets/mermaid/mermaid.esm.min.mjs and the diagrams runtime',
    );
  });
});

describe('a page or redirect in the place of a public/ file', () => {
  it('is an error at the permalink or aliases line naming the file', async () => {
    const root = siteFromFiles({
      ...A,
      'posts/b.md': '---\ntitle: B\nlang: en\npermalink: /about.html\n---\nText.\n',
      'posts/c.md': '---\ntitle: C\nlang: en\naliases: [/old/]\n---\nText.\n',
      'public/about.html': '<p>the site’s own about page</p>',
      'public/old/index.html': '<p>kept on purpose</p>',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual([
      'posts/b.md:4 error: two files would be written to about.html: the page of posts/b.md:4 and the file public/about.html',
      'posts/c.md:4 error: two files would be written to old/index.html: the redirect page /old/ of posts/c.md:4 and the file public/old/index.html',
    ]);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('stays a warning for a page omnipress generates, which replaces the file', async () => {
    const root = siteFromFiles({ ...A, 'public/404.html': 'mine' });
    const result = await build(root);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/public\/404\.html.*is replaced by a page omnipress generates/);
    expect(fs.readFileSync(path.join(root, '_site/404.html'), 'utf8')).not.toBe('mine');
  });
});
