// The files `omnipress init` writes for a new site: plain data (path → text), decided from the
// options alone, so that the command only has to write what is missing.
import { DEFAULT_LANGUAGES } from '../config.js';

export interface ScaffoldOptions {
  /** Language codes, the default first or as given (`ko`, `zh`, `en`). */
  languages: string[];
  defaultLanguage: string;
  /** The site title, the same in every language until the editor translates it. */
  title?: string;
  timeZone: string;
  /** `https://user.github.io/repo/`, or '' when not known yet. */
  baseUrl: string;
  /** The omnipress the site depends on, as package.json says it (`^0.1.0`, `file:../omnipress-0.1.0.tgz`). */
  omnipress: string;
  /** The folder name, for package.json. */
  name: string;
  /** The welcome posts' date in front-matter form (`2026-12-03 10:15:00 +0900`): now, so that they are published. */
  date: string;
}

/** A new site's texts in a language: its title and the welcome post. */
interface LanguageText {
  title: string;
  welcome: { title: string; intro: string; heading: string; body: string; diagram: string[]; imageAlt: string };
}

const KNOWN: Record<string, LanguageText> = {
  ko: {
    title: '내 블로그',
    welcome: {
      title: '블로그를 시작합니다',
      intro: 'omnipress로 만든 첫 글입니다. 이 파일을 고치거나 지우고, `npx omnipress new ko "제목"`으로 새 글을 쓰세요.',
      heading: '글은 이렇게 씁니다',
      body: '위의 머리말(front matter)에 제목·날짜·태그를 적고, 본문은 마크다운으로 씁니다. 그림은 `public/`에 두고 링크합니다.',
      diagram: ['flowchart LR', '  A[글 쓰기] --> B[미리 보기] --> C[게시]'],
      imageAlt: 'omnipress 로고',
    },
  },
  zh: {
    title: '我的博客',
    welcome: {
      title: '博客开张了',
      intro: '这是用 omnipress 生成的第一篇文章。修改或删除这个文件，然后用 `npx omnipress new zh "标题"` 写新文章。',
      heading: '怎样写文章',
      body: '在上面的前言（front matter）里写标题、日期和标签，正文用 Markdown 写。图片放在 `public/` 里再链接。',
      diagram: ['flowchart LR', '  A[写作] --> B[预览] --> C[发布]'],
      imageAlt: 'omnipress 标志',
    },
  },
  en: {
    title: 'My blog',
    welcome: {
      title: 'Welcome to the blog',
      intro: 'The first post of a site made with omnipress. Edit or delete this file, then write new posts with `npx omnipress new en "Title"`.',
      heading: 'How posts are written',
      body: 'The front matter above holds the title, date and tags; the body is Markdown. Images go in `public/` and are linked from there.',
      diagram: ['flowchart LR', '  A[Write] --> B[Preview] --> C[Publish]'],
      imageAlt: 'The omnipress logo',
    },
  },
};

/** The texts of `code` (English ones for a language omnipress has none for). */
function language(code: string): LanguageText {
  return KNOWN[code] ?? KNOWN.en!;
}

/** The title a new site gets in `code` when none is given. */
export function defaultTitle(code: string): string {
  return language(code).title;
}

/** A language's name and BCP 47 tag as the config gives them by default (its code otherwise). */
function nameAndTag(code: string): { name: string; tag: string } {
  const known = DEFAULT_LANGUAGES.find((l) => l.code === code);
  return { name: known?.name ?? code, tag: known?.tag ?? code };
}

/** A YAML scalar that stays a string whatever it holds. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/** Path (relative to the site folder, `/`-separated) → text of every file of a new site. */
export function scaffold(options: ScaffoldOptions): Map<string, string> {
  const files = new Map<string, string>();
  const { languages, defaultLanguage } = options;
  files.set('package.json', packageJson(options));
  files.set('omnipress.yml', configFile(options));
  files.set('.gitignore', '_site/\n.omnipress-cache/\nnode_modules/\n');
  files.set('public/images/logo.svg', LOGO);
  for (const code of languages) files.set(`posts/${code}/${options.date.slice(0, 10)}-welcome.md`, welcomePost(code, options.date));
  files.set('.github/workflows/pages.yml', pagesWorkflow());
  files.set('.github/workflows/check.yml', checkWorkflow());
  files.set('README.md', siteReadme(options, language(defaultLanguage)));
  return files;
}

