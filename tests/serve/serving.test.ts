// What `omnipress serve` answers: clean URLs, Hangul/Han paths, content types, the site's 404
// page, public/ files, drafts with a badge, the live-reload script only in serve, and nothing
// outside the output however the path is spelled.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_PORT } from '../../src/serve/dev-server.js';
import { allowedHostTest, resolvePath } from '../../src/serve/server.js';
import { get, rawGet, servedSite, serveInTest, startServe, waitFor } from '../helpers/serve.js';
import { buildSite, readOutput, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const enc = (segment: string) => encodeURIComponent(segment);

const FILES = {
  'posts/ko/2024-05-01-모델-소개.md': '---\ntitle: 모델 소개\ntags: [인공지능]\n---\n본문입니다.\n',
  'posts/zh/2024-05-01-模型介绍.md': '---\ntitle: 模型介绍\n---\n正文。\n',
  'posts/en/2024-05-02-hello.md': '---\ntitle: Hello\n---\nHello there.\n',
  'posts/en/2024-05-03-wip.md': '---\ntitle: Work in progress\ndraft: true\n---\nNot yet.\n',
  'posts/en/2099-01-01-someday.md': '---\ntitle: Someday\n---\nLater.\n',
  'public/notes/readme.txt': 'plain text\n',
  'public/img/dot.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  'public/docs/index.html': '<!doctype html><html><head><title>docs</title></head><body>docs</body></html>',
};

describe('serving', () => {
  let outside: string;
  const site = servedSite(FILES, {
    prepare(root: string) {
      // Symlinks in public/ that point out of it: a file and a folder holding a secret.
      outside = tempDir('omnipress-outside-');
      fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET\n');
      fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'public/leak.txt'));
      fs.symlinkSync(outside, path.join(root, 'public/outside'));
      // …and one that stays inside, which is fine.
      fs.symlinkSync(path.join(root, 'public/notes/readme.txt'), path.join(root, 'public/alias.txt'));
    },
  });

  it('binds 127.0.0.1 and serves the root page', async () => {
    expect(site.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get(site.server, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves clean URLs and redirects the slash-less form', async () => {
    expect((await get(site.server, '/en/posts/hello/')).body).toContain('Hello there.');
    const redirect = await get(site.server, '/en/posts/hello');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/en/posts/hello/');
    const query = await get(site.server, '/en/posts/hello?x=1');
    expect(query.headers.location).toBe('/en/posts/hello/?x=1');
  });

  it('serves percent-encoded Hangul and Han paths, and keeps them encoded in redirects', async () => {
    expect((await get(site.server, `/ko/posts/${enc('모델-소개')}/`)).body).toContain('본문입니다');
    expect((await get(site.server, `/zh/posts/${enc('模型介绍')}/`)).body).toContain('正文');
    expect((await get(site.server, `/ko/tags/${enc('인공지능')}/`)).status).toBe(200);
    // Decomposed Hangul (as a macOS address bar may send it) finds the NFC page.
    expect((await get(site.server, `/ko/posts/${enc('모델-소개'.normalize('NFD'))}/`)).status).toBe(200);
    const redirect = await get(site.server, `/ko/posts/${enc('모델-소개')}`);
    expect(redirect.headers.location).toBe(`/ko/posts/${enc('모델-소개')}/`);
  });

  it('answers unknown paths with the site 404 page and status 404', async () => {
    const res = await get(site.server, '/ko/posts/nothing-here/');
    expect(res.status).toBe(404);
    expect(res.body).toBe((await get(site.server, '/404.html')).body);
    expect(res.body).toContain('<html');
  });

  it('sends correct content types', async () => {
    const types: Record<string, RegExp> = {
      '/assets/style.css': /^text\/css/,
      '/en/feed.xml': /^application\/(atom\+)?xml/,
      '/en/feed.json': /^application\/(feed\+)?json/,
      '/sitemap.xml': /^application\/xml/,
      '/robots.txt': /^text\/plain/,
      '/assets/favicon.svg': /^image\/svg\+xml/,
      '/img/dot.png': /^image\/png/,
    };
    for (const [url, type] of Object.entries(types)) {
      const res = await get(site.server, url);
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(type);
    }
  });

  it('serves public/ files from disk, folders with index.html included', async () => {
    expect((await get(site.server, '/notes/readme.txt')).body).toBe('plain text\n');
    expect((await get(site.server, '/alias.txt')).body).toBe('plain text\n');
    expect((await get(site.server, '/docs/')).body).toContain('docs');
    expect((await get(site.server, '/docs')).status).toBe(301);
  });

  it('refuses traversal, encoded slashes, NUL and symlinks out of public/', async () => {
    const attempts = [
      '/../package.json',
      '/ko/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2e%2e/etc/passwd',
      '/ko/%2e%2e/%2e%2e/package.json',
      '/%2fetc%2fpasswd',
      '/ko%2f..%2f..%2fpackage.json',
      '/%5c..%5cpackage.json',
      '/..%5c..%5cpackage.json',
      '/a%00b',
      '/leak.txt',
      '/outside/secret.txt',
      `/${path.basename(outside)}/secret.txt`,
    ];
    for (const attempt of attempts) {
      const res = await rawGet(site.server.url, attempt);
      expect([400, 403, 404], attempt).toContain(res.status);
      expect(res.body, attempt).not.toContain('TOP SECRET');
      expect(res.body, attempt).not.toContain('"name": "omnipress"');
    }
  });

  it('answers only Host names of this computer: a DNS-rebinding page cannot read drafts or the event stream', async () => {
    for (const host of ['evil.example', `evil.example:${new URL(site.server.url).port}`, 'localhost.evil.example', '127.0.0.1.nip.io']) {
      for (const target of ['/en/posts/wip/', '/__omnipress/events']) {
        const res = await rawGet(site.server.url, target, { host });
        expect(res.status, `${host} ${target}`).toBe(403);
        expect(res.body, host).not.toContain('Not yet.');
      }
    }
    const port = new URL(site.server.url).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `blog.localhost:${port}`, `LOCALHOST:${port}`]) {
      const res = await rawGet(site.server.url, '/en/posts/wip/', { host });
      expect(res.status, host).toBe(200);
      expect(res.body).toContain('Not yet.');
    }
  });

  it('answers the name given to --host too, and no other name', () => {
    const allowed = allowedHostTest('preview.lan');
    expect(allowed('preview.lan:8080')).toBe(true);
    expect(allowed('PREVIEW.LAN')).toBe(true);
    expect(allowed('192.168.1.20:8080')).toBe(true);
    expect(allowed('other.lan:8080')).toBe(false);
    expect(allowed('preview.lan.evil.example')).toBe(false);
    expect(allowed('preview.lan@evil.example')).toBe(false);
    expect(allowedHostTest('::1')('[::1]:8080')).toBe(true);
  });

  it('path resolution: refused spellings are 403, outside the base path is 404', () => {
    const config = { basePath: '/blog/' };
    expect(resolvePath('/blog/ko/', config)).toEqual({ status: 200, rel: 'ko/' });
    expect(resolvePath('/blog', config)).toEqual({ status: 301, location: '/blog/' });
    expect(resolvePath('/other/', config)).toEqual({ status: 404 });
    expect(resolvePath('/blog/%2e%2e/x', config)).toEqual({ status: 403 });
    expect(resolvePath('/blog/.%2E/x', config)).toEqual({ status: 403 });
    expect(resolvePath('/blog/a%2Fb', config)).toEqual({ status: 403 });
    expect(resolvePath('/blog/%E0%A4%A', config)).toEqual({ status: 400 });
  });

  it('shows drafts and future posts by default, drafts with a badge on the page and in lists', async () => {
    const page = await get(site.server, '/en/posts/wip/');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/class="badge draft-badge"/);
    expect((await get(site.server, '/en/')).body).toMatch(/class="post-item is-draft"[\s\S]*Work in progress/);
    expect((await get(site.server, '/en/posts/someday/')).status).toBe(200);
  });

  it('injects the live-reload script into HTML in serve, and never into build output', async () => {
    expect((await get(site.server, '/en/posts/hello/')).body).toContain('<script src="/__omnipress/client.js" defer></script>');
    expect((await get(site.server, '/en/feed.xml')).body).not.toContain('__omnipress');
    const client = await get(site.server, '/__omnipress/client.js');
    expect(client.headers['content-type']).toMatch(/^text\/javascript/);
    expect(client.body).toContain('EventSource');

    // The same site without the links out of public/, which `build` refuses.
    const built = siteFromFiles(FILES);
    const report = await buildSite(built, { drafts: true });
    expect(report.ok).toBe(true);
    for (const entry of fs.readdirSync(path.join(built, '_site'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(html|js|xml|json)$/.test(entry.name)) continue;
      const rel = path.relative(path.join(built, '_site'), path.join(entry.parentPath, entry.name));
      expect(readOutput(built, rel), rel).not.toContain('__omnipress');
    }
  });

  it('serves the search index once it is ready (indexed after the pages, not before them)', async () => {
    await site.server.idle();
    const res = await get(site.server, '/pagefind/pagefind.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('indexes search only when a browser asks for the index, then serves the latest posts in it', async () => {
    const entry = async () => JSON.parse((await get(site.server, '/pagefind/pagefind-entry.json')).body) as { languages: Record<string, { page_count: number }> };
    const korean = (await entry()).languages.ko!.page_count;
    const added = path.join(site.root, 'posts/ko/2024-05-04-검색-추가.md');
    const before = site.server.builds.length;
    fs.writeFileSync(added, '---\ntitle: 검색에 더한 글\n---\n새로 색인할 본문.\n');
    try {
      await waitFor(() => site.server.builds.length > before, 5000, 'a rebuild');
      await site.server.idle();
      // Saving a post rebuilt its page but left the index alone: nobody asked for it yet.
      expect((await get(site.server, `/ko/posts/${enc('검색-추가')}/`)).status).toBe(200);
      const stale = JSON.parse(Buffer.from(site.server.files().get('pagefind/pagefind-entry.json')!).toString('utf8')) as Awaited<ReturnType<typeof entry>>;
      expect(stale.languages.ko!.page_count).toBe(korean);
      // The request waits for the index of the latest build.
      expect((await entry()).languages.ko!.page_count).toBe(korean + 1);
    } finally {
      fs.rmSync(added);
      await waitFor(async () => (await get(site.server, `/ko/posts/${enc('검색-추가')}/`)).status === 404, 5000, 'the post to go');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(new URL('/en/', site.server.url), { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('search while an editor keeps saving', () => {
  it('answers search requests while saves keep coming, with the last complete index', async () => {
    const files: Record<string, string> = {};
    // Enough posts that indexing takes longer than a rebuild after a save.
    for (let i = 0; i < 300; i++) files[`posts/en/2024-05-02-post-${i}.md`] = `---\ntitle: Post ${i}\n---\n${'Words to index. '.repeat(60)}\n`;
    const root = siteFromFiles(files);
    const server = await startServe(root);
    await get(server, '/pagefind/pagefind-entry.json');
    const file = path.join(root, 'posts/en/2024-05-02-post-0.md');
    const original = fs.readFileSync(file, 'utf8');
    let saving = true;
    // An editor's autosave: a save every 20 ms, each one a new build and a new index to make.
    const saves = (async () => {
      for (let n = 0; saving && n < 500; n++) {
        fs.writeFileSync(file, `${original}\nsave ${n}\n`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      await waitFor(() => server.builds.length > 3, 10_000, 'rebuilds');
      for (let i = 0; i < 5; i++) {
        const answered = await Promise.race([get(server, '/pagefind/pagefind-entry.json'), saves.then(() => 'saves ended first' as const)]);
        expect(answered, `request ${i}`).not.toBe('saves ended first');
        if (answered !== 'saves ended first') expect(answered.status).toBe(200);
      }
    } finally {
      saving = false;
      await saves;
      await server.close();
    }
  }, 60_000);

});

describe('serve --no-drafts', () => {
  it('hides drafts', async () => {
    const server = await serveInTest(siteFromFiles(FILES), { drafts: false });
    expect((await get(server, '/en/posts/wip/')).status).toBe(404);
    expect((await get(server, '/en/')).body).not.toContain('Work in progress');
  });
});

describe('a port in use', () => {
  /** Holds `port` on 127.0.0.1 until the test ends; false when something else holds it already. */
  async function occupy(port: number): Promise<boolean> {
    const blocker = net.createServer();
    const held = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (held) onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    return held;
  }

  it('is an error when it was asked for, naming it', async () => {
    const probe = net.createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as net.AddressInfo).port)));
    onTestFinished(() => new Promise<void>((resolve) => probe.close(() => resolve())));
    await expect(startServe(siteFromFiles(FILES), { port })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`);
  });

  it('moves on to the next free one when it is the default, and says so', async () => {
    await occupy(DEFAULT_PORT);
    const server = await serveInTest(siteFromFiles(FILES), { port: undefined });
    expect(server.busyPort).toBe(DEFAULT_PORT);
    const port = Number(new URL(server.url).port);
    expect(port).toBeGreaterThan(DEFAULT_PORT);
    expect(port).toBeLessThanOrEqual(DEFAULT_PORT + 10);
    expect((await get(server, '/')).status).toBe(200);
  });
});
