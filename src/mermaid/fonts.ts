// Which installed fonts can draw a diagram's labels. Chromium draws Hangul or Han without a font
// for them as clipped boxes ("입", "텍:"), without an error; so build mode asks fontconfig (the
// library Chromium itself uses on Linux) before drawing, and a diagram's cache entry names the
// fonts it was drawn with, so installing fonts redraws it.
import { execFileSync } from 'node:child_process';
import { hashText } from '../util/hash.js';

/** A script whose glyphs Latin fonts lack, with the fontconfig language that needs it. */
export interface Script {
  /** What a reader of a warning calls it: `Korean (Hangul)`. */
  name: string;
  /** The language whose coverage fontconfig checks (`fc-list :lang=ko`). */
  fcLang: string;
}

const SCRIPTS: ReadonlyArray<Script & { test: RegExp }> = [
  { name: 'Korean (Hangul)', fcLang: 'ko', test: /\p{Script=Hangul}/u },
  { name: 'Japanese (kana)', fcLang: 'ja', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { name: 'Chinese characters (Han)', fcLang: 'zh-cn', test: /\p{Script=Han}/u },
];

/** The scripts of `text` that need fonts of their own. */
export function scriptsIn(text: string): Script[] {
  return SCRIPTS.filter((script) => script.test.test(text)).map(({ name, fcLang }) => ({ name, fcLang }));
}

/**
 * The fonts covering a fontconfig language (family and file, sorted), or undefined where
 * fontconfig cannot be asked (no `fc-list`: macOS and Windows, whose Chromium finds fonts its own
 * way and which ship CJK fonts).
 */
export type FontLookup = (fcLang: string) => string[] | undefined;

/** Asks `fc-list` once per language; fontconfig reads FONTCONFIG_FILE as Chromium does. */
export function systemFonts(): FontLookup {
  const known = new Map<string, string[] | undefined>();
  return (fcLang) => {
    if (!known.has(fcLang)) {
      let fonts: string[] | undefined;
      try {
        const out = execFileSync('fc-list', [`:lang=${fcLang}`, 'family', 'file'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
        fonts = out.split('\n').filter(Boolean).sort();
      } catch {
        fonts = undefined;
      }
      known.set(fcLang, fonts);
    }
    return known.get(fcLang);
  };
}

/** The scripts of `source` no installed font covers (none where fontconfig cannot be asked). */
export function missingScripts(source: string, fonts: FontLookup): Script[] {
  return scriptsIn(source).filter((script) => fonts(script.fcLang)?.length === 0);
}

/** What a drawing of `source` depends on besides the source: the fonts for its scripts. */
export function fontKey(source: string, fonts: FontLookup): string {
  const used = scriptsIn(source).map((script) => `${script.fcLang}:${(fonts(script.fcLang) ?? ['?']).join('\n')}`);
  return used.length === 0 ? '' : hashText(used.join('\0'));
}
