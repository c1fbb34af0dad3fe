// docs/templates.md against the code, both ways. A site whose own templates print every variable,
// function, filter and UI string the page lists is built for real: each must show a value of its
// type wherever the page says it exists (and the example value the page gives). And templates may
// receive nothing the page does not list: not at the top level (the context each layout is
// rendered with, seen as Nunjucks receives it) and not as a field of any object the page lists
// the fields of (enumerated by the templates themselves, `{% for k, v in page %}`).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BuildReport } from '../../src/build.js';
import { page, type Page } from '../helpers/html.js';
import { png } from '../helpers/images.js';
import { postFile } from '../helpers/post.js';
import { REPO, buildSite, siteFromFiles } from '../helpers/site.js';
import { hasFields, readTemplatesDoc, variablesPartial, type BaseType, type Variable } from '../helpers/templates-doc.js';

const doc = readTemplatesDoc(path.join(REPO, 'docs/templates.md'));
const { Environment, Template } = createRequire(import.meta.url)('nunjucks') as typeof nunjucks;

// Every layout of the site prints the same partial; post pages also print a front-matter value
// and the body, for what the page says about escaping.
const LAYOUT = `<!DOCTYPE html>
<html lang="{{ page.tag }}">
<head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body>
{% include "partials/variables.njk" %}
{% if post %}<div id="source">{{ post.data.source }}</div><div id="body">{{ post.html | safe }}</div>{% endif %}
</body>
</html>
`;

// The site the doc's examples come from: three Korean posts (the middle one, GPT-4o 출시, is the
// example post, with every optional field set), its English original, which it lags, and a pageSize of 1 so
// that lists have a page with both a newer and an older page.
const EXAMPLE_POST = '/blog/ko/posts/gpt-4o/';
const SITE = {
  'omnipress.yml': `title:
  ko: 옴니프레스
  en: omnipress
description:
  ko: 인공지능 소식을 전합니다
  en: News about AI
baseUrl: https://example.org/blog/
timeZone: Asia/Seoul
pageSize: 1
languages:
  ko: { name: 한국어, tag: ko }
  en: { name: English, tag: en }
images: { responsive: true }
authors:
  kim: { bio: 인공지능 소식을 취재합니다, avatar: /img/kim.png }
params:
  twitter: omnipress_news
footerNote: 매주 월요일 발행
`,
  'posts/ko/2024-05-10-welcome.md': postFile({ title: '옴니프레스를 시작합니다', tags: '[공지]', categories: '[소식]' }, '첫 글입니다. $E = mc^2$\n\n```mermaid\ngraph TD; A-->B\n```'),
  'posts/ko/2024-05-13-gpt-4o.md': postFile(
    {
      title: 'GPT-4o 출시',
      date: '2024-05-13 10:00:00 +0900',
      updated: '2024-05-14 09:30:00 +0900',
      tags: '[OpenAI, 인공지능]',
      categories: '[뉴스]',
      author: 'kim',
      description: '음성과 이미지를 함께 다루는 새 모델',
      image: '{ path: /img/gpt-4o.png, alt: GPT-4o 발표 화면 }',
      layout: 'article',
      series: 'GPT-4o 해설',
      source: 'OpenAI 블로그',
    },
    '## 무엇이 바뀌었나\n\n본문입니다.\n\n## 가격\n\n## 사용 방법\n\n```bash\ncurl https://api.openai.com/v1/models\n```',
  ),
  'posts/ko/2024-05-20-voice.md': postFile({ title: '음성 모드 공개', tags: '[OpenAI]', categories: '[뉴스]', series: 'GPT-4o 해설' }, '음성 모드 이야기.'),
  // Dated before the Korean post and updated after it: its original, which the Korean translation lags.
  'posts/en/2024-05-13-gpt-4o.md': postFile({ title: 'GPT-4o is out', updated: '2024-05-15 08:00:00 +0900', tags: '[OpenAI]', source: '"<b>{{ site.title }}</b>"' }, 'Written as {{ page.title }}.'),
  '_data/authors.yml': 'kim: { name: 김기자, url: "https://example.com/kim/" }\n',
  'public/img/gpt-4o.png': png(1200, 630),
  'public/img/kim.png': png(96, 96),
  'templates/partials/variables.njk': variablesPartial(doc),
  'templates/layouts/article.njk': LAYOUT,
  ...Object.fromEntries(doc.pageKinds.map((row) => [`templates/${row.layout}`, LAYOUT])),
};

