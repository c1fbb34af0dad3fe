// Build mode: diagrams become inline SVG at build time, cached, with errors naming file and line.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { page, parseHtml } from '../helpers/html.js';
import { runCli, siteFromFiles, spawnCli } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const CHROMIUM = process.env.OMNIPRESS_CHROMIUM || '/usr/bin/chromium';
// Under CI a missing browser is a failure, never a silent skip.
const withBrowser = describe.skipIf(!fs.existsSync(CHROMIUM) && !process.env.CI);

const flowchart = '```mermaid\nflowchart LR\n  A[입력] --> B((모델)) --> C[출력]\n```';
const sequence = '```mermaid\nsequenceDiagram\n  accTitle: 음성 대화의 흐름\n  사용자->>GPT-4o: 질문\n  GPT-4o-->>사용자: 답\n```';

function diagramSite(extra: Record<string, string> = {}) {
  return siteFromFiles({
    'posts/ko/2024-05-14-diagrams.md': `---\ntitle: 다이어그램\n---\n첫 문단.\n\n${flowchart}\n\n${sequence}\n`,
    'posts/ko/2024-05-13-plain.md': '---\ntitle: 그림 없음\nmermaid: true\n---\n본문.\n',
    ...extra,
  });
}

const ARGS = ['build', '--mermaid', 'build', '--root'];
const build = (root: string) => runCli([...ARGS, root]);
// OMNIPRESS_CHROMIUM and NODE_OPTIONS are read when the process starts: a process of its own.
const spawnBuild = (root: string, env: NodeJS.ProcessEnv) => spawnCli([...ARGS, root], { env });

