// The config file: what a misspelt key does (a warning at its line, with the key that was meant),
// where a site's own data goes (params:, never warned about, seen by templates), and what a value
// that cannot be used does (an error at its line). docs/configuration.md lists every key; its
// own test (tests/integration/configuration-doc.test.ts) holds it to the code.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { readOutput, runCli, siteFromFiles } from '../helpers/site.js';
import { closest } from '../../src/util/did-you-mean.js';

const POST = { 'posts/en/2024-05-01-hello.md': '---\ntitle: Hello\n---\nBody.\n' };

describe('unknown config keys', () => {
  it('each get a warning at its line, with the key that was probably meant; the build goes on', async () => {
    const root = siteFromFiles({
      ...POST,
      'omnipress.yml': 'title: Blog\nbaseurl: /blog\ntimezone: UTC\npagesize: 5\npaginate: 5\nsearchPartSzie: 10\ntwitter: omnipress\nparams:\n  twitter: omnipress\n',
    });
    // --verbose: six warnings of one kind would otherwise print as three and a count.
    const result = await runCli(['build', '--root', root, '--verbose'], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('omnipress.yml:'));
    expect(warnings).toEqual([
      'omnipress.yml:2 warning: unknown config key "baseurl"; did you mean "baseUrl"?',
      'omnipress.yml:3 warning: unknown config key "timezone"; did you mean "timeZone"?',
      'omnipress.yml:4 warning: unknown config key "pagesize"; did you mean "pageSize"?',
      'omnipress.yml:5 warning: unknown config key "paginate"; did you mean "pageSize"?',
      'omnipress.yml:6 warning: unknown config key "searchPartSzie"; did you mean "searchPartSize"?',
      'omnipress.yml:7 warning: unknown config key "twitter"',
    ]);
    expect(result.stderr).toContain('goes under params:');
    expect(result.stdout).toMatch(/6 warnings/);
  });

  it('inside languages, title and mermaid get the same warning, naming the whole key at its own line', async () => {
    const root = siteFromFiles({
      ...POST,
      'omnipress.yml': [
        'title:',
        '  en: Blog',
        '  kr: 블로그',
        'languages:',
        '  en:',
        '    nmae: English',
        '  ko: { name: 한국어, tga: ko }',
        'mermaid:',
        '  chromuim: /opt/chromium',
        'strings:',
        '  ja: { home: ホーム }',
        '',
      ].join('\n'),
    });
    const result = await runCli(['build', '--root', root, '--verbose'], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('omnipress.yml:'))).toEqual([
      'omnipress.yml:3 warning: unknown config key "title.kr"; kr is not one of the site\'s languages (en, ko)',
      'omnipress.yml:6 warning: unknown config key "languages.en.nmae"; did you mean "languages.en.name"?',
      'omnipress.yml:7 warning: unknown config key "languages.ko.tga"; did you mean "languages.ko.tag"?',
      'omnipress.yml:9 warning: unknown config key "mermaid.chromuim"; did you mean "mermaid.chromium"?',
      'omnipress.yml:11 warning: unknown config key "strings.ja"; ja is not one of the site\'s languages (en, ko)',
    ]);
  });

  it('a second config file is not read, and says so', async () => {
    const root = siteFromFiles({ ...POST, 'omnipress.yml': 'title: Blog\n', 'omnipress.json': '{ "title": "Other" }\n' });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("omnipress.json warning: omnipress.json is not read: omnipress.yml is the site's config");
    expect(load(readOutput(root, 'en/posts/hello/index.html'))('title').text()).toContain('Blog');
  });

  it('are not guessed at when nothing is close', () => {
    expect(closest('twitter', ['title', 'timeZone', 'pageSize'])).toBeUndefined();
    expect(closest('baseURL', ['baseUrl', 'pageSize'])).toBe('baseUrl');
    expect(closest('defaultLangauge', ['defaultLanguage', 'languages'])).toBe('defaultLanguage');
  });
});

describe('params:', () => {
  it('reach templates as site.params, without a warning', async () => {
    const root = siteFromFiles({
      ...POST,
      'omnipress.yml': 'params:\n  twitter: omnipress_news\n  links: [a, b]\n',
      'templates/partials/footer.njk': '<footer><p id="handle">@{{ site.params.twitter }}</p><p id="count">{{ site.params.links | length }}</p></footer>\n',
    });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('omnipress.yml');
    const $ = load(readOutput(root, 'en/posts/hello/index.html'));
    expect($('#handle').text()).toBe('@omnipress_news');
    expect($('#count').text()).toBe('2');
  });

  it('must be a mapping', async () => {
    const root = siteFromFiles({ ...POST, 'omnipress.yml': 'params: twitter\n' });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('omnipress.yml:1 error: params must be a mapping');
  });
});

describe('a config that cannot be used', () => {
  it('a language tag that is not BCP 47 is an error at its line, not a crash', async () => {
    const root = siteFromFiles({ ...POST, 'omnipress.yml': 'title: Blog\nlanguages:\n  en: { name: English, tag: "en_US!!" }\n' });
    for (const command of ['build', 'check']) {
      const result = await runCli([command, '--root', root], { cwd: root });
      expect(result.status, command).toBe(1);
      expect(result.stdout + result.stderr).toContain('omnipress.yml:3 error: language en has the tag "en_US!!", which is not a BCP 47 language tag');
      expect(result.stdout + result.stderr).not.toMatch(/RangeError|\n\s+at /);
    }
  });

  it('a value of the wrong type inside a map is an error at its own line', async () => {
    const root = siteFromFiles({
      ...POST,
      'omnipress.yml': 'title:\n  en: [Blog]\nlanguages:\n  en:\n    name: 42\n  ko: 한국어\nstrings:\n  en:\n    home: { text: Home }\n',
    });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('omnipress.yml:'))).toEqual([
      'omnipress.yml:2 error: title.en must be a string',
      'omnipress.yml:5 error: languages.en.name must be a string',
      'omnipress.yml:6 error: languages.ko must be a map such as { name: …, tag: … }, or empty',
      'omnipress.yml:9 error: strings.en.home must be a string',
    ]);
  });

  it('a value the command line overrides is still an error, as it is without the option', async () => {
    const root = siteFromFiles({ ...POST, 'omnipress.yml': 'title: Blog\nbaseUrl: ftp://example.org/\ndrafts: yes\nfuture: 1\n' });
    const result = await runCli(['build', '--root', root, '--base-url', 'https://example.org/', '--drafts', '--future'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('omnipress.yml:'))).toEqual([
      'omnipress.yml:2 error: baseUrl must be an absolute http(s) URL or a path starting with /',
      'omnipress.yml:3 error: drafts must be true or false',
      'omnipress.yml:4 error: future must be true or false',
    ]);
  });

  it('a YAML mistake is an error at its line and column, without the parser\'s own copy of the place', async () => {
    const root = siteFromFiles({ ...POST, 'omnipress.yml': 'title: Blog\npageSize: 10\ntitle: Other\n' });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('omnipress.yml:'))).toEqual([
      'omnipress.yml:3:1 error: invalid config: Map keys must be unique',
    ]);
  });

  it('a folder named omnipress.yml is an error naming it, not a crash', async () => {
    const root = siteFromFiles({ ...POST, 'omnipress.yml/keep': '' });
    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('omnipress.yml error: omnipress.yml is a folder, not a config file');
    expect(result.stderr).not.toMatch(/EISDIR|\n\s+at /);
  });
});
