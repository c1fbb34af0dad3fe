// The theme's stylesheet as readers download it: under 20 KB (the size README.md states), its
// comments left in the source.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postFile } from '../helpers/post.js';
import { REPO, buildSite, siteFromFiles } from '../helpers/site.js';

// 20 KB counted as 20,000 bytes, the stricter reading.
const LIMIT = 20_000;

describe('the shipped stylesheet', () => {
  it('is under 20 KB, without comments, every rule of the source kept', async () => {
    const root = siteFromFiles({ 'posts/ko/2024-05-14-a.md': postFile({ title: '글', date: '2024-05-14' }, '본문.') });
    expect((await buildSite(root)).ok).toBe(true);
    const shipped = fs.readFileSync(path.join(root, '_site/assets/style.css'), 'utf8');
    const source = fs.readFileSync(path.join(REPO, 'templates/assets/style.css'), 'utf8');
    expect(Buffer.byteLength(shipped)).toBeLessThan(LIMIT);
    expect(shipped).not.toContain('/*');
    // Same rules: the source's declarations, in order.
    const declarations = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').match(/[\w-]+\s*:[^;{}]+(?=[;}])/g)!.map((d) => d.replace(/\s+/g, ' ').replace(/ ?, ?/g, ',').trim());
    expect(declarations(shipped)).toEqual(declarations(source));
    // README says the size, within a kilobyte of what ships.
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const stated = Number(/stylesheet[^.]*?(\d+(?:\.\d)?) KB/i.exec(readme)?.[1]);
    expect(Math.abs(stated * 1024 - Buffer.byteLength(shipped))).toBeLessThan(1024);
  });
});
