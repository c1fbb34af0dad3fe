// Bytes kept between builds (`.omnipress-cache/`) are published again by the next build, so each
// piece carries a checksum that is verified before anything reads it: one flipped bit on a disk,
// or an entry edited by hand, must never reach a page. A fast hash is enough against damage; it is
// no defence against someone who can write the cache and recompute the checksum.
import { createHash } from 'node:crypto';

/** Starts every sealed piece, so that bytes from another format are told apart from damaged ones. */
const MAGIC = Buffer.from('OPS1');
const DIGEST_BYTES = 32;
const HEADER_BYTES = MAGIC.byteLength + DIGEST_BYTES;

/** What `unseal` found: the bytes as sealed, or why there are none. */
export type Unsealed =
  | { ok: true; payload: Buffer }
  /** `damaged`: sealed bytes that changed since (or were cut short); `foreign`: never sealed by this format. */
  | { ok: false; reason: 'damaged' | 'foreign' };

function digest(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest();
}

/** `payload` behind a header holding its SHA-256, to be checked by `unseal` when read back. */
export function seal(payload: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, digest(payload), payload]);
}

/** The payload of `sealed`, when its checksum still matches. */
export function unseal(sealed: Uint8Array): Unsealed {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (bytes.byteLength < MAGIC.byteLength || !bytes.subarray(0, MAGIC.byteLength).equals(MAGIC)) return { ok: false, reason: 'foreign' };
  if (bytes.byteLength < HEADER_BYTES) return { ok: false, reason: 'damaged' };
  const payload = bytes.subarray(HEADER_BYTES);
  if (!digest(payload).equals(bytes.subarray(MAGIC.byteLength, HEADER_BYTES))) return { ok: false, reason: 'damaged' };
  return { ok: true, payload };
}
