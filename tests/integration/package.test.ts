// omnipress as a stranger installs it: the tarball `npm pack` makes, installed into an empty
// folder with npm, then run there with npx against a site of that folder's own and a site its
// init makes. The one test
// that installs packages (from npm's cache, which `npm ci` filled): it takes a few seconds more
// than the others.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page } from '../helpers/html.js';
import { png } from '../helpers/images.js';
import { postFile } from '../helpers/post.js';
import { spawnServe } from '../helpers/serve.js';
import { brokenLinks, validationErrors } from '../helpers/site-check.js';
import { REPO } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('the npm package', () => {
  it('holds what omnipress runs with and nothing else, installs into an empty folder, inits, builds, restyles and serves sites there', async () => {
    const packed = tempDir('omnipress-pack-');
    // dist/ is compiled already (the suite's global set-up): no prepare script again.
    const [info] = JSON.parse(run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], REPO)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = info!.files.map((file) => file.path);
    for (const needed of ['bin/omnipress.js', 'dist/cli.js', 'dist/index.d.ts', 'templates/layouts/post.njk', 'templates/i18n/ko.json', 'client/search.js', 'package.json', 'README.md']) {
      expect(files, needed).toContain(needed);
    }
    for (const prefix of ['tests/', 'bench/', 'posts/', 'src/', 'public/', 'docs/', '.ci/', '.github/']) {
      expect(files.filter((file) => file.startsWith(prefix)), prefix).toEqual([]);
    }

    const site = tempDir('omnipress-installed-');
    fs.writeFileSync(path.join(site, 'package.json'), '{ "name": "my-blog", "private": true }\n');
    run(NPM, ['install', '--prefer-offline', path.join(packed, info!.filename)], site);
    // Build mode's browser driver is an optional peer: a site that does not ask for it has none.
    expect(fs.existsSync(path.join(site, 'node_modules/playwright-core'))).toBe(false);
    const version = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run('npx', ['omnipress', '--version'], site).trim()).toBe(version);

    fs.mkdirSync(path.join(site, 'posts/ko'), { recursive: true });
    fs.writeFileSync(path.join(site, 'posts/ko/2024-05-14-첫-글.md'), postFile({ title: '첫 글' }, '설치한 패키지로 만든 글입니다.'));
    run('npx', ['omnipress', 'build'], site);
    expect(fs.readFileSync(path.join(site, '_site/ko/posts/첫-글/index.html'), 'utf8')).toContain('설치한 패키지로 만든 글입니다.');
    expect(fs.existsSync(path.join(site, '_site/pagefind/pagefind.js'))).toBe(true);

    // Responsive images: sharp, an optional dependency, comes with the install and loads there.
    fs.writeFileSync(path.join(site, 'omnipress.yml'), 'images: { responsive: true }\n');
    fs.writeFileSync(path.join(site, 'posts/ko/다리.png'), png(900, 600));
    fs.appendFileSync(path.join(site, 'posts/ko/2024-05-14-첫-글.md'), '\n![다리 사진](다리.png)\n');
    run('npx', ['omnipress', 'build'], site);
    const srcset = page(site, 'ko/posts/첫-글/index.html')('picture source').attr('srcset') ?? '';
    expect(srcset).toMatch(/^\/assets\/images\/[0-9a-f]{16}-480w-q80\.webp 480w, \/assets\/images\/[0-9a-f]{16}-800w-q80\.webp 800w, .*900w$/);
    for (const candidate of srcset.split(', ')) expect(fs.existsSync(path.join(site, '_site', candidate.split(' ')[0]!))).toBe(true);

    // The installed bin itself (not through npx, whose child would outlive a kill).
    // A new site made by the installed init, in a folder of its own: it depends on the same
    // tarball, and installs and builds with its own npm scripts, no edit needed.
    const own = path.join(tempDir('omnipress-own-'), 'my-site');
    run('npx', ['omnipress', 'init', own, '--languages', 'ko,zh,en'], site);
    const dependency = (JSON.parse(fs.readFileSync(path.join(own, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.omnipress!;
    expect(path.resolve(own, dependency.replace(/^file:/, ''))).toBe(path.join(packed, info!.filename));
    run(NPM, ['install', '--prefer-offline'], own);
    run(NPM, ['run', 'build'], own);
    expect(fs.existsSync(path.join(own, '_site/en/posts/welcome/index.html'))).toBe(true);
    expect(brokenLinks(path.join(own, '_site'))).toEqual([]);
    expect(await validationErrors(path.join(own, '_site'))).toEqual([]);

    // Making the theme its own: a copied built-in partial, edited, shows its edit.
    run('npx', ['omnipress', 'templates', 'copy', 'partials/footer.njk'], own);
    const footer = path.join(own, 'templates/partials/footer.njk');
    fs.writeFileSync(footer, fs.readFileSync(footer, 'utf8').replace('<footer class="site-footer">', '<footer class="site-footer"><p class="mine">우리 블로그</p>'));
    run(NPM, ['run', 'build'], own);
    expect(page(own, 'zh/posts/welcome/index.html')('footer .mine').text()).toBe('우리 블로그');

    const { url } = await spawnServe(path.join(site, 'node_modules/.bin/omnipress'), ['--port', '0'], site);
    const served = await fetch(`${url}/ko/posts/${encodeURIComponent('첫-글')}/`);
    expect(served.status).toBe(200);
    expect(await served.text()).toContain('설치한 패키지로 만든 글입니다.');
  }, 180_000);
});
