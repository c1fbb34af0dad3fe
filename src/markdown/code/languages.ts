// Which highlight.js language a code block's language name means: its own names and aliases
// (`py`, `sh`, `console`, `c++`, `dockerfile`…), case-insensitive, plus a few that migrated posts
// use and highlight.js spells otherwise. Names that mean "no highlighting" are plain text
// without a warning.
import { highlighter } from './tokenize.js';

/** Names as posts write them → the highlight.js language meant. */
const EXTRA_ALIASES: Readonly<Record<string, string>> = {
  // highlight.js's `shell` is a session (prompts and output); a ```shell fence holds commands.
  shell: 'bash',
  'objective-c': 'objectivec',
  'shell-session': 'shell',
  'sh-session': 'shell',
  patch: 'diff',
  // Liquid (Jekyll) and Nunjucks read like Django's templates, which highlight.js knows.
  liquid: 'django',
  nunjucks: 'django',
  njk: 'django',
};

/** Names that ask for no highlighting. */
const PLAIN = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'none', 'nohighlight', 'no-highlight', 'output', 'log']);

/** Whether a language name asks for plain text. */
export function isPlainLanguage(name: string): boolean {
  return PLAIN.has(name.toLowerCase());
}

/** The highlight.js language for `name`, or undefined for plain text and unknown names. */
export function grammarId(name: string): string | undefined {
  const key = name.toLowerCase();
  if (PLAIN.has(key)) return undefined;
  const language = EXTRA_ALIASES[key] ?? key;
  return highlighter().getLanguage(language) ? language : undefined;
}
