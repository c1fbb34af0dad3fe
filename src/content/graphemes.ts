// The first graphemes of a text, as Intl.Segmenter counts them, without asking it when it cannot
// disagree: excerpts cut the first paragraph of every post of every build, and a paragraph of
// plain Korean, Chinese or English is one grapheme per UTF-16 unit.

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Whether the unit is a grapheme of its own next to any other such unit: printable ASCII,
 * Hangul syllables (they join only conjoining jamo, which are not in this set), CJK unified
 * ideographs, general and CJK punctuation, fullwidth forms. None of them is a combining mark,
 * joiner, variation selector, prepend, regional indicator or surrogate.
 */
export function isLoneGrapheme(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

/**
 * The first `count` graphemes (fewer if the text is shorter). A grapheme cut by the end of the
 * scanned head is never returned: only clusters followed by one more complete one are.
 */
export function headGraphemes(text: string, count: number): string[] {
  const scan = Math.min(text.length, count + 1);
  let simple = 0;
  while (simple < scan && isLoneGrapheme(text.charCodeAt(simple))) simple++;
  if (simple === scan) {
    // Every boundary among these units is certain, so Intl.Segmenter would give the same.
    const parts: string[] = new Array<string>(Math.min(count, scan));
    for (let i = 0; i < parts.length; i++) parts[i] = text[i]!;
    return parts;
  }
  return segmentedHead(text, count);
}

/**
 * Segments a growing head of the text rather than all of it: a first paragraph can be thousands
 * of characters long.
 */
function segmentedHead(text: string, count: number): string[] {
  for (let size = count * 4; ; size *= 4) {
    const whole = size >= text.length;
    const parts: string[] = [];
    for (const { segment } of segmenter.segment(whole ? text : text.slice(0, size))) {
      parts.push(segment);
      if (parts.length > count) return parts.slice(0, count);
    }
    if (whole) return parts;
  }
}
