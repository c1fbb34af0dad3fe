// The dev server trusts its watcher: after the first build it neither walks posts/ nor checks
// every file, and keeps the sitemap while what it shows is the same. These tests hold it to the
// rules that keep that correct: a file that comes or goes, or one the listing does not know,
// makes it look again; a lost event is recovered by a rescan; the sitemap follows new posts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { OutputList } from '../../src/pipeline/write.js';
import { Rebuilder } from '../../src/serve/rebuild.js';
import { parseHtml } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { siteFromFiles } from '../helpers/site.js';
import { afterEdit, get, serveInTest } from '../helpers/serve.js';


const FILES = {
  'posts/ko/2024-06-01-spring.md': postFile({ title: '봄날의 산책', tags: '[산책]', translationKey: 'walk' }, '벚꽃 길을 천천히 걸었다.'),
  'posts/zh/2024-06-01-spring.md': postFile({ title: '春日散步', translationKey: 'walk' }, '沿着樱花小路慢慢走。'),
  'posts/en/2024-06-02-notes.md': postFile({ title: 'Field notes', tags: '[walks]' }, 'A short note about the river path.'),
};

const overridesOf = (root: string) => ({ root, drafts: true, future: true, baseUrl: 'https://example.org/' });

describe('serve trusting its watcher', () => {
  it('a post added after edits were trusted appears on its page, in its index and in the sitemap', async () => {
    const root = siteFromFiles({ ...FILES, 'omnipress.yml': 'baseUrl: https://example.org/\n' });
    const server = await serveInTest(root);
    const rel = path.join(root, 'posts/ko/2024-06-01-spring.md');
    // Two plain edits: from here on the listing of posts/ is reused.
    await afterEdit(server, () => fs.appendFileSync(rel, '\n강가에서 쉬었다.\n'));
    await afterEdit(server, () => fs.appendFileSync(rel, '\n해가 졌다.\n'));
    expect((await get(server, '/ko/posts/spring/')).body).toContain('해가 졌다');

    await afterEdit(server, () => fs.writeFileSync(path.join(root, 'posts/ko/2024-06-03-rain.md'), postFile({ title: '비 오는 오후', tags: '[산책]' }, '우산을 들고 나갔다.')));
    expect((await get(server, '/ko/posts/rain/')).status).toBe(200);
    const index = parseHtml((await get(server, '/ko/')).body);
    expect(index('body').text()).toContain('비 오는 오후');
    const sitemap = (await get(server, '/sitemap.xml')).body;
    expect(sitemap).toContain('<loc>https://example.org/ko/posts/rain/</loc>');

    // After the edits and the new post, the served sitemap is the one a cold build writes.
    await server.idle();
    const cold = new OutputList();
    await runPipeline(resolveConfig(overridesOf(root)).config, { writer: cold, search: 'later' });
    const coldSitemap = cold.files.find((o) => o.path === 'sitemap.xml')!.content;
    expect(server.files().get('sitemap.xml')).toBe(coldSitemap);
  });

  it('the sitemap follows a changed date, and a post that leaves it', async () => {
    const root = siteFromFiles({ ...FILES, 'omnipress.yml': 'baseUrl: https://example.org/\n' });
    const server = await serveInTest(root);
    const rel = path.join(root, 'posts/en/2024-06-02-notes.md');
    await afterEdit(server, () => fs.writeFileSync(rel, postFile({ title: 'Field notes', tags: '[walks]', updated: '2024-07-09' }, 'A short note about the river path.')));
    expect((await get(server, '/sitemap.xml')).body).toMatch(/<loc>https:\/\/example\.org\/en\/posts\/notes\/<\/loc>\s*<lastmod>2024-07-09/);

    await afterEdit(server, () => fs.writeFileSync(rel, postFile({ title: 'Field notes', tags: '[walks]', sitemap: 'false' }, 'A short note about the river path.')));
    expect((await get(server, '/sitemap.xml')).body).not.toContain('/en/posts/notes/');
  });
});

