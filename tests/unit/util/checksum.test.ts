import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../../src/util/checksum.js';

describe('seal and unseal', () => {
  it('give back exactly the bytes sealed', () => {
    const payload = Buffer.from('<p>본문 中文 text</p>');
    const unsealed = unseal(seal(payload));
    expect(unsealed.ok && unsealed.payload.equals(payload)).toBe(true);
    const empty = unseal(seal(new Uint8Array(0)));
    expect(empty.ok && empty.payload.byteLength === 0).toBe(true);
  });

  it('refuse sealed bytes with any one bit flipped, or cut short', () => {
    const sealed = seal(Buffer.from('<p style="color:red">x</p>'));
    for (let bit = 0; bit < sealed.byteLength * 8; bit++) {
      const flipped = Buffer.from(sealed);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expect(unseal(flipped).ok, `bit ${bit}`).toBe(false);
    }
    for (let length = 0; length < sealed.byteLength; length++) expect(unseal(sealed.subarray(0, length)).ok, `${length} bytes`).toBe(false);
  });

  it('tell bytes that were never sealed apart from damaged ones', () => {
    expect(unseal(Buffer.from('{"light":"<svg/>"}'))).toEqual({ ok: false, reason: 'foreign' });
    const sealed = seal(Buffer.from('<svg/>'));
    sealed[sealed.byteLength - 1]! ^= 1;
    expect(unseal(sealed)).toEqual({ ok: false, reason: 'damaged' });
  });
});
