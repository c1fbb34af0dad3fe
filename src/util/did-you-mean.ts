// "Did you mean …?" for names a user types: config keys, template filters, command options.

/**
 * The candidate `name` was most likely meant to be: one that differs only in case, `-`/`_`, or by
 * at most two edits (a third of the name's length for short names); undefined when none is close.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const folded = fold(name);
  const same = candidates.find((candidate) => fold(candidate) === folded);
  if (same !== undefined) return same;
  const limit = Math.min(2, Math.floor(folded.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate), limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * Edits between `a` and `b`, a swap of two neighbouring letters counting as one (`chekc`, `tilte`:
 * the typo hands make most); gives up (returning limit + 1) as soon as it must exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