describe('events the listing does not cover', () => {
  const start = async (root: string) => {
    const rebuilder = new Rebuilder(resolveConfig(overridesOf(root)).config, overridesOf(root));
    await rebuilder.start();
    return rebuilder;
  };
  const builtPaths = (rebuilder: Rebuilder) => [...rebuilder.writer.files.keys()];

  it('a `change` event for a file the listing never had (a save reported as a change) adds the post', async () => {
    const root = siteFromFiles(FILES);
    const rebuilder = await start(root);
    const file = path.join(root, 'posts/zh/2024-06-04-tea.md');
    fs.writeFileSync(file, postFile({ title: '午后的茶' }, '泡了一壶乌龙茶。'));
    await rebuilder.enqueue([{ kind: 'post', event: 'change', path: file }]);
    expect(rebuilder.builds.at(-1)!.ok).toBe(true);
    expect(builtPaths(rebuilder)).toContain('zh/posts/tea/index.html');
  });

  it('after a lost event, a rescan finds the post the watcher never reported', async () => {
    const root = siteFromFiles(FILES);
    const rebuilder = await start(root);
    // Written without any event reaching the rebuilder (as after a watcher error).
    fs.writeFileSync(path.join(root, 'posts/en/2024-06-05-lost.md'), postFile({ title: 'The lost note' }, 'Nobody told the server.'));
    const known = path.join(root, 'posts/en/2024-06-02-notes.md');
    fs.appendFileSync(known, '\nOne more line.\n');
    await rebuilder.enqueue([{ kind: 'post', event: 'change', path: known }]);
    // Trusted: only the reported file was read again.
    expect(builtPaths(rebuilder)).not.toContain('en/posts/lost/index.html');

    rebuilder.rescan();
    fs.appendFileSync(known, '\nAnd another.\n');
    await rebuilder.enqueue([{ kind: 'post', event: 'change', path: known }]);
    expect(builtPaths(rebuilder)).toContain('en/posts/lost/index.html');
  });

  it('a save reported twice in one batch (the watcher rechecks a file it saw change) keeps the listing trusted', async () => {
    const root = siteFromFiles(FILES);
    const rebuilder = await start(root);
    fs.writeFileSync(path.join(root, 'posts/en/2024-06-05-lost.md'), postFile({ title: 'The lost note' }, 'Nobody told the server.'));
    const known = path.join(root, 'posts/en/2024-06-02-notes.md');
    fs.appendFileSync(known, '\nSaved twice.\n');
    await rebuilder.enqueue([
      { kind: 'post', event: 'change', path: known },
      { kind: 'post', event: 'change', path: known },
    ]);
    expect(rebuilder.builds.at(-1)!.ok).toBe(true);
    expect(rebuilder.writer.files.get('en/posts/notes/index.html')).toContain('Saved twice.');
    // No walk of posts/: the unreported post is still unknown.
    expect(builtPaths(rebuilder)).not.toContain('en/posts/lost/index.html');
  });

  it('a post deleted without its event stays served until a rescan drops it', async () => {
    const root = siteFromFiles(FILES);
    const rebuilder = await start(root);
    fs.rmSync(path.join(root, 'posts/zh/2024-06-01-spring.md'));
    const known = path.join(root, 'posts/en/2024-06-02-notes.md');
    fs.appendFileSync(known, '\nA line.\n');
    await rebuilder.enqueue([{ kind: 'post', event: 'change', path: known }]);
    // Trusted: the last good copy of the unreported post is kept.
    expect(rebuilder.builds.at(-1)!.ok).toBe(true);
    expect(builtPaths(rebuilder)).toContain('zh/posts/spring/index.html');

    rebuilder.rescan();
    fs.appendFileSync(known, '\nAnother line.\n');
    await rebuilder.enqueue([{ kind: 'post', event: 'change', path: known }]);
    expect(rebuilder.builds.at(-1)!.ok).toBe(true);
    expect(builtPaths(rebuilder)).not.toContain('zh/posts/spring/index.html');
  });
});
