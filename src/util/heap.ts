// How much garbage V8 may let pile up between full collections. By default it lets the old
// generation grow to up to four times what was live after the last one before collecting again;
// a build allocates page after page that dies at once (HTML strings, render contexts), so its
// peak memory would be several times what is live. Collecting once the old generation has grown
// by half keeps the peak close to the live size at no measurable cost in time (the figures are in
// bench/README.md).
import v8 from 'node:v8';

let tuned = false;

/**
 * Make V8 collect the old generation once it has grown by half. A command-line process setting:
 * the CLI calls it, the library API leaves its host's heap alone. V8 reads this flag each time it
 * sets the next collection's threshold, so setting it after start-up takes effect.
 */
export function keepHeapNearLiveSize(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString('--heap-growing-percent=50');
}
