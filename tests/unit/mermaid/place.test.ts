// Build-mode diagrams get a text alternative: accTitle/accDescr when the author gave one, else the
// generic label with the heading the diagram sits under.
import { describe, expect, it } from 'vitest';
import type { DiagramOutcome } from '../../../src/mermaid/build-mode.js';
import { placeDiagrams } from '../../../src/mermaid/place.js';

const drawn: DiagramOutcome = { svgs: { light: '<svg></svg>', dark: '<svg></svg>' } };
const pre = (source: string) => `<pre class="mermaid">${source}</pre>\n`;
const labels = (html: string, outcomes: Map<string, DiagramOutcome>) =>
  [...placeDiagrams(html, outcomes, 'd', '다이어그램').html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);

describe('placeDiagrams', () => {
  it('names a diagram by its accTitle, else by the nearest heading above it, else generically', () => {
    const named = 'flowchart LR\n  accTitle: 음성 흐름\n  A --> B';
    const outcomes = new Map([['flowchart LR\n  A --> B', drawn], [named, drawn], ['flowchart LR\n  C --> D', drawn]]);
    const html =
      pre('flowchart LR\n  C --&gt; D') +
      '<h2 id="a">무엇이 <code>달라졌나</code><a class="heading-anchor" href="#a"></a></h2>\n<p>본문.</p>\n' +
      pre('flowchart LR\n  A --&gt; B') +
      pre(named.replace('-->', '--&gt;'));
    expect(labels(html, outcomes)).toEqual(['다이어그램', '다이어그램: 무엇이 달라졌나', '음성 흐름']);
  });
});
