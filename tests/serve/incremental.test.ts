// Editing a site under `omnipress serve`: the served HTML follows every save, and each rebuild
// redoes only what the change touches (asserted the Hugo way: render counts and changed URLs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DevServer } from '../../src/serve/dev-server.js';
import { BUILTIN_TEMPLATES, resolveConfig } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { OutputList } from '../../src/pipeline/write.js';
import { Rebuilder } from '../../src/serve/rebuild.js';
import { postFile } from '../helpers/post.js';
import { siteFromFiles } from '../helpers/site.js';
import { afterEdit, atomicWrite, get, servedSite, serveInTest, totals, waitFor } from '../helpers/serve.js';

const enc = (segment: string) => encodeURIComponent(segment);


const FILES = {
  'posts/ko/2024-05-01-first.md': postFile({ title: '첫 글', tags: '[인공지능]', translationKey: 'first' }, '첫 문단입니다.\n\n둘째 문단입니다.'),
  'posts/zh/2024-05-01-first.md': postFile({ title: '第一篇', translationKey: 'first' }, '第一段。'),
  'posts/en/2024-05-01-first.md': postFile({ title: 'The first', translationKey: 'first' }, 'First paragraph.'),
  'posts/ko/2024-05-02-second.md': postFile({ title: '두 번째 글', tags: '[모델]' }, '요약 문단입니다.\n\n본문 둘째 문단.'),
  'posts/ko/2024-05-03-third.md': postFile({ title: '세 번째 글', tags: '[모델]' }, '세 번째 글의 문단.'),
  'posts/en/2024-05-04-other.md': postFile({ title: 'Another' }, 'Unrelated.'),
  // A copy of the built-in post layout, so the test can edit a template of the site's own.
  'templates/layouts/post.njk': fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'layouts/post.njk'), 'utf8'),
};

