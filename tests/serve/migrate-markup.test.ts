// Migrated markup under `omnipress serve`: a post linking another by name ({% post_link %},
// {{< ref >}}) follows that post's title when it changes, other bodies are not re-rendered, and
// an image saved beside a post is served at once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterEdit, get, servedSite, totals } from '../helpers/serve.js';

const FILES = {
  'posts/zh/2024-05-01-target.md': '---\ntitle: 旧标题\n---\n被链接的文章。\n',
  'posts/zh/2024-05-02-linker.md': '---\ntitle: 链接者\n---\n请看 {% post_link target %}。\n\n![图](img/a.png)\n',
  'posts/zh/2024-05-03-bystander.md': '---\ntitle: 旁观者\n---\n与此无关。\n',
};

describe('migrated markup under serve', () => {
  const site = servedSite(FILES);
  const file = (rel: string) => path.join(site.root, rel);

  it('re-renders the body that links a post by name when that post is renamed, and only those two', async () => {
    expect((await get(site.server, '/zh/posts/linker/')).body).toContain('>旧标题</a>');
    const builds = await afterEdit(site.server, () =>
      fs.writeFileSync(file('posts/zh/2024-05-01-target.md'), '---\ntitle: 新标题\n---\n被链接的文章。\n'),
    );
    expect(totals(builds).markdownRenders).toBe(2);
    expect((await get(site.server, '/zh/posts/linker/')).body).toContain('>新标题</a>');
  });

  it('serves an image saved beside a post that links it', async () => {
    expect((await get(site.server, '/zh/posts/linker/img/a.png')).status).toBe(404);
    await afterEdit(site.server, () => {
      fs.mkdirSync(file('posts/zh/img'), { recursive: true });
      fs.writeFileSync(file('posts/zh/img/a.png'), 'png bytes');
    });
    const image = await get(site.server, '/zh/posts/linker/img/a.png');
    expect(image.status).toBe(200);
    expect(image.body).toBe('png bytes');
  });
});