withBrowser('mermaid build mode', () => {
  it('writes inline SVG in light and dark variants and ships no mermaid JavaScript', async () => {
    const root = diagramSite();
    const result = await build(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const $ = page(root, 'ko/posts/diagrams/index.html');
    const figures = $('figure.diagram');
    expect(figures).toHaveLength(2);
    expect($('pre.mermaid')).toHaveLength(0);
    figures.each((_, figure) => {
      expect($(figure).attr('role')).toBe('img');
      expect($(figure).find('.diagram-light svg')).toHaveLength(1);
      expect($(figure).find('.diagram-dark svg')).toHaveLength(1);
    });
    expect(figures.first().text()).toContain('입력');
    expect(figures.first().attr('aria-label')).toBe('다이어그램');
    expect(figures.last().attr('aria-label')).toBe('음성 대화의 흐름');
    // Ids stay unique on the page although light and dark are the same diagram.
    const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
    expect(new Set(ids).size).toBe(ids.length);
    // JavaScript only: the JSON-LD <script type="application/ld+json"> is data.
    expect($('script').filter((_, el) => !/^application\/ld\+json$/i.test($(el).attr('type') ?? ''))).toHaveLength(0);
    expect(fs.existsSync(path.join(root, '_site/assets/mermaid'))).toBe(false);
    expect(fs.existsSync(path.join(root, '_site/assets/omnipress/mermaid-loader.js'))).toBe(false);
    // Search indexes the prose, not the labels twice over (light and dark).
    figures.each((_, figure) => expect($(figure).is('[data-pagefind-ignore]')).toBe(true));
    // Feed readers get each diagram once, in its light colours: they cannot pick by colour scheme.
    const feed = fs.readFileSync(path.join(root, '_site/ko/feed.json'), 'utf8');
    const item = (JSON.parse(feed) as { items: Array<{ url: string; content_html: string }> }).items.find((i) => i.url.endsWith('/ko/posts/diagrams/'))!;
    const inFeed = parseHtml(item.content_html);
    expect(inFeed('figure.diagram')).toHaveLength(2);
    expect(inFeed('figure.diagram svg')).toHaveLength(2);
    expect(inFeed('.diagram-dark')).toHaveLength(0);
    expect(inFeed('figure.diagram').first().text()).toContain('입력');
  });

  it('renders nothing on a second build: every diagram comes from the cache', async () => {
    const root = diagramSite();
    expect((await build(root)).stdout).toMatch(/diagrams: 2 rendered \(\d+ ms each, browser start [\d.]+ s\), 0 cached/);
    const before = fs.readFileSync(path.join(root, '_site/ko/posts/diagrams/index.html'), 'utf8');
    const second = await build(root);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/diagrams: 0 rendered, 2 cached/);
    expect(fs.readFileSync(path.join(root, '_site/ko/posts/diagrams/index.html'), 'utf8')).toBe(before);
    // Changing one diagram renders only that one.
    const post = path.join(root, 'posts/ko/2024-05-14-diagrams.md');
    fs.writeFileSync(post, fs.readFileSync(post, 'utf8').replace('C[출력]', 'C[새 출력]'));
    expect((await build(root)).stdout).toMatch(/diagrams: 1 rendered .*, 1 cached/);
    // Three builds, two of them starting Chromium: on a loaded 2-core CI machine that took 45 s.
  }, 120_000);

  it('warns when no installed font has the labels\' script, and draws the diagrams again once one is', async () => {
    const root = siteFromFiles({
      'posts/ko/2024-05-14-flow.md': `---\ntitle: 흐름\n---\n문단.\n\n${flowchart}\n\n\`\`\`mermaid\nflowchart TD\n  X[질문] --> Y[답]\n\`\`\`\n`,
      'posts/zh/2024-05-14-flow.md': '---\ntitle: 流程\n---\n正文。\n\n```mermaid\nflowchart LR\n  A[输入] --> B[统一模型]\n```\n',
    });
    // The machine's fontconfig with every font for Korean, Chinese and Japanese taken away, as on
    // a server image without CJK font packages.
    const conf = path.join(tempDir(), 'fonts.conf');
    const reject = ['ko', 'zh-cn', 'ja'].map((lang) => `<pattern><patelt name="lang"><string>${lang}</string></patelt></pattern>`).join('');
    fs.writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><selectfont><rejectfont><glob>*CJK*</glob>${reject}</rejectfont></selectfont></fontconfig>\n`);
    const without = spawnBuild(root, { FONTCONFIG_FILE: conf });
    expect(without.status).toBe(0);
    const warnings = without.stderr.split('\n').filter((line) => line.includes('warning:'));
    expect(warnings).toEqual([
      expect.stringMatching(/^posts\/ko\/2024-05-14-flow\.md:6 warning: diagram labels in Korean \(Hangul\), but no installed font has them/),
      expect.stringMatching(/^posts\/zh\/2024-05-14-flow\.md:6 warning: diagram labels in Chinese characters \(Han\), but no installed font has them/),
    ]);
    expect(without.stderr).toMatch(/apt-get install fonts-noto-cjk.*; 2 diagrams need them/);
    expect(without.stdout).toMatch(/diagrams: 3 rendered/);
    // With the machine's own fonts the cached drawings are not reused: they were drawn without them.
    const withFonts = await build(root);
    expect(withFonts.stderr).toBe('');
    expect(withFonts.stdout).toMatch(/diagrams: 3 rendered .*, 0 cached/);
    expect((await build(root)).stdout).toMatch(/diagrams: 0 rendered, 3 cached/);
  }, 120_000);

  it('fails the build on a diagram syntax error, naming the post and the fence line', async () => {
    const root = diagramSite({
      'posts/zh/2024-05-14-broken.md': '---\ntitle: 坏图\n---\n正文。\n\n```mermaid\nflowchart LR\n  A --> \n  B -->>>> ((\n```\n',
    });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/posts\/zh\/2024-05-14-broken\.md:6 error: mermaid diagram has an error/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('fails the build on a diagram over Mermaid\'s size limit instead of publishing a picture saying so', async () => {
    const nodes = Array.from({ length: 2200 }, (_, i) => `  N${i}[node number ${i}] --> N${i + 1}`).join('\n');
    const root = diagramSite({ 'posts/en/2024-05-14-huge.md': `---\ntitle: Huge\n---\nText.\n\n\`\`\`mermaid\nflowchart LR\n${nodes}\n\`\`\`\n` });
    const result = await build(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/posts\/en\/2024-05-14-huge\.md:6 error: mermaid diagram has an error: the diagram is [\d,]+ characters long, more than Mermaid's limit of 50,000/);
    expect(fs.existsSync(path.join(root, '_site'))).toBe(false);
  });

  it('keeps scripts in diagram labels out of the SVG', async () => {
    const root = siteFromFiles({
      'posts/en/2024-05-14-xss.md':
        '---\ntitle: XSS\n---\n```mermaid\nflowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B["<script>alert(2)</script>"]\n  click A "javascript:alert(3)"\n```\n',
    });
    expect((await build(root)).status).toBe(0);
    const html = page(root, 'en/posts/xss/index.html')('main').html() ?? '';
    expect(html).toContain('<svg');
    // The page's JSON-LD <script type="application/ld+json"> is data (its `<` escaped), not a diagram's.
    expect(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '')).not.toMatch(/onerror|<script|javascript:/i);
  });
});

describe('mermaid build mode without a browser', () => {
  it('falls back to client mode with one clear warning', async () => {
    const root = diagramSite();
    // Playwright leaves its profile and artifacts folders behind when Chromium fails to start:
    // a temp folder of the test's own, removed with it.
    const result = spawnBuild(root, { OMNIPRESS_CHROMIUM: '/nonexistent/chromium', TMPDIR: tempDir('omnipress-no-chromium-') });
    expect(result.status).toBe(0);
    expect(result.stderr.match(/warning: mermaid build mode: could not start Chromium at \/nonexistent\/chromium/g)).toHaveLength(1);
    const $ = page(root, 'ko/posts/diagrams/index.html');
    expect($('pre.mermaid')).toHaveLength(2);
    expect($('script[type="module"]').attr('src')).toBe('/assets/omnipress/mermaid-loader.js');
  });

  it('says playwright-core is missing when the site did not install it, and still builds', async () => {
    const root = diagramSite();
    const hide = path.resolve('tests/helpers/hide-packages.mjs');
    const result = spawnBuild(root, { HIDE_PACKAGES: 'playwright-core', NODE_OPTIONS: `--import ${pathToFileURL(hide).href}` });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: mermaid build mode: the playwright-core package, which drives Chromium, is not installed/);
    expect(result.stderr).toMatch(/npm install playwright-core/);
    expect(result.stderr).not.toMatch(/install Chromium/);
    expect(page(root, 'ko/posts/diagrams/index.html')('pre.mermaid')).toHaveLength(2);
  });
});
