// The staging writer on a real file system, over a site a real build left behind: an output
// written twice in one build never reaches the previous site through the hard link that an
// unchanged page of the previous build becomes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { listPublicFiles } from '../../../src/pipeline/public-files.js';
import { StagingFolder } from '../../../src/pipeline/write.js';
import { buildSite, readTree, siteFromFiles } from '../../helpers/site.js';

const PAGE = 'en/posts/a/index.html';

async function builtSite() {
  const root = siteFromFiles({ 'posts/en/2024-05-01-a.md': '---\ntitle: A\n---\nThe real post.\n' });
  expect((await buildSite(root)).ok).toBe(true);
  const { config } = resolveConfig({ root });
  const live = path.join(config.outDir, PAGE);
  // A second name of the live page's file, outside the output: it shows any write to that file,
  // even after the previous site's folder is gone.
  const probe = path.join(root, 'probe.html');
  fs.linkSync(live, probe);
  return { config, live, probe, original: fs.readFileSync(live, 'utf8') };
}

describe('a page written twice in one build', () => {
  it('leaves the live page as it was, before the new site is swapped in and when the build is discarded', async () => {
    const { config, live, probe, original } = await builtSite();
    const before = readTree(config.outDir);
    const staging = StagingFolder.open(config, listPublicFiles(config.publicDir));
    try {
      staging.add({ path: PAGE, content: original, previous: live });
      const staged = path.join(path.dirname(config.outDir), fs.readdirSync(path.dirname(config.outDir)).find((n) => n.includes('.staging-'))!, PAGE);
      // The unchanged page really is the previous build's file under a second name.
      expect(fs.statSync(staged).ino).toBe(fs.statSync(live).ino);
      staging.add({ path: PAGE, content: '<p>replaced</p>' });
      expect(fs.readFileSync(staged, 'utf8')).toBe('<p>replaced</p>');
      expect(readTree(config.outDir)).toEqual(before);
    } finally {
      staging.discard();
    }
    expect(readTree(config.outDir)).toEqual(before);
    expect(fs.readFileSync(probe, 'utf8')).toBe(original);
  });

  it('publishes the last write, and the previous site’s file is never changed', async () => {
    const { config, live, probe, original } = await builtSite();
    const staging = StagingFolder.open(config, listPublicFiles(config.publicDir));
    staging.add({ path: PAGE, content: original, previous: live });
    staging.add({ path: PAGE, content: '<p>replaced</p>' });
    expect(fs.readFileSync(live, 'utf8')).toBe(original);
    const written = staging.swapIn(new Set([PAGE]));
    await written.cleanedUp;
    expect(fs.readFileSync(path.join(config.outDir, PAGE), 'utf8')).toBe('<p>replaced</p>');
    expect(fs.readFileSync(probe, 'utf8')).toBe(original);
  });
});
