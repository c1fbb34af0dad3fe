// The documentation's links lead somewhere: every relative link in the README, docs/ and
// bench/README.md names a file of the repository, and every #anchor a heading of that file (as
// GitHub makes heading anchors).
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const DOCS = ['README.md', 'bench/README.md', ...fs.readdirSync(path.join(REPO, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
const md = new MarkdownIt({ html: true });

function tokensOf(file: string) {
  return md.parse(fs.readFileSync(path.join(REPO, file), 'utf8'), {});
}

/** The anchors GitHub gives the headings of a Markdown file. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = tokensOf(file);
  const anchors = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open') anchors.add(slugger.slug(tokens[i + 1]!.children!.map((child) => child.content).join('')));
  });
  return anchors;
}

/** Every link target of a Markdown file: hrefs of links and srcs of images. */
function targetsOf(file: string): string[] {
  const targets: string[] = [];
  for (const token of tokensOf(file)) {
    for (const child of token.children ?? []) {
      const target = child.attrGet(child.type === 'image' ? 'src' : 'href');
      if (target) targets.push(target);
    }
  }
  return targets;
}

describe('the documentation', () => {
  it.each(DOCS)('%s links only to files and headings that exist', (file) => {
    const broken: string[] = [];
    for (const target of targetsOf(file)) {
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
      const [rel, anchor] = target.split('#') as [string, string | undefined];
      const linked = rel ? path.posix.join(path.posix.dirname(file), decodeURI(rel)) : file;
      if (!fs.existsSync(path.join(REPO, linked))) broken.push(`${target} (no file ${linked})`);
      else if (anchor && linked.endsWith('.md') && !anchorsOf(linked).has(decodeURIComponent(anchor))) broken.push(`${target} (no heading #${anchor} in ${linked})`);
    }
    expect(broken).toEqual([]);
  });

  it('has the README open with the two commands for this repository', () => {
    const fence = tokensOf('README.md').find((token) => token.type === 'fence');
    expect(fence?.content.split('\n').map((line) => line.split('#')[0]!.trim())).toEqual(['npm ci && npm run build', 'npm test', '']);
  });
});
