// Escaping for the HTML and XML omnipress writes itself (callout labels, feed titles, sitemap
// URLs, diagram labels, the dev server's error overlay). Every attribute it writes is quoted with
// `"`, so `'` never needs a reference; keeping it as it is keeps apostrophes readable in the output.
// Redirect pages use `entities`' escapeUTF8 directly: it also writes `'` as `&apos;`.

const REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const reference = (c: string) => REFERENCES[c]!;

/** `&`, `<`, `>` and `"` as references: safe as element text, XML text and inside a `"`-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, reference);
}

/** `&`, `"` and `<` as references, `>` as it is: for a `"`-quoted attribute value, where HTML allows a bare `>`. */
export function escapeAttributeValue(text: string): string {
  return text.replace(/[&"<]/g, reference);
}
