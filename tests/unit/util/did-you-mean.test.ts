import { describe, expect, it } from 'vitest';
import { closest } from '../../../src/util/did-you-mean.js';

const COMMANDS = ['build', 'serve', 'init', 'new', 'templates', 'check', 'migrate-check'];

describe('closest', () => {
  it('finds a name mistyped by a letter, by case or by a separator', () => {
    expect(closest('serv', COMMANDS)).toBe('serve');
    expect(closest('BUILD', COMMANDS)).toBe('build');
    expect(closest('migrate_check', COMMANDS)).toBe('migrate-check');
    expect(closest('base_url', ['baseUrl', 'timeZone'])).toBe('baseUrl');
  });

  it('counts two neighbouring letters swapped as one typo', () => {
    expect(closest('chekc', COMMANDS)).toBe('check');
    expect(closest('buidl', COMMANDS)).toBe('build');
    expect(closest('tilte', ['title', 'description'])).toBe('title');
  });

  it('suggests nothing for a name that is not close to any', () => {
    expect(closest('deploy', COMMANDS)).toBeUndefined();
    expect(closest('ab', ['build'])).toBeUndefined();
  });
});
