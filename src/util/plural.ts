/**
 * `plural(1, 'post')` → `1 post`, `plural(3, 'post')` → `3 posts`, `plural(2, 'story', 'stories')`
 * → `2 stories`: English counts in what the CLI prints.
 */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
