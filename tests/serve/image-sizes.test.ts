// Under `omnipress serve`, a post's image sizes follow its image files: replacing an image beside
// the post or in public/ by one of another size re-renders the bodies that show it, and only them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../helpers/html.js';
import { png } from '../helpers/images.js';
import { postFile } from '../helpers/post.js';
import { afterEdit, get, servedSite, totals } from '../helpers/serve.js';

const FILES = {
  'posts/ko/2024-05-01-photo.md': postFile({ title: '사진' }, '![옆](beside.png)\n\n![공용](/img/shared.png)'),
  'posts/ko/beside.png': png(64, 48),
  'posts/ko/2024-05-02-other.md': postFile({ title: '다른 글' }, '사진 없는 글.'),
  'public/img/shared.png': png(100, 50),
};

describe('image sizes under serve', () => {
  const site = servedSite(FILES);
  const file = (rel: string) => path.join(site.root, rel);
  const size = async (alt: string) => {
    const $ = parseHtml((await get(site.server, '/ko/posts/photo/')).body);
    return [$(`img[alt="${alt}"]`).attr('width'), $(`img[alt="${alt}"]`).attr('height')];
  };

  it('serves the sizes of the files', async () => {
    expect(await size('옆')).toEqual(['64', '48']);
    expect(await size('공용')).toEqual(['100', '50']);
  });

  it('replacing an image beside the post re-renders that post only, with the new size', async () => {
    const builds = await afterEdit(site.server, () => fs.writeFileSync(file('posts/ko/beside.png'), png(30, 90)), (b) => totals(b).changedPages.length > 0);
    expect(totals(builds).markdownRenders).toBe(1);
    expect(totals(builds).changedPages).toEqual(['/ko/posts/photo/']);
    expect(await size('옆')).toEqual(['30', '90']);
  });

  it('replacing an image in public/ does the same', async () => {
    const builds = await afterEdit(site.server, () => fs.writeFileSync(file('public/img/shared.png'), png(20, 10)), (b) => totals(b).changedPages.length > 0);
    expect(totals(builds).markdownRenders).toBe(1);
    expect(totals(builds).changedPages).toEqual(['/ko/posts/photo/']);
    expect(await size('공용')).toEqual(['20', '10']);
  });
});
