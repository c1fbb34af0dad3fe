// Temporary folders for tests. Each one is removed once the test file that made it has finished
// (tests/setup/remove-temp-dirs.ts), so a run leaves nothing behind in the temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();

/** A fresh, empty folder under os.tmpdir(), named `prefix` + random characters. */
export function tempDir(prefix = 'omnipress-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Remove every folder tempDir() made so far (symbolic links inside are removed, not followed). */
export function removeTempDirs(): void {
  for (const dir of made) {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    made.delete(dir);
  }
}