describe('incremental rebuilds under serve', () => {
  const site = servedSite(FILES);
  const file = (rel: string) => path.join(site.root, rel);

  it('renders every post and page once on start', () => {
    const first = site.server.builds[0]!;
    expect(first.ok).toBe(true);
    expect(first.markdownRenders).toBe(6);
    expect(first.pagesRendered).toBeGreaterThan(10);
  });

  it('editing the body of one post re-runs markdown once and re-renders only its page', async () => {
    const text = fs.readFileSync(file('posts/ko/2024-05-02-second.md'), 'utf8');
    const builds = await afterEdit(site.server, () =>
      fs.writeFileSync(file('posts/ko/2024-05-02-second.md'), text.replace('본문 둘째 문단.', '본문 둘째 문단, 고쳐 씀.')),
    );
    const done = totals(builds);
    expect(done.markdownRenders).toBe(1);
    expect(done.pagesRendered).toBe(1);
    expect(done.changedPages).toEqual(['/ko/posts/second/']);
    // Feeds carry the full text; they are regenerated on every rebuild and change with it.
    expect(done.changedUrls).toContain('/ko/feed.xml');
    expect(done.changedUrls.some((url) => url.startsWith('/en/') || url.startsWith('/zh/'))).toBe(false);
    expect((await get(site.server, '/ko/posts/second/')).body).toContain('고쳐 씀');
  });

  it('renaming a post re-renders its translations, neighbours, index and term pages, and nothing in other languages', async () => {
    const builds = await afterEdit(site.server, () => {
      const rel = 'posts/ko/2024-05-01-first.md';
      fs.writeFileSync(file(rel), fs.readFileSync(file(rel), 'utf8').replace('title: 첫 글', 'title: 처음 쓴 글'));
    });
    const done = totals(builds);
    expect(done.markdownRenders).toBe(1);
    expect(done.changedPages).toEqual(
      expect.arrayContaining(['/', '/ko/', '/ko/posts/first/', '/zh/posts/first/', '/en/posts/first/', '/ko/posts/second/', `/ko/tags/${'인공지능'}/`]),
    );
    // Pages that do not show the title stay as they were.
    expect(done.changedPages).not.toContain('/en/');
    expect(done.changedPages).not.toContain('/ko/posts/third/');
    expect(done.changedPages).not.toContain(`/ko/tags/모델/`);
    expect(done.pagesRendered).toBe(done.changedPages.length);
    expect((await get(site.server, `/zh/posts/first/`)).body).toContain('처음 쓴 글');
  });

  it('an atomic save (write a temporary file, rename it over the post) is picked up', async () => {
    const rel = 'posts/ko/2024-05-03-third.md';
    const builds = await afterEdit(
      site.server,
      () => atomicWrite(file(rel), postFile({ title: '세 번째 글', tags: '[모델]' }, '원자적으로 저장한 문단.')),
      (b) => totals(b).changedPages.includes('/ko/posts/third/'),
    );
    expect(totals(builds).markdownRenders).toBe(1);
    expect((await get(site.server, '/ko/posts/third/')).body).toContain('원자적으로 저장한 문단');
  });

  it('a second save right after the first is not lost (chokidar drops a change within 50 ms of the last), and idle() waits for it', async () => {
    const rel = 'posts/ko/2024-05-03-third.md';
    const before = site.server.builds.length;
    fs.writeFileSync(file(rel), postFile({ title: '세 번째 글', tags: '[모델]' }, '첫 번째 저장.'));
    await waitFor(() => site.server.builds.length > before, 5000, 'the first save');
    // At once, as a formatter that rewrites the file on save would: chokidar reports no event for it.
    fs.writeFileSync(file(rel), postFile({ title: '세 번째 글', tags: '[모델]' }, '두 번째 저장.'));
    // No polling: idle() settles only once the watcher has nothing left to report and the builds are done.
    await site.server.idle();
    expect((await get(site.server, '/ko/posts/third/')).body).toContain('두 번째 저장');
  });

  it('a new post appears with its page, and in the index and on its tag page', async () => {
    await afterEdit(site.server, () => fs.writeFileSync(file('posts/ko/2024-05-05-fourth.md'), postFile({ title: '네 번째 글', tags: '[새태그]' }, '새 글입니다.')));
    expect((await get(site.server, '/ko/posts/fourth/')).status).toBe(200);
    expect((await get(site.server, '/ko/')).body).toContain('네 번째 글');
    expect((await get(site.server, `/ko/tags/${enc('새태그')}/`)).status).toBe(200);
  });

  it('renaming a post file moves its page', async () => {
    await afterEdit(
      site.server,
      () => fs.renameSync(file('posts/ko/2024-05-05-fourth.md'), file('posts/ko/2024-05-05-renamed.md')),
      (b) => b.some((r) => r.changedUrls.includes('/ko/posts/renamed/')),
    );
    expect((await get(site.server, '/ko/posts/renamed/')).status).toBe(200);
    expect((await get(site.server, '/ko/posts/fourth/')).status).toBe(404);
  });

  it('a deleted post disappears with its pages, and from lists', async () => {
    const builds = await afterEdit(site.server, () => fs.rmSync(file('posts/ko/2024-05-05-renamed.md')));
    const done = totals(builds);
    expect(done.markdownRenders).toBe(0);
    expect(done.changedPages).toEqual(expect.arrayContaining(['/ko/posts/renamed/', '/ko/', `/ko/tags/새태그/`]));
    expect((await get(site.server, '/ko/posts/renamed/')).status).toBe(404);
    expect((await get(site.server, `/ko/tags/${enc('새태그')}/`)).status).toBe(404);
    expect((await get(site.server, '/ko/')).body).not.toContain('네 번째 글');
  });

  it('a template change re-renders every page without re-running markdown', async () => {
    const rel = 'templates/layouts/post.njk';
    const builds = await afterEdit(site.server, () =>
      fs.writeFileSync(file(rel), fs.readFileSync(file(rel), 'utf8').replace('<article class="post', '<p class="edited-template">edited</p><article class="post')),
    );
    const done = totals(builds);
    expect(done.markdownRenders).toBe(0);
    const routes = site.server.builds[0]!.pagesRendered;
    expect(done.pagesRendered).toBeGreaterThanOrEqual(routes - 1);
    // Only post pages use post.njk, so only they changed.
    expect(done.changedPages.every((url) => url.includes('/posts/'))).toBe(true);
    expect((await get(site.server, '/en/posts/other/')).body).toContain('edited-template');
  });

  it('a config change rebuilds everything, markdown included', async () => {
    const builds = await afterEdit(site.server, () => fs.writeFileSync(file('omnipress.yml'), 'title: 새 제목\n'));
    const done = totals(builds);
    expect(done.markdownRenders).toBe(6);
    expect((await get(site.server, '/ko/')).body).toContain('새 제목');
  });

  it('a public/ file is served as soon as it is saved, without any page rendered', async () => {
    const builds = await afterEdit(site.server, () => {
      fs.mkdirSync(file('public'), { recursive: true });
      fs.writeFileSync(file('public/hello.txt'), 'hello\n');
    }, (b) => b.some((r) => r.changed.includes('hello.txt')));
    expect(totals(builds).pagesRendered).toBe(0);
    const res = await get(site.server, '/hello.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('never writes _site', () => {
    expect(fs.existsSync(file('_site'))).toBe(false);
  });
});

describe('changes that arrive during a build', () => {
  it('are queued into one follow-up build, never a second build at once', async () => {
    const root = siteFromFiles(FILES);
    const overrides = { root, drafts: true, future: true };
    const rebuilder = new Rebuilder(resolveConfig(overrides).config, overrides);
    const running = rebuilder.start();
    // Both arrive while the first build runs.
    fs.writeFileSync(path.join(root, 'posts/ko/2024-05-03-third.md'), postFile({ title: '세 번째 글' }, '고침'));
    void rebuilder.enqueue([{ kind: 'post', event: 'change', path: path.join(root, 'posts/ko/2024-05-03-third.md') }]);
    void rebuilder.enqueue([{ kind: 'template', event: 'change', path: path.join(root, 'templates/layouts/post.njk') }]);
    await running;
    await rebuilder.idle();
    expect(rebuilder.builds.map((b) => b.kinds)).toEqual([[], ['post', 'template']]);
    expect(rebuilder.builds[1]!.ok).toBe(true);
  });
});

describe('incremental pages equal a cold build', () => {
  /** The served pages (paths and bytes), feeds and sitemap are those a cold build of the same files gives. */
  const expectColdBuild = async (server: DevServer, root: string) => {
    await server.idle();
    const cold = new OutputList();
    await runPipeline(resolveConfig({ root, drafts: true, future: true }).config, { writer: cold, search: 'later' });
    const served = server.files();
    const pages = (paths: Iterable<string>) => [...paths].filter((p) => p.endsWith('.html')).sort();
    expect(pages(served.keys())).toEqual(pages(cold.files.map((o) => o.path)));
    for (const output of cold.files) if (/\.(html|xml)$/.test(output.path)) expect(served.get(output.path), output.path).toBe(output.content);
  };

  it('after edits that rename terms, reorder posts, move translations and delete posts', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-01-a.md': postFile({ title: 'A', tags: '[AI, models]' }, 'Alpha.'),
      'posts/en/2024-05-02-b.md': postFile({ title: 'B', tags: '[AI]', translationKey: 'story' }, 'Beta.'),
      'posts/en/2024-05-03-c.md': postFile({ title: 'C', categories: '[news]' }, 'Gamma.'),
      'posts/ko/2024-05-02-b.md': postFile({ title: '비', tags: '[인공지능]', translationKey: 'story' }, '베타.'),
      'posts/zh/2024-05-04-d.md': postFile({ title: '丁', tags: '[模型]' }, '丁。'),
    });
    const server = await serveInTest(root);
    const compare = () => expectColdBuild(server, root);
    const write = (rel: string, text: string) => afterEdit(server, () => fs.writeFileSync(path.join(root, rel), text));
    // An older post spelling a tag `ai` renames the term on every page showing it.
    await write('posts/en/2024-04-01-old.md', postFile({ title: 'Old', tags: '[ai]' }, 'Oldest.'));
    await compare();
    // A new date reorders the list: neighbours' newer/older links move.
    await write('posts/en/2024-05-03-c.md', postFile({ title: 'C', date: '2024-04-15', categories: '[news]' }, 'Gamma.'));
    await compare();
    // The Korean post leaves the story: both pages lose their language switcher link.
    await write('posts/ko/2024-05-02-b.md', postFile({ title: '비', tags: '[인공지능]', translationKey: 'other' }, '베타.'));
    await compare();
    // A deleted post: its term pages go, its neighbours relink.
    await afterEdit(server, () => fs.rmSync(path.join(root, 'posts/en/2024-05-01-a.md')));
    await compare();
  });

  it('after a layout that failed for one post and skipped the pages after it, while other posts were edited', async () => {
    // The site's post layout breaks on a post whose front matter has `boom:` (calling a string):
    // the rest of the post pages of that run are skipped, so the page cache holds pages older than
    // that run's model. Edits after it must still end in a cold build's pages.
    const layout = fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'layouts/post.njk'), 'utf8');
    const root = siteFromFiles({
      'templates/layouts/post.njk': layout.replace('<article class="post', '{% if post.data.boom %}{{ post.data.boom() }}{% endif %}<article class="post'),
      'posts/en/2024-05-05-x.md': postFile({ title: 'X' }, 'Newest.'),
      'posts/en/2024-05-04-z.md': postFile({ title: 'Z' }, 'Between.'),
      'posts/en/2024-05-03-w.md': postFile({ title: 'W' }, 'Between, older.'),
      'posts/en/2024-05-01-y.md': postFile({ title: 'Y', tags: '[old]' }, 'Oldest.'),
    });
    const server = await serveInTest(root);
    const write = (rel: string, text: string) => afterEdit(server, () => fs.writeFileSync(path.join(root, rel), text));
    expect((await write('posts/en/2024-05-05-x.md', postFile({ title: 'X', boom: 'yes' }, 'Newest.'))).at(-1)!.ok).toBe(false);
    expect((await write('posts/en/2024-05-01-y.md', postFile({ title: 'Y', tags: '[old]' }, 'Oldest, edited while the layout failed.'))).at(-1)!.ok).toBe(false);
    expect((await write('posts/en/2024-05-05-x.md', postFile({ title: 'X' }, 'Newest.'))).at(-1)!.ok).toBe(true);
    await expectColdBuild(server, root);
    expect((await get(server, '/en/posts/y/')).body).toContain('edited while the layout failed');
  });

  it('after edits that keep every post in its place (text, titles, summaries), with a failed build among them', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-01-a.md': postFile({ title: 'A', tags: '[AI]', translationKey: 'story' }, 'Alpha.'),
      'posts/en/2024-05-02-b.md': postFile({ title: 'B', tags: '[AI]' }, 'Beta links {% post_link 2024-05-01-a %}.'),
      'posts/en/2024-05-03-c.md': postFile({ title: 'C', categories: '[news]' }, 'Gamma.'),
      // Links A by name without being its neighbour, translation or on a page with it: only its body changes.
      'posts/en/2024-06-10-e.md': postFile({ title: 'E', categories: '[later]' }, 'Epsilon cites {% post_link 2024-05-01-a %}.'),
      'posts/ko/2024-05-01-a.md': postFile({ title: '에이', translationKey: 'story' }, '알파.'),
      'posts/zh/2024-05-04-d.md': postFile({ title: '丁', tags: '[模型]' }, '丁。'),
    });
    const server = await serveInTest(root);
    const compare = () => expectColdBuild(server, root);
    const write = (rel: string, text: string) => afterEdit(server, () => fs.writeFileSync(path.join(root, rel), text));
    // A new title shows on the neighbours' newer/older links, the translation's switcher, the
    // index, the tag page, and in B's body, which links A by name.
    await write('posts/en/2024-05-01-a.md', postFile({ title: 'A renamed', tags: '[AI]', translationKey: 'story' }, 'Alpha.'));
    await compare();
    expect((await get(server, '/en/posts/e/')).body).toContain('A renamed');
    // A new first paragraph is the summary in lists and the feed.
    await write('posts/en/2024-05-03-c.md', postFile({ title: 'C', categories: '[news]' }, 'A new first paragraph.\n\nGamma.'));
    await compare();
    // A build that fails (a link to no post), then an edit elsewhere while it is still broken, then the fix.
    const broken = await write('posts/en/2024-05-02-b.md', postFile({ title: 'B', tags: '[AI]' }, 'Beta links {% post_link no-such-post %}.'));
    expect(broken.at(-1)!.ok).toBe(false);
    const stillBroken = await write('posts/zh/2024-05-04-d.md', postFile({ title: '丁丁', tags: '[模型]' }, '丁。'));
    expect(stillBroken.at(-1)!.ok).toBe(false);
    const fixed = await write('posts/en/2024-05-02-b.md', postFile({ title: 'B again', tags: '[AI]' }, 'Beta, fixed.'));
    expect(fixed.at(-1)!.ok).toBe(true);
    await compare();
    // And a title edit after the fix: only the pages showing it are rendered.
    const last = await write('posts/en/2024-05-03-c.md', postFile({ title: 'C renamed', categories: '[news]' }, 'A new first paragraph.\n\nGamma.'));
    await compare();
    expect(totals(last).pagesRendered).toBe(totals(last).changedPages.length);
    expect(totals(last).changedPages).toEqual(expect.arrayContaining(['/', '/en/', '/en/posts/c/', '/en/posts/b/', '/en/categories/news/']));
    expect(totals(last).changedPages.some((url) => url.startsWith('/zh/') || url.startsWith('/ko/'))).toBe(false);
  });
});
