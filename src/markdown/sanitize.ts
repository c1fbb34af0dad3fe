// Runs sanitize-html once over every rendered post, whatever produced its HTML: raw HTML, and
// also the markup of every plugin, so that no tag or shortcode can bring in what raw HTML may
// not. The policy lives in html-policy.ts; removals from raw HTML were already reported with
// source lines by plugins/raw-html.ts, and unsafe URLs from tags by plugins/safe-links.ts.
import type sanitizeHtml from 'sanitize-html';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  URL_ATTRIBUTES,
  isSafeAttributeValue,
} from './html-policy.js';
import { underBasePath } from '../urls/hrefs.js';
import { SAFE_SCHEMES, externalLinkTest } from './url-policy.js';
import { onFirstUse } from '../util/on-first-use.js';

// Loaded with the first post rendered (util/on-first-use.ts): a build whose bodies all come from
// the cache needs none.
const sanitizer = onFirstUse<typeof sanitizeHtml>('sanitize-html');

export type Sanitize = (html: string) => string;

const VOID_SELF_CLOSING = /<(area|br|col|embed|hr|img|input|source|track|wbr)(\s[^<>]*?)?\/>/g;

export function createSanitizer(siteOrigin: string, basePath = '/'): Sanitize {
  const isExternal = externalLinkTest(siteOrigin);
  // Built once per renderer: sanitize-html merges option objects on every call, keep them small.
  // allowedEmptyAttributes is sanitize-html's (since 2.12), missing from its typings.
  const options: sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] } = {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: Object.fromEntries(
      Object.entries(ALLOWED_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]]),
    ),
    nonTextTags: [...DROPPED_WITH_CONTENT],
    // HTML's void elements among the allowed tags: sanitize-html's own list lacks <source> and
    // <track>, and would give them a closing tag, which HTML does not have.
    selfClosing: ['img', 'br', 'hr', 'area', 'base', 'basefont', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'col', 'embed'],
    // sanitize-html drops empty attributes it does not know as boolean ones; `hidden` is one, and
    // dropping it would show what the author hid.
    allowedEmptyAttributes: ['alt', 'hidden'],
    // Text comes out escaped but for quotes; markdown-it escapes those too, so a body whose
    // markup is all markdown-it's stays as markdown-it wrote it.
    textFilter: (text) => text.replaceAll('"', '&quot;'),
    // sanitize-html's own scheme allow-list stays on as a second net; `data:` is narrowed to
    // images by isSafeAttributeValue below (sanitize-html cannot look past the scheme).
    allowedSchemes: [...SAFE_SCHEMES, 'data'],
    allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    // `style` is checked by html-policy.ts (isSafeStyle) below, as a whole: parsing it needs
    // postcss per attribute and logs on bad CSS.
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
