import { createRequire } from 'node:module';
import markdownIt from 'markdown-it';
import type { PluginSimple } from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { footnoteTailPlugin } from '../../../../src/markdown/plugins/footnote-tail.js';

const footnote = createRequire(import.meta.url)('markdown-it-footnote') as PluginSimple;
const plugins = markdownIt().use(footnote);
const ours = markdownIt().use(footnote).use(footnoteTailPlugin);

/** Documents that exercise every branch of the footnote plugin's tail rule. */
const DOCUMENTS = {
  'one reference': 'Text[^1].\n\n[^1]: The note.\n',
  'several references to one note': 'A[^x] and B[^x] and C[^x].\n\n[^x]: Shared.\n',
  'an inline note and a labelled one': 'Inline^[Said *inline*.] and labelled[^a].\n\n[^a]: Labelled.\n',
  'a note of several paragraphs and a list': 'See[^long].\n\n[^long]: First paragraph.\n\n    Second paragraph.\n\n    - a list\n    - in the note\n',
  'a note ending in a code block': 'See[^code].\n\n[^code]: Code follows:\n\n        let x = 1;\n',
  'a definition never referenced': 'Text.\n\n[^unused]: Nobody points here.\n',
  'a reference to no definition': 'Text[^missing].\n',
  'a definition nested in another': 'A[^outer] B[^inner].\n\n[^outer]: Outer.\n\n    [^inner]: Inner.\n\n    Outer again.\n',
  'notes in a list and a quote': '- item[^1]\n\n> quote[^2]\n\n[^1]: One.\n[^2]: Two.\n',
  'no footnotes at all': '# Title\n\nJust text.\n',
};

describe('footnote-tail', () => {
  test.each(Object.entries(DOCUMENTS))('ends the document with the same footnotes as the plugin: %s', (_, source) => {
    expect(ours.render(source)).toBe(plugins.render(source));
    const tokens = (md: typeof ours) => md.parse(source, {}).map((t) => [t.type, t.tag, t.nesting, t.meta, t.content]);
    expect(tokens(ours)).toEqual(tokens(plugins));
  });
});
