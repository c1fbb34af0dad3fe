// linkify-www: limits linkify to what GitHub autolinks: URLs with a scheme (`https://…`),
// `www.` hosts and e-mail addresses. linkify-it's fuzzy mode would also link every bare
// `name.tld`, and since two-letter country codes are TLDs, file names in tech posts
// (`index.md`, `setup.py`, `main.rs`) became links to http://index.md. Needs: linkify: true.
import type MarkdownIt from 'markdown-it';

export function linkifyWwwPlugin(md: MarkdownIt): void {
  const linkify = md.linkify;
  const match = linkify.match.bind(linkify);
  // markdown-it's core linkify rule iterates the returned array; an empty one leaves the text.
  linkify.match = (text) =>
    (match(text) ?? []).filter((link) => link.schema !== '' || /^www\./i.test(link.raw));
}
