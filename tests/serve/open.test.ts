// `omnipress serve --open`: the served site in the browser BROWSER names, or the system's opener;
// a browser that cannot be opened is one line, never the end of the server.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnServe, waitFor } from '../helpers/serve.js';
import { BIN, siteFromFiles } from '../helpers/site.js';
import { tempDir } from '../helpers/temp.js';

const files = {
  'omnipress.yml': 'baseUrl: https://user.github.io/blog/\n',
  'posts/en/2024-05-14-hello.md': '---\ntitle: Hello\n---\nBody.\n',
};

/** A "browser" that writes the arguments it is given to a file, one a line. */
function fakeBrowser(): { command: string; opened(): string | undefined } {
  const dir = tempDir('omnipress-browser-');
  const log = path.join(dir, 'opened.txt');
  const command = path.join(dir, 'browser.sh');
  fs.writeFileSync(command, `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\n`, { mode: 0o755 });
  return { command, opened: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : undefined) };
}

describe.skipIf(process.platform === 'win32')('serve --open', () => {
  it('opens the served URL, base path included, with the command in BROWSER', async () => {
    const browser = fakeBrowser();
    const { url } = await spawnServe(BIN, ['--port', '0', '--open'], siteFromFiles(files), { BROWSER: browser.command });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blog$/);
    expect(await waitFor(browser.opened, 5000, 'the browser to be opened')).toBe(`${url}/\n`);
  });

  it('puts the URL where BROWSER says %s', async () => {
    const browser = fakeBrowser();
    const { url } = await spawnServe(BIN, ['--port', '0', '--open'], siteFromFiles(files), { BROWSER: `${browser.command} --new-window %s --private` });
    expect(await waitFor(browser.opened, 5000, 'the browser to be opened')).toBe(`--new-window\n${url}/\n--private\n`);
  });

  it('a missing opener is one line saying why, and the site is still served', async () => {
    // No BROWSER, and a PATH without xdg-open or open.
    const env = { BROWSER: '', PATH: tempDir('omnipress-empty-path-') };
    const served = await spawnServe(BIN, ['--port', '0', '--open'], siteFromFiles(files), env);
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
    const line = await waitFor(() => /^omnipress serve: could not open .*$/m.exec(served.stderr())?.[0], 5000, 'the failure to be reported');
    expect(line).toBe(`omnipress serve: could not open ${served.url}/ in a browser: ${opener} was not found; open it yourself, or set BROWSER to your browser's command`);
    expect((await fetch(`${served.url}/en/posts/hello/`)).status).toBe(200);
  });

  it('an opener that fails says so, with its exit code', async () => {
    const served = await spawnServe(BIN, ['--port', '0', '--open'], siteFromFiles(files), { BROWSER: 'false' });
    const line = await waitFor(() => /^omnipress serve: could not open .*$/m.exec(served.stderr())?.[0], 5000, 'the failure to be reported');
    expect(line).toBe(`omnipress serve: could not open ${served.url}/ in a browser: false exited with code 1; open it yourself`);
    expect((await fetch(`${served.url}/en/posts/hello/`)).status).toBe(200);
  });
});
