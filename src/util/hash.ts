import { createHash } from 'node:crypto';

/** Short, stable content hash used as a cache key (not for security). */
export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}
