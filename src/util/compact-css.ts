// The theme's stylesheets ship without their comments and the whitespace that only lays the
// source out: the source explains itself to whoever edits it, readers download only the rules.
// A few lines of scanning, not a minifier: nothing is reordered, merged or renamed, so what ships
// is exactly the rules written. Whitespace goes only next to `{`, `}`, `;` and `,`, where CSS
// never needs it (never around `+` or `-`, which calc() needs spaced, nor in selectors, where a
// space is a combinator); every other run becomes one space. Strings and unquoted url(…) are
// copied untouched (`/*` may occur inside them); `/*! … */` comments (licences) are kept. A
// block's last semicolon goes too.

const TIGHT = new Set(['{', '}', ';', ',']);

/** `css` without comments and without the whitespace its rules do not need. */
export function compactCss(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*' && css[i + 2] !== '!') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 2;
      // A comment between two tokens still separates them.
      if (out !== '' && !TIGHT.has(out.at(-1)!) && !/\s/.test(out.at(-1)!)) out += ' ';
    } else if (c === '"' || c === "'") {
      const start = i++;
      while (i < css.length && css[i] !== c && css[i] !== '\n') i += css[i] === '\\' ? 2 : 1;
      out += css.slice(start, ++i);
    } else if (/^url\(\s*[^'"\s)]/i.test(css.slice(i, i + 6))) {
      const end = css.indexOf(')', i);
      const stop = end < 0 ? css.length : end + 1;
      out += css.slice(i, stop);
      i = stop;
    } else if (/\s/.test(c)) {
      while (i < css.length && /\s/.test(css[i]!)) i++;
      if (out !== '' && !TIGHT.has(out.at(-1)!) && !/\s/.test(out.at(-1)!)) out += ' ';
    } else if (TIGHT.has(c)) {
      if (out.endsWith(' ')) out = out.slice(0, -1);
      // A block's last declaration needs no semicolon.
      if (c === '}' && out.endsWith(';')) out = out.slice(0, -1);
      out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return `${out.trim()}\n`;
}
