import { describe, expect, it } from 'vitest';
import { keepNamesWhole } from '../../../src/util/no-break.js';

describe('keepNamesWhole', () => {
  it('wraps names with a hyphen before a number, and nothing else', () => {
    expect(keepNamesWhole('GPT-4o는 COVID-19 이후, Llama-3.1과 GPT-4-turbo 다음.')).toBe(
      '<span class="nobr">GPT-4o</span>는 <span class="nobr">COVID-19</span> 이후, <span class="nobr">Llama-3.1</span>과 <span class="nobr">GPT-4-turbo</span> 다음.',
    );
    expect(keepNamesWhole('e-mail, 2024-05-14, well-known, x-1-y-2-z-3-a-4-b-5-c-6-d-7')).toBe('e-mail, 2024-05-14, well-known, x-1-y-2-z-3-a-4-b-5-c-6-d-7');
  });
});
