// nesting-limit: markdown-it stops parsing blocks nested deeper than its `maxNesting` (100) and
// drops the rest of the post without a word; rendering them would mean recursion as deep as the
// nesting. This reports where the cut is, once per post. Needs: nothing.
import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { warning } from '../../diagnostics.js';
import { envOf, fileLine } from '../env.js';

export function nestingLimitPlugin(md: MarkdownIt): void {
  const tokenize = md.block.tokenize.bind(md.block);
  // Blockquotes and lists parse their content through this same method, one level deeper each.
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    if (state.level >= maxNesting(state) && startLine < endLine) reportCut(state, startLine);
    tokenize(state, startLine, endLine);
  };
}

// The typings leave out this option of every preset.
function maxNesting(state: StateBlock): number {
  return (state.md.options as { maxNesting?: number }).maxNesting ?? 100;
}

function reportCut(state: StateBlock, line: number): void {
  const env = envOf(state.env);
  if (env.diagnostics.some((d) => d.code === 'nesting-limit')) return;
  env.diagnostics.push(
    warning(env.file, `content is nested more than ${maxNesting(state)} levels deep (quotes or lists); from here on it is left out of the page`, {
      line: fileLine(env, line),
      code: 'nesting-limit',
      hint: 'nest quotes and lists less deeply',
    }),
  );
}
