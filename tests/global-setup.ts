// The CLI tests that spawn the real `bin/omnipress.js` load dist/: compile it first so that a
// plain `npx vitest` never tests stale output.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function compile(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
