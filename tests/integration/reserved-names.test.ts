// Names no folder or file of the output may have — hidden names that web hosts read as
// configuration (`.well-known`, `.htaccess`), omnipress's own marker, Windows device names — are
// refused wherever a post writes a site path: permalink, aliases, slug. Built with the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { runCli, siteFromFiles, type CliResult } from '../helpers/site.js';

const post = (front: Record<string, string>) => postFile({ title: 'A', date: '2024-05-14', lang: 'en', ...front }, 'Text.');

async function build(root: string): Promise<CliResult> {
  return runCli(['build', '--root', root], { cwd: root });
}

describe('a reserved name in a permalink', () => {
  it.each([
    ['/.omnipress-output', /starts with a dot/],
    ['/.well-known/security.txt', /starts with a dot/],
    ['/.git/config', /starts with a dot/],
    ['/.htaccess', /starts with a dot/],
    ['/CON/', /Windows device name/],
    ['/aux.html', /Windows device name/],
    ['/news/Lpt1.txt', /Windows device name/],
    ['/nul', /Windows device name/],
  ])('%s is an error at the permalink line, and nothing is written', async (permalink, reason) => {
    const root = siteFromFiles({ 'posts/a.md': post({ permalink }) });
    const result = await build(root);
    expect(result.status).toBe(1);
    const line = result.stderr.split('\n').find((l) => l.startsWith('posts/a.md:'));
    expect(line).toMatch(/^posts\/a\.md:5 error: permalink ".*" uses a name no site may have: /);
    expect(line).toMatch(reason);
    expect(result.stderr).not.toMatch(/at \S+\.js:\d+/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});

describe('a reserved name in an old address', () => {
  it.each(['/.well-known/acme-challenge/x', '/old/com3/', 'PRN'])('aliases: [%s] is an error at the aliases line', async (alias) => {
    const root = siteFromFiles({ 'posts/a.md': post({ aliases: `["${alias}"]` }) });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^posts\/a\.md:5 error: aliases: address ".*" uses a name no site may have/m);
  });
});

describe('a reserved name as a slug', () => {
  it('from the file name is an error at the first line, with a hint to set a slug', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-con.md': 'Text.\n' });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^posts\/en\/2024-05-14-con\.md:1 error: slug "con" cannot name the post's folder: "con" is a Windows device name/m);
    expect(result.stderr).toMatch(/hint: set another `slug:`/);
  });

  it('from the front matter is an error at the slug line', async () => {
    const root = siteFromFiles({ 'posts/a.md': post({ slug: 'Com1' }) });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^posts\/a\.md:5 error: slug "com1" cannot name the post's folder/m);
  });

  it('is fine under a permalink, which names the folder instead', async () => {
    const root = siteFromFiles({ 'posts/a.md': post({ slug: 'con', permalink: '/console/' }) });
    const result = await build(root);
    expect(result.status, result.stderr).toBe(0);
    expect(page(root, 'console/index.html')('h1').first().text()).toBe('A');
  });
});

describe('a tag named like a Windows device', () => {
  it('gets a page whose folder is not the device name, linked from the post', async () => {
    const root = siteFromFiles({ 'posts/a.md': post({ tags: '[CON, aux]' }) });
    const result = await build(root);
    expect(result.status, result.stderr).toBe(0);
    const tagLinks = page(root, 'en/posts/a/index.html')('a[href^="/en/tags/"]')
      .toArray()
      .map((a) => a.attribs.href!)
      .filter((href) => href !== '/en/tags/');
    expect(tagLinks).toHaveLength(2);
    for (const href of tagLinks) {
      expect(href).toMatch(/^\/en\/tags\/(con|aux)-[0-9a-f]{6}\/$/);
      expect(fs.existsSync(path.join(root, '_site', href, 'index.html'))).toBe(true);
    }
  });
});

describe('a name too long for a file system', () => {
  const long = '가'.repeat(100); // 300 bytes of UTF-8
  it.each([
    ['permalink', `permalink: /${long}/`, /permalink ".*" uses a name no site may have: "가+…" is 300 bytes long/],
    ['alias', `aliases: [/old/${long}/]`, /aliases: address ".*" uses a name no site may have: "가+…" is 300 bytes long/],
  ])('in a %s is an error at its line, not ENAMETOOLONG', async (_, line, message) => {
    const root = siteFromFiles({ 'posts/a.md': `---\ntitle: A\nlang: en\ndate: 2024-05-14\n${line}\n---\nBody\n` });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^posts\/a\.md:5 error: /m);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/ENAMETOOLONG|\n\s+at /);
  });
});

describe('a slug with nothing left for a URL', () => {
  it.each(['..', '.', '/', '"!!!"', '""', '[a, b]'])('slug: %s is an error at its line, not the file name quietly', async (slug) => {
    const root = siteFromFiles({ 'posts/en/2024-05-14-file-name.md': `---\ntitle: A\nslug: ${slug}\n---\nBody\n` });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^posts\/en\/2024-05-14-file-name\.md:3 error: slug /m);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });
});
