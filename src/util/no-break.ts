// Product and model names with a hyphen before a number ("GPT-4o", "COVID-19", "Llama-3.1") are
// one word to a reader, but browsers may break a line after the hyphen ("GPT-" / "4o"). They are
// wrapped in a span the theme keeps on one line. Longer compounds are left to wrap.

const NAME = /(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-[0-9][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*/g;
const LONGEST = 24;

/** `html` (escaped text, no tags) with each such name in `<span class="nobr">`. */
export function keepNamesWhole(html: string): string {
  return html.replace(NAME, (name) => (name.length > LONGEST ? name : `<span class="nobr">${name}</span>`));
}
