// One build at a time per site. Two builds of one site would each stage the site beside the
// output folder, delete each other's staging folder as a leftover, and swap in whatever remained:
// a site with half its files, or without its marker, which every later build then refuses to
// replace. So `build` holds a lock, `.omnipress-cache/build.lock`, holding its PID and host name.
// The file appears whole and at once (a hard link to a file already written), so no build ever
// reads half a lock. A lock whose process is gone (a build killed with SIGKILL) is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'build.lock';

/** Another build of the same site holds the lock (exit code 2: nothing is wrong with the content). */
export class BuildLockedError extends Error {
  override name = 'BuildLockedError';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `another omnipress build${pid > 0 ? ` (process ${pid})` : ''} is building this site; run this one once it is done ` +
        `(if no build is running, delete ${lockFile})`,
    );
  }
}

export interface BuildLock {
  /** Remove the lock, if it is still this build's. */
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
}

/** Lock files this process holds: two builds of one site in one process exclude each other too. */
const held = new Set<string>();

/** Take the build lock of the site whose cache folder is `cacheDir`, or throw BuildLockedError. */
export function acquireBuildLock(cacheDir: string): BuildLock {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, LOCK_FILE);
  const mine = `${process.pid}\n${os.hostname()}\n`;
  // Each round either takes the lock, finds a live owner, or clears a dead one; more than a few
  // rounds means others keep taking and dropping it, which is as good as held.
  let owner: Owner | undefined;
  for (let round = 0; round < 5; round++) {
    if (create(file, mine)) {
      held.add(file);
      return { release: () => release(file, mine) };
    }
    owner = readOwner(file);
    // Gone since (released), or unreadable for a moment: look again.
    if (owner === undefined) continue;
    if (isAlive(owner, file)) throw new BuildLockedError(file, owner.pid);
    clearStale(file, owner);
  }
  throw new BuildLockedError(file, owner?.pid ?? 0);
}

/** Create `file` holding `text`, unless it exists: written aside, then linked into place. */
function create(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // A file system without hard links: exclusive creation, with a moment where the lock is empty
    // (readOwner then answers undefined, and the other build looks again).
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw again;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The lock's owner; undefined when there is no lock, or an empty one still being written. */
function readOwner(file: string): Owner | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  const [pid, host] = text.split('\n');
  // Anything else is no lock a build wrote, and is taken over like a dead build's.
  return /^\d+$/.test(pid ?? '') ? { pid: Number(pid), host: host ?? '' } : { pid: 0, host: '' };
}

/**
 * Whether the lock's process still runs. A lock written on another machine (a cache restored in
 * CI) cannot be checked and is taken as stale; one with this process's PID is live only if this
 * process took it (in a container, a killed build's PID comes back for the next one).
 */
function isAlive(owner: Owner, file: string): boolean {
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return held.has(file);
  return processRuns(owner.pid);
}

/** Whether a process with this PID exists (EPERM: it does, under another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove a dead build's lock. Moved aside first and read again, since another build may have
 * cleared it and taken the lock in between: a live lock moved aside by mistake is put back.
 */
function clearStale(file: string, stale: Owner): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== stale.pid || moved.host !== stale.host)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Another build took the lock meanwhile: it is theirs now.
    }
  }
  fs.rmSync(aside, { force: true });
}

function release(file: string, mine: string): void {
  held.delete(file);
  try {
    if (fs.readFileSync(file, 'utf8') === mine) fs.rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
