// How work grows with the size of the input: the work for size 8n against the work for size n,
// about 8 when it grows linearly, 64 when quadratically. Never a time limit.
//
// `arrayWork` counts: the elements array built-ins search, copy or move (an `includes` per key, a
// `concat` per footnote, an `unshift` per nested tag were the quadratic parts, out of sight of any
// JavaScript loop). `timeRatio` is for work nothing counts (regular-expression backtracking, a
// character loop): CPU time, the fastest of a few interleaved rounds after a full garbage
// collection each; linear work measured 3–15 on a loaded 2-core machine.
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export const FACTOR = 8;
/** Far above what linear work measures, far below quadratic work's 64. */
export const LINEAR = 24;


/** CPU time of `run(FACTOR * n)` over that of `run(n)`. */
export function timeRatio(run: (n: number) => unknown, n: number, rounds = 5): number {
  const cpu = (size: number) => {
    gc();
    const start = process.cpuUsage();
    run(size);
    const used = process.cpuUsage(start);
    return used.user + used.system;
  };
  // Compiled and warm before anything is measured.
  run(n);
  run(FACTOR * n);
  let small = Infinity;
  let big = Infinity;
  for (let i = 0; i < rounds; i++) {
    small = Math.min(small, cpu(n));
    big = Math.min(big, cpu(FACTOR * n));
  }
  return big / small;
}

type ArrayMethod = 'includes' | 'indexOf' | 'lastIndexOf' | 'some' | 'every' | 'find' | 'findIndex' | 'concat' | 'unshift' | 'shift' | 'splice' | 'slice';
/** Array built-ins whose cost grows with the array they are called on (searches, copies, moves). */
const ARRAY_METHODS: ArrayMethod[] = ['includes', 'indexOf', 'lastIndexOf', 'some', 'every', 'find', 'findIndex', 'concat', 'unshift', 'shift', 'splice', 'slice'];

/**
 * Elements that array built-ins searched, copied or moved while `run` ran (synchronously): their
 * work, which no JavaScript loop shows. A count, the same on every run.
 */
export function arrayWork(run: () => unknown): number {
  let elements = 0;
  const originals = ARRAY_METHODS.map((name) => [name, Array.prototype[name]] as const);
  for (const [name, original] of originals) {
    Object.defineProperty(Array.prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown[], ...args: unknown[]) {
        elements += this.length;
        if (name === 'concat') for (const arg of args) if (Array.isArray(arg)) elements += arg.length;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      },
    });
  }
  try {
    run();
  } finally {
    for (const [name, original] of originals) Object.defineProperty(Array.prototype, name, { configurable: true, writable: true, value: original });
  }
  return elements;
}
