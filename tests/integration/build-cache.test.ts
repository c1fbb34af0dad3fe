// The build cache (.omnipress-cache/build/, .omnipress-cache/search/): a second build of the same
// site does no work and writes the same bytes; an edit redoes only what shows it; a cache that
// is broken or from another omnipress is ignored. Asserted the Hugo way, on what each build
// reports it re-rendered, and on the bytes of the output against a build without any cache.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { seal, unseal } from '../../src/util/checksum.js';
import { postFile } from '../helpers/post.js';
import { buildSite, readTree, REPO, siteFromFiles, spawnCli } from '../helpers/site.js';

/** Six Korean posts in a row (neighbours), a translated story, tags; search off unless asked. */
function files(config = 'search: false\n'): Record<string, string> {
  const site: Record<string, string> = { 'omnipress.yml': `title: 캐시 시험\n${config}` };
  for (let i = 1; i <= 6; i++) {
    site[`posts/ko/2024-03-0${i}-day-${i}.md`] = postFile(
      { title: `${i}일의 소식`, tags: `[${i % 2 ? '경제' : '과학'}]` },
      `${i}일의 첫 문단입니다.\n\n${i}일의 둘째 문단입니다.\n\n마지막 문단입니다.`,
    );
  }
  site['posts/zh/2024-03-02-day-2.md'] = postFile({ title: '二日消息', translationKey: 'day-2' }, '第二天的第一段。\n\n最后一段。');
  site['posts/ko/2024-03-02-day-2.md'] = site['posts/ko/2024-03-02-day-2.md']!.replace('tags:', 'translationKey: day-2\ntags:');
  site['posts/en/2024-03-02-day-2.md'] = postFile({ title: 'News of day two', translationKey: 'day-2' }, 'The first paragraph.\n\nThe last paragraph.');
  return site;
}

/** The same site built from scratch elsewhere: what every cached build must equal. */
async function coldTree(root: string): Promise<Map<string, string>> {
  const copy = siteFromFiles({});
  fs.cpSync(root, copy, { recursive: true, filter: (src) => !/\.omnipress-cache|_site/.test(path.relative(root, src)) });
  const report = await buildSite(copy);
  expect(report.ok).toBe(true);
  return readTree(path.join(copy, '_site'));
}

const output = (root: string) => readTree(path.join(root, '_site'));
const edit = (root: string, rel: string, change: (text: string) => string) =>
  fs.writeFileSync(path.join(root, rel), change(fs.readFileSync(path.join(root, rel), 'utf8')));