function packageJson(options: ScaffoldOptions): string {
  const name = options.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '') || 'my-blog';
  const manifest = {
    name,
    private: true,
    type: 'module',
    scripts: { build: 'omnipress build', serve: 'omnipress serve', check: 'omnipress check', new: 'omnipress new' },
    dependencies: { omnipress: options.omnipress },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function configFile(options: ScaffoldOptions): string {
  const lines = [
    '# omnipress site settings. Every key is optional; docs/configuration.md of omnipress lists them all.',
    '',
    '# The site title, per language.',
    'title:',
    ...options.languages.map((code) => `  ${code}: ${yamlString(options.title ?? language(code).title)}`),
    '',
    '# The languages of the site: code → its name (shown in the language switcher) and BCP 47 tag.',
    'languages:',
    ...options.languages.map((code) => `  ${code}: { name: ${yamlString(nameAndTag(code).name)}, tag: ${nameAndTag(code).tag} }`),
    '',
    '# The language of the root page and of posts that say none.',
    `defaultLanguage: ${options.defaultLanguage}`,
    '',
    '# Dates without an offset (2024-05-14 10:00) are in this time zone.',
    `timeZone: ${options.timeZone}`,
    '',
    '# Where the site is published, for feeds, the sitemap and canonical links. The GitHub Pages',
    '# workflow passes its own with --base-url.',
    options.baseUrl ? `baseUrl: ${options.baseUrl}` : '# baseUrl: https://example.org/',
    '',
  ];
  return lines.join('\n');
}

function welcomePost(code: string, date: string): string {
  const text = language(code).welcome;
  return [
    '---',
    `title: ${yamlString(text.title)}`,
    `date: ${date}`,
    `lang: ${code}`,
    'categories: [omnipress]',
    'tags: [welcome]',
    // One translationKey for the welcome post of every language: each links the others.
    'translationKey: welcome',
    '---',
    '',
    text.intro,
    '',
    `## ${text.heading}`,
    '',
    text.body,
    '',
    `![${text.imageAlt}](/images/logo.svg)`,
    '',
    '```mermaid',
    ...text.diagram,
    '```',
    '',
    '```sh',
    'npm run serve   # http://localhost:8080',
    'npm run build   # → _site/',
    '```',
    '',
  ].join('\n');
}

function pagesWorkflow(): string {
  return `# Publishes the site to GitHub Pages on every push to main.
# Settings → Pages → Source: "GitHub Actions". The base URL comes from the repository's Pages
# settings (https://USER.github.io/REPO/ or a custom domain), so links work under the sub-path.
name: Publish to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0 # posts without a date take their first commit's
      - uses: actions/setup-node@v5
        with:
          node-version: 22
      - id: pages
        uses: actions/configure-pages@v5
      - run: npm install
      # The build cache, kept between runs: a push that changes one post renders only what shows it.
      - uses: actions/cache@v4
        with:
          path: .omnipress-cache
          key: omnipress-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: omnipress-\${{ runner.os }}-
      - run: npx omnipress check
      - run: npx omnipress build --base-url "\${{ steps.pages.outputs.base_url }}/"
      - uses: actions/upload-pages-artifact@v4
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

function checkWorkflow(): string {
  return `# Checks the posts of every pull request without publishing anything: errors fail the check and
# show as annotations on the changed lines.
name: Check posts

on:
  pull_request:

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v5
        with:
          node-version: 22
      - run: npm install
      - run: npx omnipress check
`;
}

function siteReadme(options: ScaffoldOptions, main: LanguageText): string {
  return `# ${options.title ?? main.title}

A multilingual blog made with [omnipress](https://www.npmjs.com/package/omnipress).

## Writing

Posts are Markdown files in \`posts/<language>/\`, with front matter (title, date, tags, categories).
Start one with \`npm run new -- ${options.defaultLanguage} "A title"\`. Posts of different languages that share a
\`translationKey\` are translations of each other; the language switcher links them. Images and other
files go in \`public/\`.

## Previewing

\`\`\`sh
npm install
npm run serve      # http://localhost:8080, rebuilt on every save
\`\`\`

## Publishing

\`npm run build\` writes the site to \`_site/\`, ready for any static host. On GitHub, push to \`main\`
with *Settings → Pages → Source* set to *GitHub Actions*: \`.github/workflows/pages.yml\` checks,
builds and publishes it, and \`check.yml\` checks every pull request.
`;
}

/** A small self-contained image, so that the welcome posts show one from public/. */
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80" role="img" aria-label="omnipress">
  <rect width="240" height="80" rx="12" fill="#1f4e79"/>
  <text x="120" y="50" font-family="sans-serif" font-size="28" fill="#fff" text-anchor="middle">omnipress</text>
</svg>
`;
