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
