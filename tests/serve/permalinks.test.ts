// `omnipress serve` on a site with its own permalink pattern and the old blog's: the old address
// answers with its redirect page, and an edit that moves a post (its title is in its address)
// moves it, its redirect's target and the links other posts make to its old address.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../helpers/html.js';
import { postFile } from '../helpers/post.js';
import { afterEdit, get, servedSite } from '../helpers/serve.js';

const FILES = {
  'omnipress.yml': 'languages: { ko: {} }\npermalink: /:year/:slugified_title/\nlegacyPermalink: /:year/:month/:day/:title/',
  'posts/2024-05-14-first-look.md': postFile({ title: 'GPT-4o 첫인상' }, '이어지는 글: [음성 모드](/2024/05/20/voice-mode/#설정).'),
  'posts/2024-05-20-voice-mode.md': postFile({ title: '음성 모드' }, '## 설정\n\n본문.'),
};

const enc = (sitePath: string) => sitePath.split('/').map(encodeURIComponent).join('/');

describe('serve, with permalink and legacyPermalink', () => {
  const site = servedSite(FILES);

  it('answers a post\'s old address with the redirect page, and its new one with the post', async () => {
    const redirect = await get(site.server, '/2024/05/20/voice-mode/');
    expect(redirect.status).toBe(200);
    expect(parseHtml(redirect.body)('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${enc('/2024/음성-모드/')}`);
    expect((await get(site.server, enc('/2024/음성-모드/'))).body).toContain('본문.');
  });

  it('moves a post whose title changes, and the links to its old address with it', async () => {
    const file = path.join(site.root, 'posts/2024-05-20-voice-mode.md');
    await afterEdit(site.server, () => fs.writeFileSync(file, postFile({ title: '음성 대화' }, '## 설정\n\n본문.')));
    const moved = enc('/2024/음성-대화/');
    expect((await get(site.server, moved)).status).toBe(200);
    expect((await get(site.server, enc('/2024/음성-모드/'))).status).toBe(404);
    const redirect = parseHtml((await get(site.server, '/2024/05/20/voice-mode/')).body);
    expect(redirect('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${moved}`);
    const first = parseHtml((await get(site.server, enc('/2024/gpt-4o-첫인상/'))).body);
    expect(first('.post-body a:not(.heading-anchor)').attr('href')).toBe(`${moved}#${encodeURIComponent('설정')}`);
  });
});
