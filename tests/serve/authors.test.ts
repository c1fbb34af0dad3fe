// Author pages under `omnipress serve`: an edit to a post re-renders the pages of its authors (and
// only theirs), a changed credit moves the post between author pages, and after every edit the
// served pages are those a cold build gives.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { OutputList } from '../../src/pipeline/write.js';
import type { DevServer } from '../../src/serve/dev-server.js';
import { postFile } from '../helpers/post.js';
import { afterEdit, get, serveInTest, totals } from '../helpers/serve.js';
import { siteFromFiles } from '../helpers/site.js';

async function expectColdBuild(server: DevServer, root: string): Promise<void> {
  await server.idle();
  const cold = new OutputList();
  await runPipeline(resolveConfig({ root, drafts: true, future: true }).config, { writer: cold, search: 'later' });
  const served = server.files();
  const pages = (paths: Iterable<string>) => [...paths].filter((p) => p.endsWith('.html')).sort();
  expect(pages(served.keys())).toEqual(pages(cold.files.map((o) => o.path)));
  for (const output of cold.files) if (/\.(html|xml)$/.test(output.path)) expect(served.get(output.path), output.path).toBe(output.content);
}

describe('author pages under serve', () => {
  it('follow edits to their posts and to who is credited, as a cold build would', async () => {
    const root = siteFromFiles({
      'omnipress.yml': 'news: true\nauthors:\n  minjun: { name: { ko: 김민준, en: Minjun Kim } }\n',
      'posts/ko/2024-05-01-rain.md': postFile({ title: '가을비', author: 'minjun' }, '비가 옵니다.'),
      'posts/ko/2024-05-02-wind.md': postFile({ title: '강풍', author: '이서연' }, '바람이 셉니다.'),
      'posts/en/2024-05-02-wind.md': postFile({ title: 'Gale', author: 'minjun' }, 'Strong winds.'),
      'posts/en/2024-05-03-fog.md': postFile({ title: 'Fog' }, 'Thick fog.'),
    });
    const server = await serveInTest(root);
    const write = (rel: string, text: string) => afterEdit(server, () => fs.writeFileSync(path.join(root, rel), text));
    await expectColdBuild(server, root);

    // A new title: the post's author page lists it; the other authors' pages are left alone.
    const retitled = totals(await write('posts/ko/2024-05-01-rain.md', postFile({ title: '늦가을 비', author: 'minjun' }, '비가 옵니다.')));
    expect(retitled.changedPages).toContain('/ko/authors/minjun/');
    expect(retitled.changedPages).not.toContain(`/ko/authors/${'이서연'}/`);
    expect(retitled.changedPages).not.toContain('/en/authors/minjun/');
    expect((await get(server, '/ko/authors/minjun/')).body).toContain('늦가을 비');
    await expectColdBuild(server, root);

    // Credited to someone else: the post moves, the author with no post left loses the page.
    await write('posts/ko/2024-05-02-wind.md', postFile({ title: '강풍', author: 'minjun' }, '바람이 셉니다.'));
    expect((await get(server, '/ko/authors/minjun/')).body).toContain('강풍');
    await expectColdBuild(server, root);

    // The only English post of an author deleted: their English page goes.
    await afterEdit(server, () => fs.rmSync(path.join(root, 'posts/en/2024-05-02-wind.md')));
    expect(server.files().has('en/authors/minjun/index.html')).toBe(false);
    await expectColdBuild(server, root);
  });
});
