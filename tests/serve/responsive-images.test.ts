// `serve` with responsive images on, under a base path: the page offers the copies at URLs under
// the base path, and the server answers them with the copy itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '../../src/serve/dev-server.js';
import { parseHtml } from '../helpers/html.js';
import { png } from '../helpers/images.js';
import { get, startServe } from '../helpers/serve.js';
import { siteFromFiles } from '../helpers/site.js';

describe('serve with responsive images', () => {
  let server: DevServer;
  beforeAll(async () => {
    const site = siteFromFiles({
      'omnipress.yml': 'baseUrl: https://user.github.io/repo/\nimages: { responsive: true }\n',
      'posts/en/2024-05-01-bridge.md': '---\ntitle: The bridge\n---\n![The bridge at dusk](bridge.png)\n',
      'posts/en/bridge.png': png(1000, 500),
    });
    server = await startServe(site);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves every copy the page offers, at its URL under the base path', async () => {
    const res = await get(server, '/repo/en/posts/bridge/');
    expect(res.status).toBe(200);
    const srcset = parseHtml(res.body)('picture source').attr('srcset') ?? '';
    const urls = srcset.split(', ').map((candidate) => candidate.split(' ')[0]!);
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url).toMatch(/^\/repo\/assets\/images\//);
      const copy = await fetch(new URL(url, server.url));
      expect(copy.status, url).toBe(200);
      expect(copy.headers.get('content-type'), url).toBe('image/webp');
      expect(Buffer.from(await copy.arrayBuffer()).subarray(8, 12).toString('latin1'), url).toBe('WEBP');
    }
  });
});
