// The floor: what any generator must spend at least — read every post, write the same number of
// HTML files of the same sizes into the same folder layout. No parsing, no rendering.
//
//   node bench/measure.mjs bench/floor.mjs PLAN.json OUT_DIR
//
// PLAN.json (written by bench/run.mjs from a cold build's output):
// `{ "posts": ["/abs/ko/….md", …], "outputs": [["ko/posts/x/index.html", 5123], …] }`.
import fs from 'node:fs';
import path from 'node:path';

export async function main([planFile, outDir]) {
  if (!planFile || !outDir) {
    process.stderr.write('usage: floor.mjs PLAN.json OUT_DIR\n');
    return 2;
  }
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const sources = plan.posts.map((file) => fs.readFileSync(file));
  const made = new Set();
  let i = 0;
  for (const [rel, size] of plan.outputs) {
    const file = path.join(outDir, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // The bytes of a post, repeated or cut to the page's size.
    const source = sources[i++ % sources.length];
    fs.writeFileSync(file, source.length > 0 ? Buffer.alloc(size, source) : Buffer.alloc(size));
  }
  process.stdout.write(`floor: read ${sources.length} posts, wrote ${plan.outputs.length} files\n`);
  return 0;
}
