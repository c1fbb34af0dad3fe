// The original's text that `omnipress new --translate` puts in a translation for the translator to
// work from, inside an HTML comment between two markers. It must never reach readers: parse drops
// it from the body of a draft, and refuses a post that is no longer a draft but still holds it.
const START = '<!-- omnipress:source-text';
const END = 'omnipress:end-of-source-text -->';

/** The block holding `body` (the original, in `lang`), ready to append to a new translation. */
export function sourceTextBlock(lang: string, body: string): string {
  // A `-->` in the original would end the comment early and let the rest through as Markdown.
  const kept = body.trim().replace(/--(!?)>/g, '-\u200B-$1>');
  return [
    `${START} ${lang}`,
    'The original, to translate from. Write the translation above this block, then delete the',
    'block; a post that still holds it is built only as a draft, and without this text.',
    '',
    kept,
    END,
    '',
  ].join('\n');
}

/** Where the block is in a body: character offsets, and the 1-based line in the body it starts on. */
export function findSourceTextBlock(body: string): { start: number; end: number; line: number } | undefined {
  const start = body.indexOf(START);
  if (start < 0) return undefined;
  const close = body.indexOf(END, start);
  const end = close < 0 ? body.length : close + END.length;
  return { start, end, line: body.slice(0, start).split('\n').length };
}
