// Code blocks as readers get them: highlighted at build time in their language (whichever way a
// post wrote them: a fence, Hexo's codeblock, Hugo's highlight, a Chirpy file name), marked lines
// and line numbers that are not text, an unknown language named once per build, and the copy
// button's script only on pages with code. A warm build loads no highlighter.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { type Page, page } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { REPO, buildSite, siteFromFiles, siteFromFixture, spawnCli } from '../helpers/site.js';

describe('code blocks', () => {
  let root: string;
  let report: BuildReport;
  let $: Page;

  beforeAll(async () => {
    root = siteFromFixture('code');
    report = await buildSite(root);
    expect(report.ok).toBe(true);
    $ = page(root, 'ko/posts/code/index.html');
  });

  /** The `code` of the block whose text starts with `start`. */
  const block = (start: string) => $('.post-body pre.code > code').filter((_, el) => $(el).text().startsWith(start)).first();
  const tokens = (code: ReturnType<typeof block>) => code.find('[class^="tok-"]').toArray().map((el) => `${$(el).attr('class')!.slice(4)}:${$(el).text()}`);

  it('are highlighted in their language, with the text exactly as written', () => {
    const python = block('def total');
    expect(python.hasClass('language-python')).toBe(true);
    expect(tokens(python)).toEqual(expect.arrayContaining(['keyword:def ', 'function:total', 'parameter:rows', 'string-expression:"""Sum the votes."""']));
    expect(python.text()).toBe('def total(rows):\n    """Sum the votes."""\n    return sum(int(r["votes"]) for r in rows)\n');
    expect(tokens(block('for f'))).toEqual(expect.arrayContaining(['keyword:for', 'function:echo ', 'constant:$f', 'keyword:done']));
    expect(tokens(block('// 기사'))).toEqual(expect.arrayContaining(['comment:// 기사 목록을 태그로 거릅니다', 'keyword:export const ', 'function:byTag']));
  });

  it("mark the lines Hexo's mark: and Hugo's hl_lines name, and number lines with CSS, not text", () => {
    const hexo = block('const a');
    expect(hexo.parent().is('pre.line-numbers[style="counter-reset: line 9"]')).toBe(true);
    expect(hexo.find('.line.marked').toArray().map((el) => $(el).text())).toEqual(['const b = 2;']);
    expect(hexo.text()).toBe('const a = 1;\nconst b = 2;\n');
    const hugo = block('package main');
    expect(hugo.find('.line.marked').toArray().map((el) => $(el).text())).toEqual(['import "fmt"', 'func main() { fmt.Println("안녕") }']);
  });

  it('show a file name as a caption: Chirpy\'s {: file="…" } and a fence\'s title="…"', () => {
    expect(block('theme: dark').closest('figure.code-block').find('figcaption .code-title').text()).toBe('_config.yml');
    const more = page(root, 'ko/posts/more/index.html');
    expect(more('figure.code-block figcaption .code-title').text()).toBe('run.sh');
    expect(more('figure.code-block .line.marked').text()).toBe('npm ci');
  });

  it("treat indented code as a code block: plain, or in the language of kramdown's {: .language-x } under it", () => {
    const indented = page(root, 'ko/posts/indented/index.html');
    const blocks = indented('.post-body pre.code > code');
    expect(blocks.length).toBe(2);
    expect(blocks.eq(0).text()).toBe("curl -s https://example.com/v1/models | jq '.data[].id'\n");
    expect(blocks.eq(0).children().length).toBe(0);
    const python = blocks.eq(1);
    expect(python.attr('class')).toBe('language-python');
    expect(python.find('.tok-keyword').first().text()).toBe('def ');
    expect(python.text()).toBe('def greet(name):\n    return f"안녕, {name}"\n');
    expect(indented('script[src*="code-copy.js"]').length).toBe(1);
  });

  it('show an unknown language as plain text, named once however many posts use it', () => {
    expect(block('+++.').children().length).toBe(0);
    const unknown = report.diagnostics.filter((d) => d.code === 'code-language');
    expect(unknown.map((d) => d.message)).toEqual(['no highlighting for the code language "brainfudge": the block is shown as plain text']);
  });

  it('leave mermaid diagrams alone and still clean raw HTML', () => {
    expect($('.post-body pre.mermaid').text()).toBe('graph TD; A-->B\n');
    expect($('.post-body pre.mermaid [class^="tok-"]').length).toBe(0);
    const raw = $('.post-body p > span.tok-keyword');
    expect(raw.text()).toBe('raw');
    expect(raw.attr('onclick')).toBeUndefined();
    expect(raw.attr('style')).toBeUndefined();
  });

  it('load the copy button only on pages with code', () => {
    const script = (p: Page) => p('script[src*="code-copy.js"]');
    expect(script($).attr('data-copy-label')).toBe('복사');
    expect(script(page(root, 'ko/posts/more/index.html')).length).toBe(1);
    expect(script(page(root, 'en/posts/prose/index.html')).length).toBe(0);
    expect(script(page(root, 'ko/index.html')).length).toBe(0);
    expect(fs.existsSync(path.join(root, '_site/assets/omnipress/code-copy.js'))).toBe(true);
  });

  it('ship no copy button in a site without code blocks', async () => {
    const plain = siteFromFiles({ 'omnipress.yml': 'title: T\nsearch: false\n', 'posts/en/2024-01-01-a.md': postFile({ title: 'A' }, 'Only `inline` code.') });
    expect((await buildSite(plain)).ok).toBe(true);
    expect(fs.existsSync(path.join(plain, '_site/assets/omnipress/code-copy.js'))).toBe(false);
  });

  it('are highlighted by a cold build only: a warm build loads no highlighter', () => {
    const site = siteFromFixture('code');
    const loaded = path.join(site, 'loaded.txt');
    const packagesOf = (): string[] => {
      const run = spawnCli(['build', '--root', site, '--quiet'], {
        env: { NODE_OPTIONS: `--import ${pathToFileURL(path.join(REPO, 'tests/helpers/loaded-packages.mjs')).href}`, LOADED_PACKAGES: loaded },
      });
      expect(run.status, run.stderr).toBe(0);
      const names = fs.readFileSync(loaded, 'utf8').split('\n').map((file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)?.[1]);
      return [...new Set(names.filter((name) => name !== undefined))];
    };
    expect(packagesOf()).toContain('highlight.js');
    expect(packagesOf()).not.toContain('highlight.js');
  }, 60_000);
});
