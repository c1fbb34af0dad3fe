// The version of omnipress itself, as its package.json says: --version prints it, init depends on it.
import fs from 'node:fs';

export function packageVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
