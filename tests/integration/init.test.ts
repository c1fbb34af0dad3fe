// `omnipress init`: a new site that builds, checks clean and publishes with no edit; it never
// replaces a file, and refuses a folder that is not empty unless asked to fill in what is missing.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { page } from '../helpers/html.js';
import { brokenLinks, validationErrors } from '../helpers/site-check.js';
import { REPO, runCli, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const NOW = { OMNIPRESS_NOW: '2026-12-03T10:15:00+09:00' };

function init(cwd: string, ...args: string[]) {
  return runCli(['init', ...args], { cwd, env: NOW });
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}

describe('omnipress init', () => {
  it('makes a site that builds, checks clean, links its translations and shows its image under a sub-path', async () => {
    const parent = tempDir('omnipress-init-');
    const result = await init(parent, 'blog', '--base-url', 'https://user.github.io/blog/');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('cd blog');
    const root = path.join(parent, 'blog');
    for (const file of ['package.json', 'omnipress.yml', '.gitignore', 'README.md', 'public/images/logo.svg', '.github/workflows/pages.yml', '.github/workflows/check.yml']) {
      expect(fs.existsSync(path.join(root, file)), file).toBe(true);
    }
    for (const lang of ['ko', 'zh', 'en']) expect(fs.existsSync(path.join(root, `posts/${lang}/2026-12-03-welcome.md`)), lang).toBe(true);

    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.name).toBe('blog');
    expect(Object.keys(manifest.scripts)).toEqual(['build', 'serve', 'check', 'new']);
    // Run from this checkout, the site depends on this checkout (npm install then gets it).
    expect(manifest.dependencies.omnipress).toMatch(/^file:/);
    expect(path.resolve(root, manifest.dependencies.omnipress!.slice('file:'.length))).toBe(path.resolve(REPO));
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['_site/', '.omnipress-cache/', 'node_modules/']));
    // Every key of the config says what it is.
    const config = fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8');
    for (const key of ['title', 'languages', 'defaultLanguage', 'timeZone', 'baseUrl']) {
      const line = config.split('\n').findIndex((text) => text.startsWith(`${key}:`));
      expect(line, key).toBeGreaterThan(0);
      expect(config.split('\n')[line - 1], key).toMatch(/^#/);
    }

    const check = await runCli(['check'], { cwd: root });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toMatch(/0 errors, 0 warnings/);
    const build = await runCli(['build'], { cwd: root });
    expect(build.status, build.stderr).toBe(0);
    const site = path.join(root, '_site');
    expect(brokenLinks(site, '/blog/')).toEqual([]);
    expect(await validationErrors(site)).toEqual([]);

    const $ = page(root, 'ko/posts/welcome/index.html');
    expect($('h1').first().text()).toBe('블로그를 시작합니다');
    expect($('img[src="/blog/images/logo.svg"]')).toHaveLength(1);
    expect(fs.existsSync(path.join(site, 'images/logo.svg'))).toBe(true);
    expect($('pre.mermaid')).toHaveLength(1);
    expect($('pre code').text()).toContain('npm run build');
    // The welcome posts are translations of each other: the switcher lands on them.
    const alternates = $('link[rel="alternate"][hreflang]').map((_, el) => $(el).attr('href')).get();
    expect(alternates).toEqual(expect.arrayContaining(['https://user.github.io/blog/zh/posts/welcome/', 'https://user.github.io/blog/en/posts/welcome/']));
  });

  it('writes workflows that check, keep the build cache, pass the Pages URL and deploy', async () => {
    const root = tempDir('omnipress-init-');
    expect((await init(root)).status).toBe(0);
    const pages = parseYaml(fs.readFileSync(path.join(root, '.github/workflows/pages.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
    expect(Object.keys(pages.on)).toContain('push');
    const steps = pages.jobs.build!.steps;
    const at = (match: (step: Step) => boolean) => steps.findIndex(match);
    const cache = at((step) => step.uses?.startsWith('actions/cache@') ?? false);
    const check = at((step) => step.run === 'npx omnipress check');
    const build = at((step) => step.run?.startsWith('npx omnipress build') ?? false);
    expect(cache).toBeGreaterThan(-1);
    expect(steps[cache]!.with?.path).toBe('.omnipress-cache');
    expect(check).toBeGreaterThan(cache);
    expect(build).toBeGreaterThan(check);
    expect(steps[build]!.run).toContain('--base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(steps[at((step) => step.uses?.startsWith('actions/upload-pages-artifact') ?? false)]!.with?.path).toBe('_site');
    expect(pages.jobs.deploy!.steps.some((step) => step.uses?.startsWith('actions/deploy-pages'))).toBe(true);

    const prs = parseYaml(fs.readFileSync(path.join(root, '.github/workflows/check.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: Step[] }> };
    expect(Object.keys(prs.on)).toEqual(['pull_request']);
    expect(Object.values(prs.jobs)[0]!.steps.map((step) => step.run)).toContain('npx omnipress check');
  });

  it('takes the languages, default language, title and time zone it is given', async () => {
    const root = tempDir('omnipress-init-');
    const result = await init(root, '--languages', 'en,ko', '--default', 'ko', '--title', 'Field notes', '--time-zone', 'Europe/Berlin');
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readdirSync(path.join(root, 'posts')).sort()).toEqual(['en', 'ko']);
    const config = parseYaml(fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8')) as Record<string, unknown>;
    expect(config.defaultLanguage).toBe('ko');
    expect(config.timeZone).toBe('Europe/Berlin');
    expect(config.title).toEqual({ en: 'Field notes', ko: 'Field notes' });
    // 10:15 in Seoul is 02:15 in Berlin, the same day.
    expect(fs.readFileSync(path.join(root, 'posts/en/2026-12-03-welcome.md'), 'utf8')).toContain('date: 2026-12-03 02:15:00 +0100');
    expect((await runCli(['build'], { cwd: root })).status).toBe(0);
    expect(page(root, 'index.html')('html').attr('lang')).toBe('ko');
  });

  it('refuses a folder that is not empty, and with --force adds only the missing files, replacing none', async () => {
    const root = siteFromFiles({ 'README.md': '# my notes\n', 'omnipress.yml': 'title: Mine\n' });
    const refused = await init(root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/is not empty \(.*README\.md.*\); init a new folder, or pass --force/);
    expect(fs.readdirSync(root).sort()).toEqual(['README.md', 'omnipress.yml']);

    const forced = await init(root, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toBe('# my notes\n');
    expect(fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8')).toBe('title: Mine\n');
    expect(forced.stdout).toContain('kept 2 existing files: omnipress.yml, README.md');
    expect(fs.existsSync(path.join(root, 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'posts/ko/2026-12-03-welcome.md'))).toBe(true);
  });

  it.each([
    [['--languages', 'ko,,en!'], /--languages must be language codes/],
    [['--default', 'ja'], /--default ja is not one of --languages \(ko, zh, en\)/],
    [['--time-zone', 'Mars/Olympus'], /--time-zone must be an IANA time zone/],
    [['--base-url', 'not a url'], /--base-url must be an http\(s\) URL/],
    [['a', 'b'], /init takes one folder, got 2/],
  ])('a usage error exits 2 and writes nothing: %j', async (args, message) => {
    const root = tempDir('omnipress-init-');
    const result = await init(root, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

/** A terminal's input (or, with `tty: false`, a pipe's) that has these lines typed into it, then ends. */
function typed(lines: string[], tty = true): PassThrough & { isTTY?: boolean } {
  const input: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (tty) input.isTTY = true;
  input.end(lines.map((line) => `${line}\n`).join(''));
  return input;
}

/** `init` run by someone at a terminal (CI unset) who types `answers`. */
function initAsked(cwd: string, answers: string[], ...args: string[]) {
  return runCli(['init', ...args], { cwd, env: { ...NOW, CI: '' }, stdin: typed(answers) });
}

function configOf(root: string): Record<string, unknown> {
  return parseYaml(fs.readFileSync(path.join(root, 'omnipress.yml'), 'utf8')) as Record<string, unknown>;
}

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('omnipress init at a terminal', () => {
  it('asks for what no option gave, showing in brackets the answer Enter gives', async () => {
    const parent = tempDir('omnipress-init-');
    const result = await initAsked(parent, ['blog', 'zh,en', '', 'Field notes', 'Asia/Shanghai', 'https://user.github.io/blog/']);
    expect(result.status, result.stderr).toBe(0);
    for (const question of [
      'Folder of the new site [.]: ',
      'Languages, codes separated by commas [ko,zh,en]: ',
      'Default language (zh, en) [zh]: ',
      'Site title [我的博客 / My blog]: ',
      `Time zone of dates written without one [${LOCAL_ZONE}]: `,
      'URL the site will be published at [none yet]: ',
    ]) {
      expect(result.stdout).toContain(question);
    }
    const root = path.join(parent, 'blog');
    expect(result.stdout).toContain('created omnipress.yml');
    expect(configOf(root)).toMatchObject({
      title: { zh: 'Field notes', en: 'Field notes' },
      languages: { zh: expect.anything(), en: expect.anything() },
      defaultLanguage: 'zh',
      timeZone: 'Asia/Shanghai',
      baseUrl: 'https://user.github.io/blog/',
    });
    expect(fs.readdirSync(path.join(root, 'posts')).sort()).toEqual(['en', 'zh']);
  });

  it('Enter everywhere makes the site the options would by default, in the local time zone, titled per language', async () => {
    const root = tempDir('omnipress-init-');
    const result = await initAsked(root, ['', '', '', '', '', '']);
    expect(result.status, result.stderr).toBe(0);
    const config = configOf(root);
    expect(config).toMatchObject({ title: { ko: '내 블로그', zh: '我的博客', en: 'My blog' }, defaultLanguage: 'ko', timeZone: LOCAL_ZONE });
    expect(Object.keys(config.languages as object)).toEqual(['ko', 'zh', 'en']);
    expect(config.baseUrl).toBeUndefined();
  });

  it('asks again, saying why, after an answer its option would refuse', async () => {
    const root = tempDir('omnipress-init-');
    const result = await initAsked(root, ['', 'ko,,en!', 'ko,en', 'ja', 'en', '', 'Mars/Olympus', 'Europe/Berlin', 'not a url', 'https://example.org/notes']);
    expect(result.status, result.stderr).toBe(0);
    const asked = (question: string) => result.stdout.split(question).length - 1;
    expect(asked('Languages, codes separated by commas [ko,zh,en]: ')).toBe(2);
    expect(result.stdout).toContain('  "ko,,en!" is not a list of language codes such as ko,zh,en\n');
    expect(asked('Default language (ko, en) [ko]: ')).toBe(2);
    expect(result.stdout).toContain('  "ja" is not one of ko, en\n');
    expect(asked('Time zone of dates written without one')).toBe(2);
    expect(result.stdout).toContain('  "Mars/Olympus" is not an IANA time zone such as Asia/Seoul\n');
    expect(asked('URL the site will be published at [none yet]: ')).toBe(2);
    expect(result.stdout).toContain('  "not a url" is not an http(s) URL such as https://user.github.io/blog/\n');
    expect(configOf(root)).toMatchObject({ defaultLanguage: 'en', timeZone: 'Europe/Berlin', baseUrl: 'https://example.org/notes/' });
  });

  it('refuses a folder that is not empty and offers a new one when the current folder has files', async () => {
    const parent = siteFromFiles({ 'notes.txt': 'mine', 'old/README.md': '# old\n' });
    const result = await initAsked(parent, ['old', '', '', '', '', '', '']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Folder of the new site [my-blog]: ');
    expect(result.stdout).toContain('  old is not empty (README.md): choose another folder\n');
    expect(fs.existsSync(path.join(parent, 'my-blog/omnipress.yml'))).toBe(true);
    expect(fs.readdirSync(path.join(parent, 'old'))).toEqual(['README.md']);
  });

  it('asks only what the options leave out', async () => {
    const parent = tempDir('omnipress-init-');
    const result = await initAsked(parent, ['Asia/Seoul', ''], 'blog', '--languages', 'en', '--title', 'Notes');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/Folder|Languages|Default language|Site title/);
    expect(result.stdout).toContain('Time zone of dates written without one');
    expect(configOf(path.join(parent, 'blog'))).toMatchObject({ title: { en: 'Notes' }, defaultLanguage: 'en', timeZone: 'Asia/Seoul' });
  });

  it('with --default, offers languages that have it and refuses languages that do not', async () => {
    const root = tempDir('omnipress-init-');
    const result = await initAsked(root, ['', 'ko,zh', '', '', 'Asia/Tokyo', ''], '--default', 'ja');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Languages, codes separated by commas [ja,ko,zh,en]: ');
    expect(result.stdout).toContain('  "ko,zh" does not have ja, the --default language\n');
    expect(result.stdout).not.toContain('Default language');
    expect(configOf(root)).toMatchObject({ defaultLanguage: 'ja', timeZone: 'Asia/Tokyo' });
    expect(Object.keys(configOf(root).languages as object)).toEqual(['ja', 'ko', 'zh', 'en']);
  });

  it('a wrong option is a usage error before any question', async () => {
    const root = tempDir('omnipress-init-');
    const result = await initAsked(root, ['', '', ''], '--time-zone', 'Mars/Olympus');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('input that ends before the last answer (Ctrl-D) writes nothing and exits 2', async () => {
    const root = tempDir('omnipress-init-');
    const result = await initAsked(root, ['', 'ko']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('init stopped before its questions were answered; nothing was written');
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it.each([
    ['in CI, even on a terminal', { CI: 'true' }, true],
    ['with input from a pipe', { CI: '' }, false],
  ])('asks nothing %s: the defaults, as with no input at all', async (_, env, tty) => {
    const root = tempDir('omnipress-init-');
    const result = await runCli(['init'], { cwd: root, env: { ...NOW, ...env }, stdin: typed(['en', 'en', 'Typed', 'UTC', ''], tty) });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('[');
    expect(configOf(root)).toMatchObject({ defaultLanguage: 'ko', timeZone: 'Asia/Seoul', title: { ko: '내 블로그' } });
  });
});
