import { describe, expect, it } from 'vitest';
import { pageNumbers } from '../../../src/nunjucks/views.js';

const shown = (page: number, total: number) => pageNumbers(page, total).map((n) => (n === undefined ? '…' : n === page ? `[${n}]` : String(n))).join(' ');

describe('pageNumbers', () => {
  it('shows every page of a short list', () => {
    expect(shown(1, 1)).toBe('[1]');
    expect(shown(2, 5)).toBe('1 [2] 3 4 5');
  });

  it('keeps the first, the last and two on each side, with a gap for what is left out', () => {
    expect(shown(1, 20)).toBe('[1] 2 3 … 20');
    expect(shown(10, 20)).toBe('1 … 8 9 [10] 11 12 … 20');
    expect(shown(20, 20)).toBe('1 … 18 19 [20]');
  });

  it('shows the one page a gap would stand for instead of …', () => {
    expect(shown(5, 20)).toBe('1 2 3 4 [5] 6 7 … 20');
    expect(shown(16, 20)).toBe('1 … 14 15 [16] 17 18 19 20');
  });
});
