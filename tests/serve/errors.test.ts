// Bad input never kills `omnipress serve`: a broken post shows an overlay naming file, line and
// message while the last good pages stay served, and fixing it clears the overlay. And the command
// itself: prints its URL, stops cleanly on Ctrl-C.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/util/html-escape.js';
import { postFile } from '../helpers/post.js';
import { afterEdit, get, listen, rawGet, servedSite, serveInTest, waitFor } from '../helpers/serve.js';
import { BIN, runCli, siteFromFiles } from '../helpers/site.js';

const GOOD = '---\ntitle: 좋은 글\n---\n처음 본문.\n';
const BROKEN = '---\ntitle: 좋은 글\ntags: [unclosed\n---\n고친 본문.\n';
const FIXED = '---\ntitle: 좋은 글\ntags: [closed]\n---\n고친 본문.\n';

describe('a broken post under serve', () => {
  const site = servedSite({ 'posts/ko/2024-05-01-good.md': GOOD, 'posts/en/2024-05-02-other.md': '---\ntitle: Other\n---\nx\n' });
  const postFile = () => path.join(site.root, 'posts/ko/2024-05-01-good.md');

  it('shows the overlay with file, line and message, keeps the last good page, and recovers when fixed', async () => {
    const events = await listen(site.server);
    try {
      expect((await events.next('hello')).overlay).toBe('');

      const [broken] = await afterEdit(site.server, () => fs.writeFileSync(postFile(), BROKEN));
      expect(broken!.ok).toBe(false);
      expect(broken!.errors[0]).toMatchObject({ file: postFile() });
      expect(broken!.errors[0]!.line).toBeGreaterThanOrEqual(3);

      // Browsers are told, with the overlay's markup.
      const failed = await events.next('failed');
      expect(failed.overlay).toContain(`posts/ko/2024-05-01-good.md:${broken!.errors[0]!.line}`);

      // The last good page is still served, with the overlay rendered into it.
      const page = await get(site.server, '/ko/posts/good/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('처음 본문');
      expect(page.body).toContain('id="omnipress-overlay"');
      expect(page.body).toContain(`posts/ko/2024-05-01-good.md:${broken!.errors[0]!.line}`);
      expect(page.body).toContain(escapeHtml(broken!.errors[0]!.message));

      const [fixed] = await afterEdit(site.server, () => fs.writeFileSync(postFile(), FIXED));
      expect(fixed!.ok).toBe(true);
      expect(fixed!.changedUrls).toContain('/ko/posts/good/');
      const change = await events.next('change');
      expect(change.paths).toContain('ko/posts/good/index.html');
      const recovered = await get(site.server, '/ko/posts/good/');
      expect(recovered.body).toContain('고친 본문');
      expect(recovered.body).not.toContain('omnipress-overlay');
    } finally {
      await events.close();
    }
  });

  it('a broken template shows its file and line too, and the server keeps running', async () => {
    const template = path.join(site.root, 'templates/layouts/post.njk');
    const [broken] = await afterEdit(site.server, () => {
      fs.mkdirSync(path.dirname(template), { recursive: true });
      fs.writeFileSync(template, '{% extends "layouts/base.njk" %}\n{% block content %}\n{{ post.title | nosuchfilter }}\n{% endblock %}\n');
    }, (builds) => builds.some((b) => !b.ok));
    const error = site.server.builds.at(-1)!.errors[0]!;
    expect(broken).toBeDefined();
    expect(error.file).toBe(template);
    expect(error.line).toBe(3);
    expect((await get(site.server, '/ko/posts/good/')).body).toContain('omnipress-overlay');

    await afterEdit(site.server, () => fs.rmSync(path.join(site.root, 'templates'), { recursive: true }), (builds) => builds.at(-1)!.ok);
    expect((await get(site.server, '/ko/posts/good/')).body).not.toContain('omnipress-overlay');
  });
});

describe('a broken partial under serve', () => {
  it('shows the partial\'s file and line in the overlay, keeps the last good pages, and recovers on the next save', async () => {
    const root = siteFromFiles({ 'posts/ko/2024-05-01-good.md': GOOD });
    const server = await serveInTest(root);
    const footer = path.join(root, 'templates/partials/footer.njk');
    for (const broken of ['<footer>\n{% if %}\n</footer>\n', '<footer>\n{{ site.title | nosuchfilter }}\n</footer>\n']) {
      const builds = await afterEdit(server, () => {
        fs.mkdirSync(path.dirname(footer), { recursive: true });
        fs.writeFileSync(footer, broken);
      }, (b) => b.some((build) => !build.ok));
      const errors = builds.at(-1)!.errors;
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: footer, line: 2 });
      const page = await get(server, '/ko/posts/good/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('처음 본문');
      expect(page.body).toContain('templates/partials/footer.njk:2');

      const fixed = await afterEdit(server, () => fs.writeFileSync(footer, '<footer>fixed footer</footer>\n'), (b) => b.at(-1)!.ok);
      expect(fixed.at(-1)!.ok).toBe(true);
      const recovered = await get(server, '/ko/posts/good/');
      expect(recovered.body).toContain('fixed footer');
      expect(recovered.body).not.toContain('omnipress-overlay');
    }
  });
});

