// The pipeline is the same for `build`, `check` and the dev server: it defines the small
// interfaces it needs (since-last-run.ts) and the dev server implements them, never the other way
// round, so that no stage can come to depend on the dev server's state.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PIPELINE = path.join(import.meta.dirname, '../../../src/pipeline');
const SERVE = path.join(import.meta.dirname, '../../../src/serve');

/** Every module a file imports, as absolute paths (relative specifiers only). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

describe('the pipeline', () => {
  it('imports nothing from src/serve/', () => {
    const files = fs.readdirSync(PIPELINE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(PIPELINE, f));
    expect(files.length).toBeGreaterThan(5);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => target === SERVE || target.startsWith(`${SERVE}${path.sep}`))
        .map((target) => `${path.relative(PIPELINE, file)} → ${path.relative(SERVE, target)}`),
    );
    expect(offending).toEqual([]);
  });
});
