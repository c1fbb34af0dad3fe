// Packages that a build may not need at all are loaded the first time they are used. A build
// that takes every page from its cache parses no front matter, renders no Markdown and runs no
// template: loading those packages up front would be a noticeable part of such a build.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * `id` loaded on the first call, then the same module. Only for CommonJS packages (or ones with a
 * CommonJS entry) that nothing else imports statically: otherwise the process would load both of
 * its builds.
 */
export function onFirstUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
