// Files a post links beside itself are published on the site's own origin, so what may be copied
// is decided, not assumed: only types browsers never run (unless the site sets trustedAssets),
// never a host's configuration file or a page name, never over another output. Every refusal is
// one error at the link's line, the build exits 1, and the site already published stays byte for
// byte as it was. Built with the real CLI, read with a real HTML parser.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { reportedLines } from '../helpers/migrate.js';
import { readTree, runCli, siteFromFiles, type CliResult } from '../helpers/site.js';

function build(root: string, ...args: string[]): Promise<CliResult> {
  return runCli(['build', '--root', root, ...args], { cwd: root });
}

/** A site that built once (so there is a live _site/ and a warm cache), with `files` added afterwards. */
async function publishedSite(files: Record<string, string | Uint8Array>) {
  const root = siteFromFiles({ 'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\nThe real post.\n' });
  expect((await build(root)).status).toBe(0);
  const before = readTree(path.join(root, '_site'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return { root, before };
}

const SCRIPT_PAGE = '<!DOCTYPE html><script>alert(document.domain)</script>';
const SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>';

describe('a post that links host files and page names beside a root permalink', () => {
  it('is refused, one error per link naming its line, and the live site stays as it was', async () => {
    const { root, before } = await publishedSite({
      'posts/en/2024-05-02-about.md': '---\ntitle: About\npermalink: /about.html\n---\n![](index.html)\n\n![](404.html)\n\n![](_redirects)\n\n![](_headers)\n\n[domain](CNAME)\n',
      'posts/en/index.html': SCRIPT_PAGE,
      'posts/en/404.html': SCRIPT_PAGE,
      'posts/en/_redirects': '/*  https://evil.example/:splat  301!\n',
      'posts/en/_headers': '/*\n  Content-Security-Policy: none\n',
      'posts/en/CNAME': 'evil.example\n',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    const file = 'posts/en/2024-05-02-about.md';
    expect(reportedLines(result)).toEqual([
      `${file}:5 error: image index.html is not copied: a file named index.html is served as a page of the site`,
      `${file}:7 error: image 404.html is not copied: a file named 404.html is served as a page of the site`,
      `${file}:9 error: image _redirects is not copied: web hosts read _redirects as the whole site's configuration`,
      `${file}:11 error: image _headers is not copied: web hosts read _headers as the whole site's configuration`,
      `${file}:13 error: file CNAME is not copied: web hosts read CNAME as the whole site's configuration`,
    ]);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it('stays refused with trustedAssets', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'trustedAssets: true\n',
      'posts/about.md': '---\ntitle: About\nlang: en\npermalink: /about.html\n---\n![](index.html)\n\n![](_redirects)\n',
      'posts/index.html': SCRIPT_PAGE,
      'posts/_redirects': '/* https://evil.example 301!\n',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result).map((line) => line.replace(/ is not copied.*/, ''))).toEqual([
      'posts/about.md:6 error: image index.html',
      'posts/about.md:8 error: image _redirects',
    ]);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

describe('a post linking a file named like its own page', () => {
  it('cannot replace the page, on a warm build whose unchanged pages are links to the live ones', async () => {
    // b sits beside a's folder: its `a/index.html` would be a's page, which the warm build links
    // from the live site unchanged.
    const { root, before } = await publishedSite({
      'posts/en/2024-05-02-b.md': '---\ntitle: B\npermalink: /en/posts/b.html\n---\n![x](a/index.html)\n',
      'posts/en/a/index.html': SCRIPT_PAGE,
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual(['posts/en/2024-05-02-b.md:5 error: image a/index.html is not copied: a file named index.html is served as a page of the site']);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
    expect(fs.readFileSync(path.join(root, '_site/en/posts/a/index.html'), 'utf8')).toContain('The real post.');
  });

  it('without a permalink, cannot replace its own page', async () => {
    const { root, before } = await publishedSite({
      'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\nThe real post, edited.\n\n![x](index.html)\n',
      'posts/en/index.html': SCRIPT_PAGE,
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual(['posts/en/2024-05-01-a.md:6 error: image index.html is not copied: a file named index.html is served as a page of the site']);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });
});

describe('the types of file a post may publish', () => {
  const refused: Array<[string, string, RegExp]> = [
    ['![](page.html)', 'page.html', /image page\.html is not copied: a \.html file can run code on the site/],
    ['![](drawing.svg)', 'drawing.svg', /image drawing\.svg is not copied: a \.svg file can run code on the site/],
    ['[doc](page.xhtml)', 'page.xhtml', /file page\.xhtml is not copied: a \.xhtml file can run code on the site/],
    ['[data](feed.xml)', 'feed.xml', /file feed\.xml is not copied: a \.xml file can run code/],
    ['[code](app.js)', 'app.js', /file app\.js is not copied: a \.js file can run code/],
    ['[style](theme.css)', 'theme.css', /file theme\.css is not copied: a \.css file can run code/],
    ['[module](lib.wasm)', 'lib.wasm', /file lib\.wasm is not copied: a \.wasm file can run code/],
    ['[a page](page2.html)', 'page2.html', /file page2\.html is not copied: a \.html file can run code on the site/],
    ['[track](route.gpx)', 'route.gpx', /file route\.gpx is not copied: \.gpx is not a type posts may publish/],
    ['[notes](notes)', 'notes', /file notes is not copied: it has no file extension/],
    ['![](photo)', 'photo', /image photo is not copied: it has no file extension/],
    ['[secret](.env)', '.env', /file \.env is not copied: "\.env" starts with a dot/],
    ['![](.well-known/security.png)', '.well-known/security.png', /image \.well-known\/security\.png is not copied: "\.well-known" starts with a dot/],
  ];
  const allowed = ['photo.png', 'photo.JPG', 'anim.webp', 'slides.pdf', 'clip.mp4', 'talk.mp3', 'data.zip', 'notes.txt', 'table.csv', 'data.json', 'report.docx', 'captions.vtt'];

  it('refuses each type that could run code, and any other it does not know, with one error at its line', async () => {
    const files: Record<string, string> = {};
    for (const [, file] of refused) files[`posts/en/${file}`] = file.endsWith('svg') ? SCRIPT_SVG : SCRIPT_PAGE;
    const body = refused.map(([link]) => link).join('\n\n');
    const root = siteFromFiles({ ...files, 'posts/en/2024-05-01-a.md': `---\ntitle: A\n---\n${body}\n` });
    const result = await build(root);
    expect(result.status).toBe(1);
    const lines = reportedLines(result);
    expect(lines).toHaveLength(refused.length);
    refused.forEach(([, , message], i) => {
      expect(lines[i]).toMatch(new RegExp(`^posts/en/2024-05-01-a\\.md:${4 + 2 * i} error: `));
      expect(lines[i]).toMatch(message);
    });
    expect(result.stderr).toMatch(/set trustedAssets: true in the config if every author may run code on the site/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('copies images, media, documents, archives and plain data beside the page, byte for byte', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [i, name] of allowed.entries()) files[`posts/en/files/${name}`] = Uint8Array.from([i, 0, 255, 60, 115, 99, 114, 105, 112, 116, 62]);
    // A relative link with no file of its name beside the post is a link to a page, not a file.
    const body = [...allowed.map((name, i) => (i % 2 ? `[${name}](files/${name})` : `![${name}](files/${name})`)), '[elsewhere](elsewhere.html)'].join('\n\n');
    const root = siteFromFiles({ ...files, 'posts/en/2024-05-01-a.md': `---\ntitle: A\n---\n${body}\n` });
    const result = await build(root);
    expect(result.status, result.stderr).toBe(0);
    expect(reportedLines(result)).toEqual([]);
    const $ = page(root, 'en/posts/a/index.html');
    for (const name of allowed) {
      const url = $(`.post-body [src="files/${name}"], .post-body [href="files/${name}"]`);
      expect(url.length, name).toBe(1);
      expect(fs.readFileSync(path.join(root, '_site/en/posts/a/files', name))).toEqual(Buffer.from(files[`posts/en/files/${name}`]!));
    }
  });
});

describe('trustedAssets', () => {
  it('copies HTML and SVG, shows an SVG only as an image, and refuses a plain link to one', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'trustedAssets: true\n',
      'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\n![chart](chart.svg)\n\n[the demo](demo.xhtml)\n\n![frame](frame.html)\n\n[open the chart](chart.svg)\n',
      'posts/en/chart.svg': SCRIPT_SVG,
      'posts/en/demo.xhtml': SCRIPT_PAGE,
      'posts/en/frame.html': SCRIPT_PAGE,
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual([
      'posts/en/2024-05-01-a.md:10 error: file chart.svg is not copied: a link opens an SVG as a page of the site, where its scripts run',
    ]);
    expect(result.stderr).toMatch(/hint: show it as an image, !\[description\]\(file\.svg\)/);

    // Without the link, the SVG is shown as an image (where its script does not run).
    const post = fs.readFileSync(path.join(root, 'posts/en/2024-05-01-a.md'), 'utf8').replace('\n[open the chart](chart.svg)\n', '\n');
    fs.writeFileSync(path.join(root, 'posts/en/2024-05-01-a.md'), post);
    const second = await build(root);
    expect(second.status, second.stderr).toBe(0);
    const $ = page(root, 'en/posts/a/index.html');
    expect($('.post-body img[alt="chart"]').attr('src')).toBe('chart.svg');
    expect($('.post-body a[href="chart.svg"]')).toHaveLength(0);
    for (const name of ['chart.svg', 'demo.xhtml', 'frame.html']) {
      expect(fs.readFileSync(path.join(root, '_site/en/posts/a', name), 'utf8')).toBe(fs.readFileSync(path.join(root, 'posts/en', name), 'utf8'));
    }
  });

  it('must be true or false', async () => {
    const root = siteFromFiles({ 'omnipress.yml': 'title: T\ntrustedAssets: "yes"\n', 'posts/a.md': '# A\n' });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual(['omnipress.yml:2 error: trustedAssets must be true or false']);
  });
});

describe('a linked file that would take the place of another output', () => {
  it('is an error naming both: another post’s different file, a generated file, public/, a page', async () => {
    const root = siteFromFiles({
      'posts/one/about.md': '---\ntitle: About\nlang: en\npermalink: /about.html\n---\n![me](me.png)\n\n[feed](en/feed.json)\n\n![x](pagefind/logo.png)\n',
      'posts/one/me.png': 'one',
      'posts/one/en/feed.json': '{}',
      'posts/one/pagefind/logo.png': 'logo',
      'posts/two/contact.md': '---\ntitle: Contact\nlang: en\npermalink: /contact.html\n---\n![me](me.png)\n\n![logo](logo.png)\n',
      'posts/two/me.png': 'two',
      'posts/two/logo.png': 'logo',
      'public/logo.png': 'the site logo',
      'posts/three/press.md': '---\ntitle: Press\nlang: en\npermalink: /press/about.html\n---\n[the kit](kit.zip)\n',
      'posts/three/kit.zip': 'zip',
      'posts/four/kit.md': '---\ntitle: Kit\nlang: en\npermalink: /press/kit.zip\n---\nA page with an odd name.\n',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual([
      'posts/one/about.md:8 error: file en/feed.json is not copied: it would be written to /en/feed.json, in the generated file /en/feed.json',
      'posts/one/about.md:10 error: image pagefind/logo.png is not copied: it would be written to /pagefind/logo.png, in the generated folder /pagefind/',
      'posts/three/press.md:6 error: two files would be written to press/kit.zip: file kit.zip of posts/three/press.md:6 and the page of posts/four/kit.md:4',
      'posts/two/contact.md:6 error: image me.png is not copied: it would be written to /me.png, where the different image me.png of posts/one/about.md:6 goes',
      'posts/two/contact.md:8 error: two files would be written to logo.png: image logo.png of posts/two/contact.md:8 and the file public/logo.png',
    ]);
  });

  it('is copied once when two posts link the same file', async () => {
    const root = siteFromFiles({
      'posts/en/a.md': '---\ntitle: A\npermalink: /a.html\n---\n![logo](shared/logo.png)\n',
      'posts/en/b.md': '---\ntitle: B\npermalink: /b.html\n---\n![logo](shared/logo.png)\n',
      'posts/en/shared/logo.png': 'logo',
    });
    const result = await build(root);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, '_site/shared/logo.png'), 'utf8')).toBe('logo');
  });
});

describe('a symbolic link beside a post', () => {
  it('to a file outside the posts folder is an error, and the file is not published', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\n[keys](keys.txt)\n', 'secret.txt': 'SECRET' });
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'posts/en/keys.txt'));
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(reportedLines(result)).toEqual(['posts/en/2024-05-01-a.md:4 error: file keys.txt is not copied: it is a symbolic link to a file outside the posts folder']);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

describe('omnipress check', () => {
  it('reports a refused file as build does, once', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\n[doc](page.xhtml)\n', 'posts/en/page.xhtml': SCRIPT_PAGE });
    const result = await runCli(['check', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.includes('2024-05-01-a.md:4'));
    expect(lines).toEqual(['posts/en/2024-05-01-a.md:4 error: file page.xhtml is not copied: a .xhtml file can run code on the site']);
  });
});
