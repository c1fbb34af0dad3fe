import { describe, expect, test } from 'vitest';
import { externalLinkTest, isSafeUrl } from '../../../src/markdown/url-policy.js';

describe('isSafeUrl', () => {
  test.each([
    ['https://a.com/x', true],
    ['/ko/posts/글/', true],
    ['../a.png', true],
    ['#fn1', true],
    ['//cdn.a.com/x.js', true],
    ['mailto:a@b.c', true],
    ['data:image/png;base64,AAAA', true],
    ['javascript:alert(1)', false],
    ['  JAVASCRIPT:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['java<!-- x -->script:alert(1)', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['data:text/html;base64,PHNjcmlwdD4=', false],
    ['data:image/svg+xml,<svg onload=alert(1)>', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('externalLinkTest', () => {
  const isExternal = externalLinkTest('https://example.org/blog/');
  test.each([
    ['https://other.com/', true],
    ['//other.com/', true],
    ['http://example.org/', true], // another origin (scheme differs)
    ['https://example.org/zh/', false],
    ['/ko/', false],
    ['mailto:a@b.c', false],
  ])('%s → %s', (href, external) => {
    expect(isExternal(href)).toBe(external);
  });
});
