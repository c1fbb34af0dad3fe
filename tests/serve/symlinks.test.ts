// `serve` and symbolic links: the same rule as `build` (a link out of posts/ is an error, nothing
// of it is read), and the watcher does not follow such a link either, so that a link to `/` or to
// a folder elsewhere is neither watched nor turned into rebuilds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { watchSite, type ChangeSet } from '../../src/serve/watcher.js';
import { afterEdit, get, serveInTest, waitFor } from '../helpers/serve.js';
import { siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const SECRET = 'a-secret-that-stays-on-this-machine';

function outsideFolder(): string {
  const outside = tempDir('omnipress-outside-');
  fs.writeFileSync(path.join(outside, 'secret.md'), `---\ntitle: Secret\n---\n${SECRET}\n`);
  return outside;
}

describe('serve with a symbolic link out of posts/', () => {
  it('reports the link as an error in its first build and serves nothing of it', async () => {
    const root = siteFromFiles({ 'posts/en/2024-01-01-hello.md': '---\ntitle: Hello\n---\nHello.\n' });
    const outside = outsideFolder();
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'posts/en/2024-01-02-secret.md'));
    const server = await serveInTest(root);
    const first = server.builds[0]!;
    expect(first.ok).toBe(false);
    expect(first.errors.map((d) => [path.relative(root, d.file), d.message])).toEqual([
      ['posts/en/2024-01-02-secret.md', `a symbolic link to ${path.join(outside, 'secret.md')}, outside the posts folder: it is not read`],
    ]);
    const failed = await get(server, '/en/posts/secret/');
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('posts/en/2024-01-02-secret.md');
    expect(failed.body).not.toContain(SECRET);

    // Removing the link fixes the site; the linked file never became a page.
    await afterEdit(server, () => fs.unlinkSync(path.join(root, 'posts/en/2024-01-02-secret.md')), (builds) => builds.at(-1)!.ok);
    expect((await get(server, '/en/posts/hello/')).status).toBe(200);
    expect((await get(server, '/en/posts/secret/')).status).toBe(404);

    // A link made while serving is refused as well (the watcher does not follow it, but sees it come).
    const again = await afterEdit(server, () => fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'posts/en/2024-01-05-again.md')));
    expect(again.at(-1)!.errors.map((d) => path.relative(root, d.file))).toEqual(['posts/en/2024-01-05-again.md']);
    expect((await get(server, '/en/posts/again/')).body).not.toContain(SECRET);
  });
});

describe('the watcher', () => {
  it('does not follow links out of posts/ or public/, and still sees changes behind links that stay inside', async () => {
    const root = siteFromFiles({
      'posts/en/2024-01-01-hello.md': '---\ntitle: Hello\n---\nHello.\n',
      'posts/_shared/2024-01-02-shared.md': '---\ntitle: Shared\n---\nShared.\n',
      'public/robots.txt': 'User-agent: *\n',
    });
    const outside = outsideFolder();
    fs.mkdirSync(path.join(outside, 'tree'));
    fs.symlinkSync(path.join(outside, 'tree'), path.join(root, 'posts/en/tree'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'posts/en/2024-01-03-secret.md'));
    fs.symlinkSync(outside, path.join(root, 'public/leak'));
    fs.symlinkSync('../_shared/2024-01-02-shared.md', path.join(root, 'posts/en/2024-01-02-shared.md'));

    const { config } = resolveConfig({ root });
    const seen: ChangeSet = [];
    const watcher = watchSite(config, (changes) => seen.push(...changes), { debounceMs: 5 });
    try {
      await watcher.ready;
      fs.writeFileSync(path.join(outside, 'tree/2024-01-04-new.md'), '---\ntitle: New\n---\nNew.\n');
      fs.appendFileSync(path.join(outside, 'secret.md'), 'more\n');
      fs.writeFileSync(path.join(outside, 'x.txt'), 'x\n');
      // A change inside posts/, made after the others: once it is reported, they would have been too.
      fs.appendFileSync(path.join(root, 'posts/_shared/2024-01-02-shared.md'), 'Edited.\n');
      await waitFor(() => seen.some((c) => c.path.endsWith('_shared/2024-01-02-shared.md')), 5000, 'the edit inside posts/');
      await watcher.settled();
      const reported = seen.map((c) => path.relative(root, c.path));
      expect(reported.filter((p) => p.includes('tree') || p.includes('secret') || p.startsWith('public/leak'))).toEqual([]);
      expect(reported).toContain('posts/_shared/2024-01-02-shared.md');
    } finally {
      await watcher.close();
    }
  });
});
