import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMALINKS, translatePermalink } from '../../../src/migrate/old-permalinks.js';

describe('translatePermalink: Jekyll', () => {
  it.each([
    ['date', '/:categories/:year/:month/:day/:title.html'],
    ['pretty', '/:categories/:year/:month/:day/:title/'],
    ['none', '/:categories/:title.html'],
    ['/posts/:title/', '/posts/:title/'],
    ['/:year/:i_month/:i_day/:slug/', '/:year/:i_month/:i_day/:slug/'],
    ['/blog/:slugified_title:output_ext', '/blog/:slugified_title.html'],
    ['/:categories/:hour:minute/:title/', '/:categories/:hour:minute/:title/'],
  ])('%s → %s', (written, pattern) => {
    expect(translatePermalink('jekyll', written)).toEqual({ pattern, notes: [] });
  });

  it('says which tokens have no equivalent, for ordinal and weekdate too', () => {
    expect(translatePermalink('jekyll', 'ordinal')).toEqual({ notes: [':y_day has no omnipress equivalent, so old URLs of this pattern cannot be redirected'] });
    expect(translatePermalink('jekyll', 'weekdate').notes[0]).toBe(':week, :short_day have no omnipress equivalent, so old URLs of this pattern cannot be redirected');
    expect(translatePermalink('jekyll', '/:short_year/:title/').pattern).toBeUndefined();
  });

  it('uses the date style when the config sets none', () => {
    expect(translatePermalink('jekyll', DEFAULT_PERMALINKS.jekyll).pattern).toBe('/:categories/:year/:month/:day/:title.html');
  });
});

describe('translatePermalink: Hexo', () => {
  it('roots the pattern, and keeps the date in :title unless new_post_name names files with it', () => {
    expect(translatePermalink('hexo', DEFAULT_PERMALINKS.hexo)).toEqual({ pattern: '/:year/:month/:day/:filename/', notes: [] });
    expect(translatePermalink('hexo', ':year/:month/:day/:title/', { hexoDatedNames: true }).pattern).toBe('/:year/:month/:day/:title/');
  });

  it.each([
    [':category/:title/', '/:categories/:filename/'],
    [':year/:name.html', '/:year/:filename.html'],
    ['posts/:post_title/', '/posts/:slugified_title/'],
    [':year/:i_month/:i_day/:title/', '/:year/:i_month/:i_day/:filename/'],
  ])('%s → %s', (written, pattern) => {
    expect(translatePermalink('hexo', written).pattern).toBe(pattern);
  });

  it('cannot redirect :abbrlink or :hash URLs', () => {
    expect(translatePermalink('hexo', 'posts/:abbrlink/')).toEqual({ notes: [':abbrlink has no omnipress equivalent, so old URLs of this pattern cannot be redirected'] });
    expect(translatePermalink('hexo', ':hash/').pattern).toBeUndefined();
  });
});

describe('translatePermalink: Hugo', () => {
  it.each([
    ['/:year/:month/:title/', '/:year/:month/:slugified_title/'],
    ['/:section/:slugorfilename/', '/:section/:title/'],
    ['/:sections/:contentbasename/', '/:section/:title/'],
    ['/:year/:month/:day/:slugorcontentbasename/', '/:year/:month/:day/:title/'],
  ])('%s → %s', (written, pattern) => {
    expect(translatePermalink('hugo', written).pattern).toBe(pattern);
  });

  it('notes where a token translates only roughly', () => {
    expect(translatePermalink('hugo', '/:year/:slug/').notes).toEqual([
      "Hugo's :slug falls back to the title, omnipress's to the file name: posts without front matter slug may differ",
    ]);
    expect(translatePermalink('hugo', '/:sections/:slug/').notes).toHaveLength(2);
  });

  it('cannot redirect :monthname or :yearday URLs', () => {
    expect(translatePermalink('hugo', '/:year/:monthname/:slug/').pattern).toBeUndefined();
  });
});
