/** `plural(1, 'post')` → `1 post`, `plural(3, 'post')` → `3 posts`: English counts in what the CLI prints. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
