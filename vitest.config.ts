import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // One worker per core, and never fewer than two: most integration tests wait on child
    // processes (Pagefind, Chromium, the CLI) rather than use a core, and Vitest's default (cores
    // - 1) runs them one at a time on a two-core machine.
    maxWorkers: Math.max(2, os.availableParallelism()),
    hookTimeout: 60_000,
    // Every test file removes the temporary sites it made.
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    projects: [
      {
        extends: true,
        // Modules and functions in this process: nothing to compile first. The unit tests keep no
        // state between files, so the files of a worker share their imported modules.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/{integration,serve,browser}/**/*.test.ts'],
          // Some tests run the real `bin/omnipress.js`, which loads dist/: compile it first so
          // that a plain `npx vitest` never tests stale output.
          globalSetup: ['tests/global-setup.ts'],
          // The CLI runs in the test's process and changes its current folder (runCli), which
          // worker threads do not allow.
          pool: 'forks',
        },
      },
    ],
  },
});
