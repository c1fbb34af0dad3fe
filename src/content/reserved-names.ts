// Names a site path may not use as one of its segments (a folder or file of the output), whoever
// writes them: a permalink, an alias, a slug, a file linked beside a post.
//
// - Hidden names (`.git`, `.well-known`, `.htaccess`, omnipress's own `.omnipress-output`): web
//   hosts read them as configuration or proof of ownership, or refuse to serve them, and the
//   output folder's marker must stay omnipress's.
// - Windows device names (`CON`, `NUL`, `COM1`…, with any extension, in any case): such a file
//   cannot be created, checked out or copied on Windows, so the site could not be built or
//   published from there.
// - Names over 255 bytes, which no common file system can hold.

const DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$/i;
/** ext4, APFS and NTFS allow 255 bytes (UTF-8) per file or folder name. */
const MAX_NAME_BYTES = 255;
const encoder = new TextEncoder();

/** Why `segment` may not be a folder or file name of the output, or undefined when it may. */
export function reservedSegment(segment: string): string | undefined {
  if (segment.startsWith('.')) return `"${segment}" starts with a dot: web hosts treat such names as configuration or hide them`;
  if (DEVICE_NAME.test(segment.trimEnd())) return `"${segment}" is a Windows device name, which no file on Windows may have`;
  const bytes = encoder.encode(segment).length;
  if (bytes > MAX_NAME_BYTES) {
    return `"${[...segment].slice(0, 24).join('')}…" is ${bytes} bytes long, and file systems allow ${MAX_NAME_BYTES} bytes for one name`;
  }
  return undefined;
}

/** The first reserved segment of a `/`-separated path and why, or undefined when there is none. */
export function reservedPathSegment(sitePath: string): string | undefined {
  for (const segment of sitePath.split('/')) {
    const reason = segment === '' ? undefined : reservedSegment(segment);
    if (reason) return reason;
  }
  return undefined;
}
