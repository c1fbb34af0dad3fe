// The text of a Markdown post file, for the sites tests build from strings.

/**
 * Front matter of `key: value` lines (each value as YAML source: `'[a, b]'` is a list), then the
 * body. `postFile({ title: 'Hi', tags: '[ai]' }, 'Text.')` is `---\ntitle: Hi\ntags: [ai]\n---\nText.\n`.
 */
export function postFile(front: Record<string, string>, body = 'Body text.'): string {
  const lines = Object.entries(front).map(([key, value]) => `${key}: ${value}\n`);
  return `---\n${lines.join('')}---\n${body}\n`;
}
