// Runs sanitize-html once over a rendered post that contained raw HTML. The policy lives in
// html-policy.ts; removals were already reported with source lines by plugins/raw-html.ts.
// Posts without raw HTML skip this: markdown-it escapes everything else itself.
import type sanitizeHtml from 'sanitize-html';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  URL_ATTRIBUTES,
  isSafeAttributeValue,
} from './html-policy.js';
import { SAFE_SCHEMES, externalLinkTest, underBasePath } from './urls.js';
import { onFirstUse } from '../util/on-first-use.js';

// Loaded with the first post that has raw HTML (util/on-first-use.ts).
const sanitizer = onFirstUse<typeof sanitizeHtml>('sanitize-html');

export type Sanitize = (html: string) => string;

const VOID_SELF_CLOSING = /<(area|br|col|embed|hr|img|input|source|track|wbr)(\s[^<>]*?)?\/>/g;

export function createSanitizer(siteOrigin: string, basePath = '/'): Sanitize {
  const isExternal = externalLinkTest(siteOrigin);
  // Built once per renderer: sanitize-html merges option objects on every call, keep them small.
  const options: sanitizeHtml.IOptions = {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: Object.fromEntries(
      Object.entries(ALLOWED_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]]),
    ),
    nonTextTags: [...DROPPED_WITH_CONTENT],
    // sanitize-html's own scheme allow-list stays on as a second net; `data:` is narrowed to
    // images by isSafeAttributeValue below (sanitize-html cannot look past the scheme).
    allowedSchemes: [...SAFE_SCHEMES, 'data'],
    allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    // Keep `style` as written: parsing it needs postcss per attribute and logs on bad CSS;
    // CSS cannot run script in any browser we support.
    parseStyleAttributes: false,
    transformTags: {
      '*': (tagName, attribs) => {
        for (const [name, value] of Object.entries(attribs)) {
          if (!isSafeAttributeValue(name, value)) delete attribs[name];
          else if (name === 'href' || name === 'src') attribs[name] = underBasePath(value, basePath);
        }
        if (tagName === 'img') {
          attribs.loading ??= 'lazy';
          attribs.decoding ??= 'async';
        } else if (tagName === 'a') {
          const href = attribs.href ?? '';
          const rel = attribs.rel ?? '';
          if ((isExternal(href) || attribs.target === '_blank') && !/\bnoopener\b/i.test(rel)) {
            attribs.rel = rel ? `${rel} noopener` : 'noopener';
          }
        }
        return { tagName, attribs };
      },
    },
  };
  // sanitize-html writes void elements XHTML-style (`<img … />`); the rest of the page is HTML5,
  // where the slash means nothing and validators flag it. Attribute values come out escaped, so
  // no `>` can hide inside one.
  return (html) =>
    sanitizer()(html, options).replace(VOID_SELF_CLOSING, (_, tag: string, attributes = '') => `<${tag}${attributes.trimEnd()}>`);
}
