// omnipress search page: runs the query from `?q=` (the header's search box is a plain GET form
// that lands here) and every query typed into the page's own form, against the Pagefind index of
// this page's language.
//
// Shipped as-is (plain browser JavaScript, no build step) to /assets/omnipress/search.js and
// included only by the search pages (layouts/search.njk). It:
//   - imports the self-hosted Pagefind runtime relative to itself, so the site also works under a
//     sub-path base URL, and only when there is something to search;
//   - searches only this page's language: pagefind.js picks the index of `<html lang>`, and falls
//     back to the biggest other index when a language has none, so that case is caught here;
//   - merges the further parts of the language's index, which /pagefind/parts.json lists (a
//     language with many posts is indexed in parts, see src/search/index.ts);
//   - renders results as plain DOM (titles as text; excerpts keep only Pagefind's <mark>s), with
//     all UI text taken from the script tag's data attributes (the page's language);
//   - announces the result count in a live region, keeps `?q=` in the address bar up to date.

const script = document.querySelector('script[data-results]');
const text = script?.dataset ?? {};
const form = document.getElementById('omnipress-search-form');
const input = document.getElementById('omnipress-search-input');
const status = document.getElementById('omnipress-search-status');
const list = document.getElementById('omnipress-search-results');
const more = document.getElementById('omnipress-search-more');

/** Results shown at first, and added by each "more" click. */
const PAGE_SIZE = 10;
const PAGEFIND_URL = new URL('../../pagefind/pagefind.js', import.meta.url);

/** `"{n} results"` + `{ n: 3 }` → `"3 results"`. */
const format = (template, vars) => (template ?? '').replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));

/** @type {Promise<any> | undefined} Pagefind, imported and initialized once, or `null` when this language has no index. */
let loading;
function loadPagefind() {
  loading ??= (async () => {
    const lang = (document.documentElement.getAttribute('lang') || 'unknown').toLowerCase();
    // Each indexed language, with the further parts of its index (a big language is indexed in
    // parts). Asked of the server every time, like Pagefind's own entry file: a list cached from
    // before a deploy would leave out the parts added since (hosts let browsers cache for minutes).
    const parts = await (await fetch(new URL('parts.json', PAGEFIND_URL), { cache: 'no-cache' })).json();
    const own = parts[lang] ?? parts[lang.split('-')[0]];
    if (!own) return null;
    const pagefind = await import(PAGEFIND_URL.href);
    // Result URLs are stored without the base path; Pagefind prefixes this one.
    const options = { baseUrl: text.basePath || '/' };
    await pagefind.options(options);
    await pagefind.init();
    await Promise.all(own.map((part) => pagefind.mergeIndex(new URL(part, PAGEFIND_URL).pathname, options)));
    return pagefind;
  })();
  return loading;
}

/** Each search gets a number; a slower earlier search never overwrites a later one's results. */
let current = 0;
/** The current search's results not yet rendered (Pagefind loads each one's data on demand). */
let pending = [];

async function run(query) {
  const id = ++current;
  list.replaceChildren();
  more.hidden = true;
  pending = [];
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  status.textContent = text.searching ?? '';
  let pagefind;
  let found = [];
  try {
    pagefind = await loadPagefind();
    if (pagefind) found = (await pagefind.search(query)).results;
  } catch (cause) {
    if (id !== current) return;
    loading = undefined;
    status.textContent = text.searchError ?? '';
    console.warn('omnipress search:', cause);
    return;
  }
  if (id !== current) return;
  pending = found;
  await showMore(id);
  if (id !== current) return;
  // Announced (live region) once the first results are on the page.
  status.textContent =
    found.length === 0
      ? format(text.noResults, { query })
      : format(found.length === 1 ? text.resultsOne : text.results, { n: found.length, query });
}

async function showMore(id) {
  const batch = pending.slice(0, PAGE_SIZE);
  pending = pending.slice(PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (id !== current) return;
  list.append(...data.map(resultItem));
  more.hidden = pending.length === 0;
}

function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result-title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta?.title || data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta?.date) {
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = data.meta.date;
    item.append(meta);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...excerptNodes(data.excerpt ?? ''));
  item.append(excerpt);
  return item;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: keep the text and the marks, nothing else. */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent ?? '';
    return mark;
  });
}

if (form && input && status && list && more) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    run(input.value);
  });
  more.addEventListener('click', () => showMore(current));
  const query = new URLSearchParams(window.location.search).get('q') ?? '';
  input.value = query;
  if (query.trim()) run(query);
}
