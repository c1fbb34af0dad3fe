// The Pagefind processes that index. The `pagefind` module runs one service process per module
// instance, and a process indexes on one core; so that index parts are indexed side by side, each
// slot here is its own instance of the module (the same file imported under another URL query),
// hence its own process.
//
// A service starts with the first index made on its slot and stays up for the next build (the dev
// server's next rebuild); its process is unreferenced, so it never keeps Node alive and ends with
// it. A service whose indexing fails in any way (the build cancelled included) is closed: a dead
// service stays cached inside its pagefind module, and the next index on its slot starts a fresh one.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export type Pagefind = typeof import('pagefind');

/** An index inside a Pagefind service: pages go in, the bundle's files come out. */
export type PagefindIndex = NonNullable<Awaited<ReturnType<Pagefind['createIndex']>>['index']>;

/** Options every index of a pool is created with. */
export type IndexOptions = NonNullable<Parameters<Pagefind['createIndex']>[0]>;

const slots = new Map<number, Promise<Pagefind>>();

/** The pagefind module of slot `n` (0, 1, …), loaded once per process. */
export function pagefindService(n: number): Promise<Pagefind> {
  let slot = slots.get(n);
  if (!slot) {
    slot = import(`${import.meta.resolve('pagefind')}?service=${n}`) as Promise<Pagefind>;
    slots.set(n, slot);
  }
  return slot;
}

/**
 * Services worth running at once: one per index part to build, up to one more than there are
 * cores; past that, another process adds memory without saving time. A part without a process
 * holds its pages until one is free.
 */
export function serviceCount(indexes: number): number {
  return Math.max(1, Math.min(indexes, os.availableParallelism() + 1));
}

/** The installed Pagefind's version: its index files change with it, so cache keys include it. */
export const PAGEFIND_VERSION: string = (() => {
  const manifest = fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind')));
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
})();

/** What the pool's owner does with its jobs; the pool decides only when, and on which service. */
export interface PoolWork<Job, Result> {
  /** Options of every index. */
  indexOptions: IndexOptions;
  /** Which of two queued jobs a free service takes first (negative: `a`). */
  order(a: Job, b: Job): number;
  /** Hands the job's pages to a fresh index and returns what came of it; the pool frees the index after. */
  fill(index: PagefindIndex, job: Job): Promise<Result>;
  /** The job's result, once its index is freed. */
  done(job: Job, result: Result): void;
  /** The job left its service, done or failed; the service takes the next job right after. */
  released(job: Job): void;
}

/**
 * `size` Pagefind services (slots 0 to size - 1) taking queued jobs, one at a time each. The first
 * failure is kept for `failure`; the other jobs go on.
 */
export class PagefindPool<Job, Result> {
  readonly #work: PoolWork<Job, Result>;
  /** Slots not indexing anything right now. */
  readonly #free: number[];
  readonly #queue: Job[] = [];
  readonly #busy = new Set<Job>();
  readonly #running: Promise<void>[] = [];
  #stopped = false;
  #failure: unknown;

  constructor(size: number, work: PoolWork<Job, Result>) {
    this.#work = work;
    this.#free = Array.from({ length: size }, (_, n) => n);
  }

  /** Queues a job for the next free service. */
  add(job: Job): void {
    this.#queue.push(job);
    this.#pump();
  }

  /** Whether a service is taking the job's pages now (not while it waits in the queue, nor once it is done). */
  indexing(job: Job): boolean {
    return this.#busy.has(job);
  }

  /** Starts no more jobs; those running finish (or fail) on their own. */
  stop(): void {
    this.#stopped = true;
  }

  /** Settles once no job is running, including those started meanwhile. */
  async settled(): Promise<void> {
    while (this.#running.length > 0) await Promise.all(this.#running.splice(0));
  }

  /** The first error a job failed with, if any. */
  get failure(): unknown {
    return this.#failure;
  }

  /** Free services take the next jobs in the queue. */
  #pump(): void {
    while (!this.#stopped && this.#queue.length > 0 && this.#free.length > 0) {
      this.#queue.sort(this.#work.order);
      const job = this.#queue.shift()!;
      const slot = this.#free.shift()!;
      this.#busy.add(job);
      this.#running.push(this.#run(slot, job));
    }
  }

  async #run(slot: number, job: Job): Promise<void> {
    try {
      this.#work.done(job, await this.#index(await pagefindService(slot), job));
    } catch (cause) {
      this.#failure ??= cause;
    } finally {
      this.#busy.delete(job);
      this.#work.released(job);
      this.#free.push(slot);
      this.#pump();
    }
  }

  /** The job on a fresh index of `pagefind`, freed after; the service is closed when anything fails. */
  async #index(pagefind: Pagefind, job: Job): Promise<Result> {
    let index: PagefindIndex | undefined;
    try {
      const created = await pagefind.createIndex(this.#work.indexOptions);
      index = created.index;
      if (!index) throw new Error(created.errors.join('; ') || 'no index');
      return await this.#work.fill(index, job);
    } catch (cause) {
      index = undefined;
      await pagefind.close().catch(() => null);
      throw cause;
    } finally {
      // Frees the index in the service; the service itself stays up for the next build.
      await index?.deleteIndex().catch(() => null);
    }
  }
}
