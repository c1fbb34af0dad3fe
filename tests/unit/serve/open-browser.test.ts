import { describe, expect, it } from 'vitest';
import { browserOpener, visitableUrl } from '../../../src/serve/open-browser.js';

const URL = 'http://127.0.0.1:8080/blog/';

describe('browserOpener', () => {
  it.each([
    ['linux', { command: 'xdg-open', args: [URL] }],
    ['freebsd', { command: 'xdg-open', args: [URL] }],
    ['darwin', { command: 'open', args: [URL] }],
    ['win32', { command: 'cmd', args: ['/c', 'start', '""', `"${URL}"`], verbatim: true }],
  ] as const)('without BROWSER on %s: the system opener', (platform, opener) => {
    expect(browserOpener(URL, platform, {})).toEqual(opener);
    expect(browserOpener(URL, platform, { BROWSER: '' })).toEqual(opener);
  });

  it('BROWSER is a command whose last argument is the URL, or whose %s is', () => {
    expect(browserOpener(URL, 'linux', { BROWSER: 'firefox' })).toEqual({ command: 'firefox', args: [URL] });
    expect(browserOpener(URL, 'linux', { BROWSER: 'firefox --new-tab' })).toEqual({ command: 'firefox', args: ['--new-tab', URL] });
    expect(browserOpener(URL, 'darwin', { BROWSER: 'open -a Safari %s' })).toEqual({ command: 'open', args: ['-a', 'Safari', URL] });
  });

  it('of a list of browsers, the first', () => {
    expect(browserOpener(URL, 'linux', { BROWSER: 'chromium:firefox' })).toEqual({ command: 'chromium', args: [URL] });
    expect(browserOpener(URL, 'win32', { BROWSER: 'C:\\Apps\\chrome.exe;firefox' })).toEqual({ command: 'C:\\Apps\\chrome.exe', args: [URL] });
  });

  it('BROWSER=none opens nothing', () => {
    expect(browserOpener(URL, 'linux', { BROWSER: 'none' })).toBeUndefined();
  });
});

describe('visitableUrl', () => {
  it('a server on every interface is visited through localhost; any other as it is', () => {
    expect(visitableUrl('http://0.0.0.0:8080/blog/')).toBe('http://localhost:8080/blog/');
    expect(visitableUrl('http://[::]:8080/')).toBe('http://localhost:8080/');
    expect(visitableUrl('http://192.168.1.5:8080/')).toBe('http://192.168.1.5:8080/');
    expect(visitableUrl(URL)).toBe(URL);
  });
});
