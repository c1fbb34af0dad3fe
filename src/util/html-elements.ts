// What HTML elements do with their content, as browsers parse them. The sanitizer's policy
// (markdown/html-policy.ts) and the excerpt (content/visible-text.ts) both read this file, so the
// text the sanitizer removes with its element is exactly the text excerpts leave out.

/**
 * Elements a post may not have that are removed with all their content: code (`script`), styles,
 * templates, form fields, frames and their fallbacks. Readers never see their text: browsers do
 * not display it, and the sanitizer drops it.
 */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'template', 'noscript', 'textarea', 'option', 'xmp', 'iframe', 'noembed', 'noframes', 'title',
];

/** Elements whose content browsers read as text up to their end tag: tags inside them are not tags. */
export const RAW_TEXT_ELEMENTS: readonly string[] = [
  'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext',
];

/** Elements that have no content and no end tag. */
export const VOID_ELEMENTS: readonly string[] = [
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
];

/**
 * HTML elements (and old ones browsers still parse) that posts may not use. A removed tag that is
 * neither one of these nor allowed is most likely not HTML at all but prose that looks like a tag:
 * a placeholder such as `<port>` or `ssh -l <LOGIN>`.
 */
export const DISALLOWED_HTML_ELEMENTS: readonly string[] = [
  'html', 'head', 'body', 'title', 'base', 'link', 'meta', 'style', 'script', 'noscript', 'template', 'slot', 'iframe',
  'object', 'embed', 'param', 'canvas', 'svg', 'math', 'form', 'input', 'button', 'select', 'option', 'optgroup',
  'textarea', 'label', 'fieldset', 'legend', 'datalist', 'output', 'progress', 'meter', 'dialog', 'frame', 'frameset',
  'applet', 'marquee', 'blink', 'portal', 'map', 'area', 'search', 'xmp', 'plaintext', 'noembed', 'noframes', 'listing',
  'image', 'keygen', 'menuitem', 'acronym', 'basefont', 'dir', 'nobr', 'spacer',
];