/** One call of a layout, as Nunjucks received it. */
interface Render {
  /** `layouts/index.njk`, or `built-in layouts/index.njk`. */
  layout: string;
  context: Record<string, unknown> & { page: { kind: string; url: string }; post?: { url: string } };
  env: { filters: Record<string, unknown>; globals: Record<string, unknown> };
}

/** A built page: its kind, the values printed per variable name, the keys printed per object. */
interface BuiltPage {
  file: string;
  kind: string;
  values: Map<string, unknown[]>;
  keys: Map<string, Set<string>>;
  $: Page;
}

describe('docs/templates.md', () => {
  const root = siteFromFiles(SITE);
  const templates = path.join(root, 'templates');
  const renders: Render[] = [];
  const pages: BuiltPage[] = [];
  let report: BuildReport;

  beforeAll(async () => {
    // Every layout's context as Nunjucks receives it: Template#render is what the engine calls.
    const render = Template.prototype.render as (...args: unknown[]) => unknown;
    const spy = vi.spyOn(Template.prototype as unknown as { render: (...args: unknown[]) => unknown }, 'render');
    spy.mockImplementation(function (this: nunjucks.Template & { path: string; env: Render['env'] }, ...args: unknown[]) {
      const file = this.path;
      const own = path.relative(templates, file);
      const layout = own.startsWith('..') ? `built-in ${path.relative(path.join(REPO, 'templates'), file)}` : own;
      if (layout.replace(/^built-in /, '').startsWith('layouts')) renders.push({ layout: layout.split(path.sep).join('/'), context: args[0] as Render['context'], env: this.env });
      return render.apply(this, args);
    });
    try {
      report = await buildSite(root);
    } finally {
      spy.mockRestore();
    }
    for (const entry of fs.readdirSync(path.join(root, '_site'), { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.html')) continue;
      const $ = page(root, entry);
      if ($('output[data-var]').length === 0) continue;
      const values = new Map<string, unknown[]>();
      const keys = new Map<string, Set<string>>();
      $('output[data-var]').each((_, el) => {
        const name = $(el).attr('data-var')!;
        const text = $(el).text();
        values.set(name, [...(values.get(name) ?? []), text === '' ? undefined : JSON.parse(text)]);
      });
      $('output[data-keys-of]').each((_, el) => {
        const name = $(el).attr('data-keys-of')!;
        keys.set(name, new Set([...(keys.get(name) ?? []), $(el).text()]));
      });
      pages.push({ file: entry.split(path.sep).join('/'), kind: values.get('page.kind')?.[0] as string, values, keys, $ });
    }
  });

  it('builds the site, warning only about the config key it shows as site.data', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual(['unknown config key "footerNote"']);
    // Every page printed the variables, and every layout call was seen.
    expect(pages.length).toBeGreaterThan(10);
    expect(renders).toHaveLength(pages.length);
  });

  it('renders each kind of page it lists with the layout it names, at a URL it gives, and no other kind', () => {
    expect([...new Set(renders.map((r) => r.context.page.kind))].sort()).toEqual(doc.pageKinds.map((row) => row.kind).sort());
    for (const { layout, context } of renders) {
      const row = doc.pageKinds.find((r) => r.kind === context.page.kind)!;
      const chosen = context.post?.url === EXAMPLE_POST ? 'layouts/article.njk' : row.layout;
      expect(layout, context.page.url).toBe(chosen);
      const sitePath = decodeURIComponent(context.page.url).replace(/^\/blog/, '');
      expect(row.urls.some((url) => urlPattern(url).test(sitePath)), `${sitePath} is at a URL of a ${row.kind} page: ${row.urls.join(', ')}`).toBe(true);
    }
  });

  it('gives each layout exactly the top-level names it lists for that kind of page', () => {
    for (const { context } of renders) {
      const kind = context.page.kind;
      const listed = doc.topLevel.filter((v) => v.kinds.includes(kind));
      const names = Object.keys(context);
      expect({
        page: context.page.url,
        undocumented: names.filter((name) => !listed.some((v) => v.name === name)),
        missing: listed.filter((v) => !v.optional && !names.includes(v.name)).map((v) => v.name),
      }).toEqual({ page: context.page.url, undocumented: [], missing: [] });
    }
  });

  it('lists every field of the objects it lists fields of, and templates find no other', () => {
    const objects = doc.variables.filter((v) => hasFields(v.type));
    expect(objects.map((v) => v.name)).toEqual(expect.arrayContaining(['site', 'page', 'post', 'posts', 'sections[].posts']));
    for (const object of objects) {
      const found = new Set(pages.flatMap((p) => [...(p.keys.get(object.name) ?? [])]));
      const listed = doc.variables.filter((v) => parentOf(v.name) === object.name).map((v) => v.name.slice(v.name.lastIndexOf('.') + 1));
      expect([...found].sort(), `the fields of ${object.name}`).toEqual(listed.sort());
    }
  });

  it('prints every variable with a value of its type on every kind of page it lists, unset only where it may be', () => {
    for (const v of doc.variables) {
      const top = doc.topLevel.find((t) => t.name === v.top)!;
      const problems: string[] = [];
      let shown = false;
      for (const p of pages) {
        const values = p.values.get(v.name) ?? [];
        if (!top.kinds.includes(p.kind)) {
          if (v === top && values.some((value) => isSet(v, value))) problems.push(`${p.file}: set on a ${p.kind} page`);
          continue;
        }
        if (!v.name.includes('[]') && values.length !== 1) problems.push(`${p.file}: printed ${values.length} times`);
        for (const value of values) {
          if (!isSet(v, value)) {
            if (!v.optional && !unsetParent(v, p)) problems.push(`${p.file}: unset`);
          } else if (!ofType(value, v.type)) problems.push(`${p.file}: ${JSON.stringify(value)} is not ${v.type}`);
          else if (filled(value)) shown = true;
        }
      }
      if (!shown) problems.push('has no value on any page of the site');
      expect(problems, v.name).toEqual([]);
    }
  });

  it('gives as examples values the site shows', () => {
    let checked = 0;
    for (const v of doc.variables) {
      // An example is a value (`"GPT-4o 출시"`, `2`, `true`) or a template snippet (`{% for … %}`).
      if (!v.example || /^\{[{%]/.test(v.example)) continue;
      const example: unknown = JSON.parse(v.example);
      expect(pages.flatMap((p) => p.values.get(v.name) ?? []), v.name).toContainEqual(example);
      checked++;
    }
    expect(checked).toBeGreaterThan(doc.variables.length / 2);
  });

  it('lists exactly the functions and filters omnipress adds, each example giving its output', () => {
    const plain = new Environment() as unknown as Render['env'];
    const { env } = renders[0]!;
    const added = [
      ...Object.keys(env.filters).filter((name) => !(name in plain.filters)),
      ...Object.keys(env.globals).filter((name) => !(name in plain.globals)),
      ...doc.topLevel.filter((v) => v.type === 'function').map((v) => v.name),
    ];
    expect([...new Set(doc.helpers.map((h) => h.name))].sort()).toEqual(added.sort());
    const $ = pages.find((p) => p.values.get('page.url')?.[0] === EXAMPLE_POST)!.$;
    doc.helpers.forEach((helper, i) => expect($(`output[data-example="${i}"]`).text(), helper.example).toBe(helper.output));
  });

  it('lists every built-in UI string with its English text, and the other languages have the same keys', () => {
    const table = (lang: string) => JSON.parse(fs.readFileSync(path.join(REPO, 'templates/i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
    expect(Object.fromEntries(doc.strings)).toEqual(table('en'));
    for (const lang of ['ko', 'zh']) expect(Object.keys(table(lang)).sort(), lang).toEqual([...doc.strings.keys()].sort());
  });

  it('prints front matter as escaped text and a post body as written, never run', () => {
    const $ = pages.find((p) => p.file === 'en/posts/gpt-4o/index.html')!.$;
    expect($('#source').text()).toBe('<b>{{ site.title }}</b>');
    expect($('#source b')).toHaveLength(0);
    expect($('#body').text()).toContain('Written as {{ page.title }}.');
  });
});

describe('the worked example of docs/templates.md', () => {
  const config = doc.files.get('omnipress.yml');
  const footer = doc.files.get('templates/partials/footer.njk');
  const root = siteFromFiles({
    ...(config === undefined ? {} : { 'omnipress.yml': config }),
    ...(footer === undefined ? {} : { 'templates/partials/footer.njk': footer }),
    'posts/ko/2024-05-13-gpt-4o.md': postFile({ title: 'GPT-4o 출시' }),
    'posts/en/2024-05-13-gpt-4o.md': postFile({ title: 'GPT-4o is out' }),
  });

  it('ends every page with the copyright, the languages and a feed link in the page language', async () => {
    expect(config && footer).toBeTruthy();
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const [file, lang, subscribe] of [
      ['ko/posts/gpt-4o/index.html', 'ko', '구독'],
      ['en/posts/gpt-4o/index.html', 'en', 'Subscribe'],
    ] as const) {
      const $ = page(root, file);
      expect($('footer').text(), file).toContain('© 2024 옴니프레스 편집부');
      expect($('.footer-languages a').map((_, a) => $(a).attr('href')).get(), file).toEqual(['/ko/', '/zh/', '/en/']);
      const feed = $('footer a').filter((_, a) => $(a).text() === subscribe);
      expect(feed.attr('href'), file).toBe(`/${lang}/feed.xml`);
    }
  });
});

/** `/<lang>/page/<n>/` → a pattern matching `/ko/page/2/`. */
function urlPattern(url: string): RegExp {
  return new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<\w+>/g, '[^/]+')}$`);
}

/** `post.tags[].name` → `post.tags`, `post.newer.title` → `post.newer`; undefined for top-level names. */
function parentOf(name: string): string | undefined {
  return name.includes('.') ? name.replace(/(\[\])?\.[^.]+$/, '') : undefined;
}

/** Whether a printed value is set: functions print whether they are callable. */
function isSet(v: Variable, value: unknown): boolean {
  return v.type === 'function' ? value === true : value !== undefined;
}

/** An optional object above `v` (not in a list) is unset on the page, and so `v` with it. */
function unsetParent(v: Variable, p: BuiltPage): boolean {
  for (let name = parentOf(v.name); name && !name.includes('[]'); name = parentOf(name)) {
    const parent = doc.variables.find((other) => other.name === name);
    if (parent?.optional && p.values.get(name)?.[0] === undefined) return true;
  }
  return false;
}

function ofType(value: unknown, type: BaseType): boolean {
  const object = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === type;
    case 'function':
      return value === true;
    case 'object':
      return object(value);
    case 'data':
      return value !== null;
    case 'list of strings':
      return Array.isArray(value) && value.every((x) => typeof x === 'string');
    case 'list of objects':
    case 'list of post items':
      return Array.isArray(value) && value.every(object);
  }
}

/** Not an empty string, list or object: a value that shows the variable is really there. */
function filled(value: unknown): boolean {
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return true;
}