describe('several problems at once under serve', () => {
  it('are all in one rebuild\'s overlay, not one stage at a time; fixing them brings the pages back', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-good.md': '---\ntitle: Good\n---\nFirst.\n' });
    const server = await serveInTest(root);
    const builds = await afterEdit(server, () => {
      fs.writeFileSync(path.join(root, 'posts/en/2024-05-02-broken.md'), '---\ntitle: [unclosed\n---\nBody.\n');
      fs.writeFileSync(path.join(root, 'posts/en/2024-05-03-good.md'), '---\ntitle: Same slug\n---\nBody.\n');
    }, (b) => b.some((build) => build.errors.length >= 2));
    const messages = builds.at(-1)!.errors.map((d) => d.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/invalid YAML/), expect.stringMatching(/duplicate slug "good"/)]));
    const page = await get(server, '/en/posts/good/');
    expect(page.body).toContain('First.');
    expect(page.body).toContain('invalid YAML');
    expect(page.body).toContain('duplicate slug');
    await afterEdit(server, () => {
      fs.rmSync(path.join(root, 'posts/en/2024-05-02-broken.md'));
      fs.rmSync(path.join(root, 'posts/en/2024-05-03-good.md'));
    }, (b) => b.at(-1)!.ok);
    expect((await get(server, '/en/posts/good/')).body).not.toContain('omnipress-overlay');
  });
});

describe('a post naming a layout that does not exist yet', () => {
  it('fails until the layout is added, then builds with it, the post untouched', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-01-wide.md': '---\ntitle: 넓은 글\nlayout: wide\n---\n넓게 보는 본문.\n',
      'posts/en/2024-05-02-other.md': '---\ntitle: Other\n---\nx\n',
    });
    const server = await serveInTest(root);
    expect(server.builds[0]!.ok).toBe(false);
    expect(server.builds[0]!.errors[0]!.message).toContain('unknown layout "wide"');
    const layout = path.join(root, 'templates/layouts/wide.njk');
    const builds = await afterEdit(server, () => {
      fs.mkdirSync(path.dirname(layout), { recursive: true });
      fs.writeFileSync(layout, '{% extends "layouts/post.njk" %}{% block content %}<div class="wide-layout">{{ post.html | safe }}</div>{% endblock %}\n');
    }, (b) => b.at(-1)!.ok);
    expect(builds.at(-1)!.ok).toBe(true);
    expect((await get(server, `/ko/posts/${encodeURIComponent('wide')}/`)).body).toContain('class="wide-layout"');
    // And removed again: the post fails as at first.
    const removed = await afterEdit(server, () => fs.rmSync(layout), (b) => !b.at(-1)!.ok);
    expect(removed.at(-1)!.errors[0]!.message).toContain('unknown layout "wide"');
  });
});

describe('a site that is broken from the start', () => {
  it('serves the overlay until the post is fixed', async () => {
    const root = siteFromFiles({ 'posts/ko/2024-05-01-good.md': BROKEN });
    const server = await serveInTest(root);
    const res = await get(server, '/ko/posts/good/');
    expect(res.status).toBe(500);
    expect(res.body).toContain('omnipress-overlay');
    expect(res.body).toContain('no page built yet');
    expect(res.body).not.toContain('last good pages');
    await afterEdit(server, () => fs.writeFileSync(path.join(root, 'posts/ko/2024-05-01-good.md'), FIXED));
    expect((await get(server, '/ko/posts/good/')).status).toBe(200);
  });
});

describe('omnipress serve (the command)', () => {
  it('prints its URL, serves, and stops cleanly on Ctrl-C', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-hi.md': '---\ntitle: Hi\n---\nHello.\n' });
    const child = spawn(process.execPath, [BIN, 'serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await waitFor(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0], 10_000, 'the URL');
      expect((await rawGet(url, '/en/posts/hi/')).body).toContain('Hello.');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('prints the warnings of every rebuild that has new ones, and says when no page was built yet', async () => {
    const root = siteFromFiles({ 'posts/en/2024-05-01-hi.md': '---\ntitle: Hi\ntags: [unclosed\n---\nHello.\n' });
    const file = path.join(root, 'posts/en/2024-05-01-hi.md');
    const child = spawn(process.execPath, [BIN, 'serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await waitFor(() => /build failed \(1 error\); no page built yet/.test(stderr), 10_000, 'the first failed build');
      expect(stderr).not.toContain('last good pages');
      fs.writeFileSync(file, postFile({ title: 'Hi' }, 'Hello.'));
      await waitFor(() => /rebuilt \(post\)/.test(stderr), 10_000, 'the first good build');
      // A new warning in a rebuild is printed…
      fs.writeFileSync(file, postFile({ title: 'Hi' }, '![a chart](chart.png)'));
      await waitFor(() => /posts\/en\/2024-05-01-hi\.md:4 warning: image chart\.png is not found/.test(stderr), 10_000, 'the new warning');
      // …once: the next rebuild with the same warning does not repeat it.
      const printed = stderr.length;
      fs.writeFileSync(file, postFile({ title: 'Hi' }, '![a chart](chart.png)\n\nMore.'));
      await waitFor(() => (stderr.slice(printed).match(/rebuilt \(/g) ?? []).length >= 1, 10_000, 'a rebuild');
      expect(stderr.slice(printed)).not.toContain('warning: image chart.png');
      // A failure after a good build keeps the pages.
      fs.writeFileSync(file, '---\ntitle: [x\n---\n');
      await waitFor(() => /build failed \(1 error\); still serving the last good pages/.test(stderr), 10_000, 'the failed rebuild');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('rejects a bad port with a usage error', async () => {
    const result = await runCli(['serve', '--port', 'eighty']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port');
  });

  it('documents itself in --help', async () => {
    const result = await runCli(['serve', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--no-drafts');
    expect((await runCli(['--help'])).stdout).toContain('omnipress serve');
  });
});
