import { describe, expect, it } from 'vitest';
import { encodeSitePath, withBase } from '../../../src/urls/hrefs.js';

/** What encodeSitePath promises: every segment through encodeURIComponent, slashes kept. */
const reference = (sitePath: string) => sitePath.split('/').map(encodeURIComponent).join('/');

describe('encodeSitePath', () => {
  it('leaves plain ASCII paths as they are and escapes everything else', () => {
    expect(encodeSitePath('/ko/posts/gpt-4o_launch.v2/')).toBe('/ko/posts/gpt-4o_launch.v2/');
    expect(encodeSitePath('/ko/posts/모델/')).toBe('/ko/posts/%EB%AA%A8%EB%8D%B8/');
    expect(encodeSitePath('/en/tags/c#/')).toBe('/en/tags/c%23/');
    expect(encodeSitePath('/en/tags/50%/')).toBe('/en/tags/50%25/');
    expect(encodeSitePath('/en/a b?c:d&e/')).toBe('/en/a%20b%3Fc%3Ad%26e/');
  });

  it('agrees with encoding each segment, for every printable ASCII character and a few others', () => {
    const characters = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '모', '语', 'é', '\u3000'];
    for (const c of characters) {
      const sitePath = `/ko/x${c}y/`;
      expect(encodeSitePath(sitePath), JSON.stringify(c)).toBe(reference(sitePath));
    }
  });
});

describe('withBase', () => {
  it('puts the base path before the encoded site path', () => {
    expect(withBase('/', '/ko/')).toBe('/ko/');
    expect(withBase('/repo/', '/ko/posts/모델/')).toBe('/repo/ko/posts/%EB%AA%A8%EB%8D%B8/');
    expect(withBase('/repo/', 'assets/style.css')).toBe('/repo/assets/style.css');
  });
});