describe('the build cache', () => {
  it('makes a second build of an unchanged site render nothing, feeds included, and write the same bytes', async () => {
    const root = siteFromFiles(files());
    const cold = await buildSite(root);
    const pages = [...cold.pagesByLang.values()].reduce((sum, n) => sum + n, 0);
    expect(cold.rendered).toMatchObject({ markdownRenders: 8, pagesRendered: pages, feedsRendered: 3 });
    const first = output(root);

    const warm = await buildSite(root);
    expect(warm.ok).toBe(true);
    expect(warm.rendered).toEqual({ markdownRenders: 0, pagesRendered: 0, feedsRendered: 0, searchPartsIndexed: 0 });
    expect(output(root)).toEqual(first);
    expect(first).toEqual(await coldTree(root));
  });

  it('loads no front-matter parser, Markdown renderer or template engine when every page comes from the cache', () => {
    // No raw HTML in these posts: the sanitizer runs over every body all the same, on what the
    // plugins wrote.
    const root = siteFromFiles(files());
    const loaded = path.join(root, 'loaded.txt');
    const packagesOf = (): string[] => {
      const run = spawnCli(['build', '--root', root, '--quiet'], {
        env: { NODE_OPTIONS: `--import ${pathToFileURL(path.join(REPO, 'tests/helpers/loaded-packages.mjs')).href}`, LOADED_PACKAGES: loaded },
      });
      expect(run.status, run.stderr).toBe(0);
      const names = fs.readFileSync(loaded, 'utf8').split('\n').map((file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)?.[1]);
      return [...new Set(names.filter((name) => name !== undefined))];
    };
    const work = ['gray-matter', 'markdown-it', 'nunjucks', 'sanitize-html'];
    expect(packagesOf()).toEqual(expect.arrayContaining(work));
    const warm = packagesOf();
    for (const name of work) expect(warm).not.toContain(name);
  });

  it('re-renders only the edited post when an edit changes nothing else a page shows', async () => {
    const root = siteFromFiles(files());
    await buildSite(root);
    edit(root, 'posts/ko/2024-03-04-day-4.md', (text) => text.replace('마지막 문단입니다.', '마지막 문단을 고쳐 썼습니다.'));

    const report = await buildSite(root);
    // Its page, and the feeds of its language, which carry its text.
    expect(report.rendered).toMatchObject({ markdownRenders: 1, pagesRendered: 1, feedsRendered: 1 });
    expect(page(root, 'ko/posts/day-4/index.html')('.post-body').text()).toContain('마지막 문단을 고쳐 썼습니다.');
    expect(output(root)).toEqual(await coldTree(root));
  });

  it('re-renders the post, its neighbours, translations and the lists showing it when its title changes', async () => {
    const root = siteFromFiles(files());
    await buildSite(root);
    edit(root, 'posts/ko/2024-03-02-day-2.md', (text) => text.replace('2일의 소식', '2일의 새 제목'));

    const report = await buildSite(root);
    // Its page, its two neighbours (newer/older links), its zh and en translations (language
    // switcher), the Korean index, its tag page, the root page listing the latest posts, the
    // Korean archive, and day-4 and day-6, which share its tag and list it as related.
    expect(report.rendered).toMatchObject({ markdownRenders: 1, pagesRendered: 11 });
    expect(page(root, 'ko/posts/day-3/index.html')('body').text()).toContain('2일의 새 제목');
    expect(output(root)).toEqual(await coldTree(root));
  });

  it('re-renders every page but no markdown when a template changes', async () => {
    const root = siteFromFiles(files());
    fs.cpSync(path.join(import.meta.dirname, '../../templates/layouts'), path.join(root, 'templates/layouts'), { recursive: true });
    const cold = await buildSite(root);
    const pages = cold.rendered!.pagesRendered;
    edit(root, 'templates/layouts/post.njk', (text) => text.replace('</article>', '<p class="cache-test">새 틀</p></article>'));

    const report = await buildSite(root);
    expect(report.rendered).toMatchObject({ markdownRenders: 0, pagesRendered: pages });
    expect(page(root, 'ko/posts/day-1/index.html')('.cache-test').text()).toBe('새 틀');
    expect(output(root)).toEqual(await coldTree(root));
  });

  it('starts afresh when a config value changes', async () => {
    const root = siteFromFiles(files());
    const cold = await buildSite(root);
    fs.writeFileSync(path.join(root, 'omnipress.yml'), 'title: 캐시 시험 (새 이름)\nsearch: false\n');

    const report = await buildSite(root);
    expect(report.rendered).toMatchObject({ markdownRenders: 8, pagesRendered: cold.rendered!.pagesRendered });
    expect(page(root, 'ko/index.html')('title').text()).toContain('캐시 시험 (새 이름)');
    expect(output(root)).toEqual(await coldTree(root));
  });

  it('re-renders a page whose file in _site/ was changed by hand', async () => {
    const root = siteFromFiles(files());
    await buildSite(root);
    const file = path.join(root, '_site/ko/posts/day-5/index.html');
    fs.writeFileSync(file, 'changed by hand');

    const report = await buildSite(root);
    expect(report.rendered).toMatchObject({ markdownRenders: 0, pagesRendered: 1 });
    expect(fs.readFileSync(file, 'utf8')).toContain('5일의 둘째 문단입니다.');
  });

  it('ignores a corrupt cache, or one written by another omnipress', async () => {
    const root = siteFromFiles(files('search: true\n'));
    await buildSite(root);
    const store = path.join(root, '.omnipress-cache/build/pipeline.bin');
    // The file is segments of a 4-byte length and a sealed v8-serialized value, the first the header.
    const bytes = fs.readFileSync(store);
    const headerEnd = 4 + bytes.readUInt32LE(0);
    const sealedHeader = unseal(bytes.subarray(4, headerEnd));
    if (!sealedHeader.ok) throw new Error('the header segment is not sealed');
    const header = v8.deserialize(sealedHeader.payload) as Record<string, unknown>;
    const withHeader = (fields: Record<string, unknown>) => {
      const body = seal(v8.serialize({ ...header, ...fields }));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.byteLength);
      return Buffer.concat([length, body, bytes.subarray(headerEnd)]);
    };
    expect(header.code).toEqual(expect.any(String));
    const searchDir = path.join(root, '.omnipress-cache/search');

    fs.writeFileSync(store, 'not a cache');
    for (const name of fs.readdirSync(searchDir)) fs.writeFileSync(path.join(searchDir, name), 'not an index');
    const corrupt = await buildSite(root);
    expect(corrupt.ok).toBe(true);
    expect(corrupt.rendered).toMatchObject({ markdownRenders: 8, searchPartsIndexed: 3 });
    expect(output(root)).toEqual(await coldTree(root));

    // Cut short (a build killed while saving writes a temporary file, but a disk can fill up).
    fs.writeFileSync(store, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
    expect((await buildSite(root)).rendered).toMatchObject({ markdownRenders: 8 });
    expect(output(root)).toEqual(await coldTree(root));

    fs.writeFileSync(store, withHeader({ code: 'another omnipress' }));
    const foreign = await buildSite(root);
    expect(foreign.rendered).toMatchObject({ markdownRenders: 8, searchPartsIndexed: 0 });
    expect(output(root)).toEqual(await coldTree(root));
  });

  it('re-indexes for search only the part of the index that holds an edited or added post', async () => {
    // Six Korean posts in parts of four, counted from the oldest: days 1–4 in part 0, 5–6 in part 1.
    const root = siteFromFiles(files('search: true\nsearchPartSize: 4\n'));
    const cold = await buildSite(root);
    expect(cold.search).toMatchObject({ parts: 4, partsIndexed: 4 });
    const manifest = () => JSON.parse(fs.readFileSync(path.join(root, '_site/pagefind/parts.json'), 'utf8')) as Record<string, string[]>;
    expect(manifest()).toEqual({ ko: ['parts/ko-1/'], 'zh-hans': [], en: [] });
    const newestPart = () => readTree(path.join(root, '_site/pagefind/parts/ko-1'));
    const before = newestPart();

    edit(root, 'posts/ko/2024-03-01-day-1.md', (text) => text.replace('마지막 문단입니다.', '마지막 문단을 고쳤습니다.'));
    const edited = await buildSite(root);
    expect(edited.rendered?.searchPartsIndexed).toBe(1);
    expect(edited.search?.indexed).toEqual(['ko']);
    expect(newestPart()).toEqual(before);
    expect(output(root)).toEqual(await coldTree(root));

    // A news site's new post is its newest: it joins the newest part (with day 6, whose page now links to it).
    fs.writeFileSync(path.join(root, 'posts/ko/2024-03-09-day-9.md'), postFile({ title: '9일의 소식' }, '새로 쓴 글입니다.'));
    const added = await buildSite(root);
    expect(added.rendered?.searchPartsIndexed).toBe(1);
    expect(newestPart()).not.toEqual(before);
    expect(manifest()).toEqual({ ko: ['parts/ko-1/'], 'zh-hans': [], en: [] });
    expect(output(root)).toEqual(await coldTree(root));
  });

  it('re-indexes for search only the language of an edited post', async () => {
    const root = siteFromFiles(files('search: true\n'));
    expect((await buildSite(root)).rendered?.searchPartsIndexed).toBe(3);
    edit(root, 'posts/zh/2024-03-02-day-2.md', (text) => text.replace('最后一段。', '最后一段，改写了。'));

    const report = await buildSite(root);
    expect(report.search?.indexed).toEqual(['zh']);
    expect(output(root)).toEqual(await coldTree(root));
  });
});
