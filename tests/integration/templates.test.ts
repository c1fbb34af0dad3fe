// `omnipress templates`: the built-in theme's files listed, and copied into the site to edit; a
// copied and edited file is what the built pages show, and a copy never replaces the site's own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { REPO, runCli, siteFromFiles } from '../helpers/site.js';

const SITE = { 'posts/en/2024-05-01-a.md': postFile({ title: 'A' }, 'Text.') };

function builtIn(rel: string): string {
  return fs.readFileSync(path.join(REPO, 'templates', rel), 'utf8');
}

describe('omnipress templates', () => {
  it('lists every built-in file and marks the ones the site has its own of', async () => {
    const root = siteFromFiles({ ...SITE, 'templates/partials/footer.njk': '<footer>mine</footer>\n' });
    const result = await runCli(['templates', 'list'], { cwd: root });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    for (const file of ['layouts/post.njk', 'layouts/base.njk', 'partials/header.njk', 'i18n/ko.json', 'assets/style.css']) {
      expect(lines, file).toContain(file);
    }
    expect(lines).toContain("partials/footer.njk  (the site's own: templates/partials/footer.njk)");
  });

  it('copies a file to edit, and the built pages show the edit', async () => {
    const root = siteFromFiles(SITE);
    const copied = await runCli(['templates', 'copy', 'partials/footer.njk'], { cwd: path.join(root, 'posts') });
    expect(copied.status, copied.stderr).toBe(0);
    const own = path.join(root, 'templates/partials/footer.njk');
    expect(fs.readFileSync(own, 'utf8')).toBe(builtIn('partials/footer.njk'));
    fs.writeFileSync(own, '<footer class="site-footer"><p>Written by hand</p></footer>\n');
    expect((await runCli(['build'], { cwd: root })).status).toBe(0);
    expect(page(root, 'en/posts/a/index.html')('footer').text()).toContain('Written by hand');
  });

  it('never replaces a file the site has: a named one fails, --all fills in only what is missing', async () => {
    const root = siteFromFiles({ ...SITE, 'templates/partials/footer.njk': '<footer>mine</footer>\n' });
    const named = await runCli(['templates', 'copy', 'footer.njk'], { cwd: root });
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('kept templates/partials/footer.njk (the site has its own; never replaced)');
    const all = await runCli(['templates', 'copy', '--all'], { cwd: root });
    expect(all.status, all.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'templates/partials/footer.njk'), 'utf8')).toBe('<footer>mine</footer>\n');
    expect(fs.readFileSync(path.join(root, 'templates/layouts/post.njk'), 'utf8')).toBe(builtIn('layouts/post.njk'));
    expect((await runCli(['build'], { cwd: root })).status).toBe(0);
  });

  it.each([
    [['copy', 'fotter.njk'], /"fotter\.njk" is not a file of the built-in theme \(did you mean footer\.njk\?\)/],
    [['copy'], /templates copy takes the names of files to copy, or --all/],
    [['copy', 'footer', '--all'], /templates copy takes the names of files to copy, or --all/],
    [['move', 'footer'], /unknown templates action "move"/],
    [[], /templates needs list or copy/],
  ])('a usage error exits 2 and copies nothing: %j', async (args, message) => {
    const root = siteFromFiles(SITE);
    const result = await runCli(['templates', ...args], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(path.join(root, 'templates'))).toBe(false);
  });
});
