import { describe, expect, it } from 'vitest';
import { reservedPathSegment, reservedSegment } from '../../../src/content/reserved-names.js';

describe('reservedSegment', () => {
  it.each(['CON', 'con', 'Prn', 'AUX', 'nul', 'NUL.txt', 'com1', 'COM9.tar.gz', 'lpt1', 'LPT9.html', 'nul '])('refuses the Windows device name %j', (name) => {
    expect(reservedSegment(name)).toMatch(/Windows device name/);
  });

  it.each(['.git', '.well-known', '.htaccess', '.omnipress-output', '.env'])('refuses the hidden name %s', (name) => {
    expect(reservedSegment(name)).toMatch(/starts with a dot/);
  });

  it.each(['console', 'con-1', 'com0', 'com10', 'lpt', 'auxiliary', 'null', 'a.con', 'index.html', '콘', '空'])('allows %s', (name) => {
    expect(reservedSegment(name)).toBeUndefined();
  });

  it('finds the first reserved segment of a path', () => {
    expect(reservedPathSegment('/news/2024/aux/index.html')).toMatch(/"aux"/);
    expect(reservedPathSegment('/news/.well-known/x')).toMatch(/"\.well-known"/);
    expect(reservedPathSegment('/news/a.b/')).toBeUndefined();
  });
});
