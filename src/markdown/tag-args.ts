// Arguments of Hexo tags (`{% img left /a.png 300 "A title" %}`) and Hugo shortcodes
// (`{{< figure src="a.png" caption="Two words" >}}`): whitespace-separated words, where a quoted
// part ("…", '…' or Hugo's `…`) keeps its spaces. Pure string work; both plugins share it.

/** One argument: its value with quotes removed, and the key when it was written `key=value`. */
export interface TagArg {
  key?: string;
  value: string;
  /** The whole argument was one quoted string (`"a b"`, not `a` or `x"y"`). */
  quoted: boolean;
}

const WORD = /(?:[^\s"'`]+|"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`)+/g;
const NAMED = /^([A-Za-z_][\w-]*)=([\s\S]*)$/;

/** `a "b c" k=v k2="x y"` → [a] [b c] [k=v] [k2=x y]; `named` splits `key=` off. */
export function splitArgs(text: string, options: { named?: boolean } = {}): TagArg[] {
  const args: TagArg[] = [];
  for (const [word] of text.matchAll(WORD)) {
    const named = options.named ? NAMED.exec(word) : null;
    if (named) args.push({ key: named[1]!.toLowerCase(), value: unquote(named[2]!), quoted: isQuoted(named[2]!) });
    else args.push({ value: unquote(word), quoted: isQuoted(word) });
  }
  return args;
}

function isQuoted(word: string): boolean {
  return /^(?:"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`)$/.test(word);
}

/** Quotes removed wherever they are (`"a b"` → `a b`, `x"y z"` → `xy z`); `\"` kept as `"`. */
function unquote(word: string): string {
  return word.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`/g, (_m, dq?: string, sq?: string, bq?: string) =>
    dq !== undefined ? dq.replace(/\\(.)/g, '$1') : (sq ?? bq ?? ''),
  );
}
