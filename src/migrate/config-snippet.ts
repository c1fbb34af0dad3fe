// The omnipress.yml lines migrate-check suggests, each with a comment saying where it came from:
// the old generator's config (file and line), the posts' dates, or how many posts a language has.
// Plain YAML the config reader accepts as it is.
import type { ConfigGuess, PermalinkGuess } from './guess-config.js';
import { plural } from '../util/plural.js';

/** A suggested pattern that would give two posts one old URL: written commented out, with why. */
export interface PermalinkClash {
  url: string;
  files: [string, string];
}

export function configSnippet(guess: ConfigGuess, clashes: ReadonlyMap<PermalinkGuess, PermalinkClash> = new Map()): string {
  const lines = ['# omnipress.yml (suggested by omnipress migrate-check)'];
  if (guess.timeZone) lines.push(`timeZone: ${guess.timeZone.zone}    # ${guess.timeZone.reason}`);
  else lines.push('# timeZone: no date carries an offset; dates without one are read in Asia/Seoul unless you set yours');
  if (guess.defaultLanguage) lines.push(`defaultLanguage: ${guess.defaultLanguage}${guess.defaultReason ? `    # ${guess.defaultReason}` : ''}`);
  if (guess.languages.length > 0) {
    lines.push('languages:');
    for (const l of guess.languages) {
      lines.push(`  ${l.code}: { name: ${yamlText(l.name)}, tag: ${l.tag} }    # ${plural(l.posts, 'post')}`);
    }
  }
  lines.push(...permalinkLines(guess, clashes));
  return `${lines.join('\n')}\n`;
}

function permalinkLines(guess: ConfigGuess, clashes: ReadonlyMap<PermalinkGuess, PermalinkClash>): string[] {
  const lines: string[] = [];
  const usable = guess.permalinks.filter((p) => p.pattern !== undefined && !clashes.has(p));
  for (const p of guess.permalinks) {
    const clash = clashes.get(p);
    if (p.pattern === undefined) lines.push(`# legacyPermalink: none for ${p.written}    # ${p.source}`);
    else if (clash) {
      lines.push(`# legacyPermalink: ${p.pattern}    # ${p.source}: ${p.written}`);
      lines.push(`#   not suggested: ${clash.files[0]} and ${clash.files[1]} would both answer at ${clash.url}`);
    }
    for (const note of p.notes) lines.push(`#   ${note}`);
  }
  if (usable.some((p) => p.prefixed)) {
    // Hugo put every language but the default under /<lang>/: a pattern per language.
    lines.push(`legacyPermalink:    # ${usable.map((p) => `${p.source}: ${p.written}`).join('; ')}; Hugo put other languages than the default under /<lang>/`);
    for (const l of guess.languages) {
      const patterns = usable.map((p) => (p.prefixed?.(l.code) ? `/${l.code}${p.pattern}` : p.pattern!));
      lines.push(`  ${l.code}: ${patterns.length === 1 ? patterns[0] : `[${patterns.join(', ')}]`}`);
    }
  } else if (usable.length === 1) {
    const only = usable[0]!;
    lines.push(`legacyPermalink: ${only.pattern}    # ${only.source}: ${only.written}; old URLs redirect to the new ones`);
  } else if (usable.length > 1) {
    lines.push('legacyPermalink:    # old URLs redirect to the new ones');
    for (const p of usable) lines.push(`  - ${p.pattern}    # ${p.source}: ${p.written}`);
  }
  // Keeping the old URLs as they are needs no redirects, but only a one-language site can do without :lang.
  if (usable.length === 1 && guess.languages.length === 1) {
    lines.push(`# permalink: ${usable[0]!.pattern}    # instead, to keep the old URLs themselves as the posts' URLs`);
  }
  return lines;
}

/** A name as a YAML flow scalar: quoted when it holds anything YAML would read as syntax. */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._()（）-]*$/u.test(text) && !/ $/.test(text) ? text : JSON.stringify(text);
}
