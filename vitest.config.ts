import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
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
