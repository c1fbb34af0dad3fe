// Jekyll's, Hexo's and Hugo's permalink patterns in omnipress's tokens (src/urls/permalink-pattern.ts),
// so that migrate-check can suggest `legacyPermalink:` (the old URLs become redirects) and count
// the links to old URLs it repairs. Pure: a pattern as the old config writes it in, omnipress's out.

export type Generator = 'jekyll' | 'hexo' | 'hugo';

export interface TranslatedPermalink {
  /** The pattern in omnipress tokens; undefined when a token has no equivalent. */
  pattern?: string;
  /** What the translation could not carry over exactly, one sentence each (shown as snippet comments). */
  notes: string[];
}

/** Jekyll's named styles (https://jekyllrb.com/docs/permalinks/#built-in-formats). */
const JEKYLL_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The pattern each generator uses when its config sets none. */
export const DEFAULT_PERMALINKS: Readonly<Record<Generator, string>> = {
  jekyll: JEKYLL_STYLES.date!,
  hexo: ':year/:month/:day/:title/',
  // Hugo places a page by its path: section folder, then the file (or bundle) name, or front matter slug.
  hugo: '/:sections/:slugorcontentbasename/',
};

/** An old token → the omnipress one, or a literal; `null` when there is none. */
type TokenMap = Readonly<Record<string, string | null>>;

const SAME = (names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, `:${n}`]));
const DATE_TOKENS = SAME(['year', 'month', 'day', 'hour', 'minute', 'second', 'i_month', 'i_day']);

const JEKYLL: TokenMap = {
  ...DATE_TOKENS,
  title: ':title',
  slug: ':slug',
  slugified_title: ':slugified_title',
  categories: ':categories',
  // Posts are pages, so Jekyll writes them as .html.
  output_ext: '.html',
  short_year: null, y_day: null, short_month: null, long_month: null, short_day: null, long_day: null, week: null, w_year: null,
  path: null, name: null, collection: null,
};

const HEXO: TokenMap = {
  ...DATE_TOKENS,
  title: ':title',
  name: ':title',
  post_title: ':slugified_title',
  category: ':categories',
  id: null, hash: null, timestamp: null, abbrlink: null,
};

const HUGO: TokenMap = {
  year: ':year', month: ':month', day: ':day',
  section: ':section',
  sections: ':section',
  title: ':slugified_title',
  slug: ':slug',
  slugorfilename: ':title',
  slugorcontentbasename: ':title',
  filename: ':title',
  contentbasename: ':title',
  monthname: null, weekday: null, weekdayname: null, yearday: null,
};

const MAPS: Readonly<Record<Generator, TokenMap>> = { jekyll: JEKYLL, hexo: HEXO, hugo: HUGO };

/** Notes for tokens that translate, but not exactly. */
const APPROXIMATE: Readonly<Record<Generator, Readonly<Record<string, string>>>> = {
  jekyll: {},
  hexo: {},
  hugo: {
    sections: 'Hugo\'s :sections is every section folder; omnipress\'s :section is the first, so posts in nested sections are not covered',
    slug: 'Hugo\'s :slug falls back to the title, omnipress\'s to the file name: posts without front matter slug may differ',
    filename: 'omnipress\'s :title also takes front matter slug over the file name',
    contentbasename: 'omnipress\'s :title also takes front matter slug over the file name',
  },
};

export interface TranslateOptions {
  /**
   * Hexo: whether `new_post_name` names files with a date (`:year-:month-:day-:title.md`), which
   * Hexo then leaves out of `:title`; otherwise the date prefix of a file name stays in the URL.
   */
  hexoDatedNames?: boolean;
}

/** An old generator's permalink (Jekyll's named styles too) in omnipress's tokens. */
export function translatePermalink(generator: Generator, written: string, options: TranslateOptions = {}): TranslatedPermalink {
  const raw = generator === 'jekyll' ? (JEKYLL_STYLES[written.trim()] ?? written.trim()) : written.trim();
  const map = MAPS[generator];
  const notes: string[] = [];
  const missing: string[] = [];
  const translated = raw.replace(/:([a-z_]+)/gi, (whole, name: string) => {
    const found = map[name];
    if (found === undefined || found === null) {
      missing.push(whole);
      return whole;
    }
    const note = APPROXIMATE[generator][name];
    if (note && !notes.includes(note)) notes.push(note);
    // Hexo keeps a file name's date in :title unless new_post_name puts it there.
    if (generator === 'hexo' && found === ':title' && !options.hexoDatedNames) return ':filename';
    return found;
  });
  if (missing.length > 0) {
    notes.unshift(`${[...new Set(missing)].join(', ')} ${missing.length === 1 ? 'has' : 'have'} no omnipress equivalent, so old URLs of this pattern cannot be redirected`);
    return { notes };
  }
  // Hexo and Hugo write patterns relative to the site root.
  return { pattern: translated.startsWith('/') ? translated : `/${translated}`, notes };
}
