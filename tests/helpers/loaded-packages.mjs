// Preloaded with `node --import` by tests: writes the file of every module the process loads,
// imported (ES modules, seen by a resolve hook) or required (CommonJS, Node's module cache at
// exit), to the file named by LOADED_PACKAGES, one per line. The same file is the hooks module.
import fs from 'node:fs';
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

let log = process.env.LOADED_PACKAGES;

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith('file:')) fs.appendFileSync(log, `${fileURLToPath(result.url)}\n`);
  return result;
}

if (isMainThread && log) {
  fs.writeFileSync(log, '');
  register(import.meta.url, { data: { log } });
  process.on('exit', () => fs.appendFileSync(log, Object.keys(Module._cache).map((file) => `${file}\n`).join('')));
}
