// `omnipress serve --posts …/_posts`: an existing blog's posts folder, outside the site folder,
// watched together with the Jekyll/Hexo `_drafts/` folder beside it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '../../src/serve/dev-server.js';
import { afterEdit, atomicWrite, get, startServe } from '../helpers/serve.js';
import { siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

describe('serve with a _posts folder', () => {
  let blog: string;
  let server: DevServer;
  beforeAll(async () => {
    blog = siteFromFiles({
      '_posts/2024-05-01-first.md': '---\ntitle: 첫 글\n---\n본문입니다.\n',
      '_drafts/.keep': '',
    });
    const site = tempDir('omnipress-serve-site-');
    server = await startServe(site, { posts: path.join(blog, '_posts') });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('rebuilds on a save in _posts, and shows a draft saved into _drafts with its badge', async () => {
    expect((await get(server, '/ko/posts/first/')).status).toBe(200);
    await afterEdit(server, () => atomicWrite(path.join(blog, '_posts/2024-05-01-first.md'), '---\ntitle: 고친 첫 글\n---\n본문입니다.\n'));
    expect((await get(server, '/ko/posts/first/')).body).toContain('고친 첫 글');
    await afterEdit(server, () => atomicWrite(path.join(blog, '_drafts/next.md'), '---\ntitle: 다음 글\ndate: 2024-05-02\n---\n초안입니다.\n'));
    const res = await get(server, '/ko/posts/next/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('다음 글');
    expect(res.body).toContain('draft-badge');
  });
});
