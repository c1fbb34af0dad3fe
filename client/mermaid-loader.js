// omnipress mermaid loader: draws the page's ```mermaid diagrams in the reader's browser.
//
// Shipped as-is (plain browser JavaScript, no build step) to /assets/omnipress/mermaid-loader.js,
// and included only by pages that contain a `<pre class="mermaid">`. It:
//   - imports the self-hosted Mermaid runtime lazily, when the first diagram comes near the
//     viewport (also diagrams inside closed <details> or hidden containers, once shown);
//   - renders each diagram on its own, so one broken diagram never stops the others; a diagram
//     that cannot be drawn (broken source, or the runtime failed to load) shows its source as a
//     code block under a one-line note in the page's language, and the error goes to the console;
//   - uses securityLevel 'strict' (labels are sanitized, click callbacks and javascript: links off);
//   - follows prefers-color-scheme, and re-renders drawn diagrams when the scheme changes;
//   - gives every diagram role="img" and a text alternative (accTitle/accDescr, else a generic
//     label in the page's language, passed in the script tag's data attributes, with the
//     figure's caption or the nearest heading above it).

// Relative to this file, so the site also works under a sub-path base URL.
const RUNTIME_URL = new URL('../mermaid/mermaid.esm.min.mjs', import.meta.url);

// Module scripts have no document.currentScript: find our tag by its data attribute.
const script = document.querySelector('script[data-diagram-label]');
const GENERIC_LABEL = script?.dataset.diagramLabel || 'Diagram';
const ERROR_LABEL = script?.dataset.diagramError || 'This diagram could not be drawn';

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
const themeNow = () => (darkScheme.matches ? 'dark' : 'default');

/** @type {Promise<any> | undefined} the runtime, imported once, on first need */
let runtime;
/** The theme Mermaid was last initialized with. */
let initializedTheme;
/** Renders run one after another: Mermaid keeps global state (config, scratch elements). */
let queue = Promise.resolve();
let counter = 0;

/**
 * Every diagram of the page. `element` is what is currently in the document: the original
 * <pre>, then the <figure> that replaced it. `source` is kept so the diagram can re-render.
 * @type {{ element: Element, source: string, state: 'waiting' | 'queued' | 'drawn' | 'failed' }[]}
 */
const diagrams = [...document.querySelectorAll('pre.mermaid')].map((pre) => ({
  element: pre,
  source: pre.textContent ?? '',
  state: 'waiting',
}));
const diagramOf = new Map(diagrams.map((d) => [d.element, d]));

/** The runtime module's default export, initialized with the current theme. */
async function mermaidFor(theme) {
  runtime ??= import(RUNTIME_URL.href).then(
    (module) => module.default,
    (error) => {
      runtime = undefined; // a network hiccup: let the next diagram try again
      throw error;
    },
  );
  const mermaid = await runtime;
  if (initializedTheme !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme,
      // Throw instead of drawing Mermaid's own "bomb" error diagram; we show our own box.
      suppressErrorRendering: true,
    });
    initializedTheme = theme;
  }
  return mermaid;
}

/**
 * Same rule as diagramLabel() in src/mermaid/runtime.ts and placeDiagrams() (build mode): its
 * accTitle/accDescr, else the generic label with the figure's caption or the nearest heading
 * above it.
 */
function labelOf(source, element) {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
  const description =
    /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ??
    /^\s*accDescr\s*\{([\s\S]*?)\}/m.exec(source)?.[1]?.replace(/\s+/g, ' ').trim();
  return [title, description].filter(Boolean).join(': ') || [GENERIC_LABEL, contextOf(element)].filter(Boolean).join(': ');
}

/** The caption of the figure holding the diagram, else the text of the last heading of the body before it. */
function contextOf(element) {
  const caption = element.parentElement?.closest('figure')?.querySelector(':scope > figcaption');
  if (caption) return caption.textContent.replace(/\s+/g, ' ').trim();
  let heading;
  for (const h of document.querySelectorAll('.post-body :is(h1, h2, h3, h4, h5, h6)')) {
    if (h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
  }
  return heading?.textContent.replace(/\s+/g, ' ').trim();
}

/** A small element with text content (never parsed as HTML). */
function textElement(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** Remove whatever Mermaid left in <body> for a render that failed. */
function removeScratch(id) {
  for (const scratch of [`d${id}`, `i${id}`, id]) {
    const node = document.getElementById(scratch);
    if (node && !node.closest('figure.diagram')) node.remove();
  }
}

/** Render one diagram with the current theme and put the result in place of its element. */
async function draw(diagram) {
  const theme = themeNow();
  const id = `omnipress-diagram-${++counter}`;
  let figure;
  try {
    const mermaid = await mermaidFor(theme);
    const { svg } = await mermaid.render(id, diagram.source);
    figure = document.createElement('figure');
    figure.className = 'diagram';
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', labelOf(diagram.source, diagram.element));
    figure.dataset.theme = theme;
    // Mermaid's own output, sanitized by it (DOMPurify) under securityLevel 'strict'.
    figure.innerHTML = svg;
    diagram.state = 'drawn';
  } catch (error) {
    removeScratch(id);
    // Readers get the note and the source; Mermaid's message (a parse error, a URL that did not
    // load) is for the author, in the console.
    console.error('omnipress: a diagram could not be drawn:', error);
    figure = document.createElement('figure');
    figure.className = 'diagram diagram-error';
    figure.setAttribute('role', 'group');
    figure.setAttribute('aria-label', ERROR_LABEL);
    const source = document.createElement('pre');
    source.className = 'code diagram-source';
    source.tabIndex = 0; // long lines scroll, and a keyboard can scroll them
    source.append(textElement('code', 'language-mermaid', diagram.source));
    figure.append(textElement('figcaption', 'diagram-error-title', ERROR_LABEL), source);
    diagram.state = 'failed';
  }
  diagram.element.replaceWith(figure);
  diagramOf.delete(diagram.element);
  diagram.element = figure;
  diagramOf.set(figure, diagram);
}

/** Queue a render; renders never overlap. */
function schedule(diagram) {
  diagram.state = 'queued';
  queue = queue.then(() => draw(diagram));
}

// Lazy: only diagrams near the viewport are drawn (and the runtime is imported with the first).
// An element without a box (inside a closed <details>, display:none, …) never intersects; it is
// reported once it is shown.
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      const diagram = diagramOf.get(entry.target);
      if (diagram?.state === 'waiting') schedule(diagram);
    }
  },
  { rootMargin: '200px' },
);
for (const diagram of diagrams) observer.observe(diagram.element);

// Belt and braces for <details>: Chromium's observer already reports a diagram in a <details> once
// it opens (the browser tests prove it), but to be safe in other engines, re-observe the waiting
// diagrams of a <details> that opens (observing reports the current state right away).
// `toggle` does not bubble: listen in the capture phase.
document.addEventListener(
  'toggle',
  (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open) return;
    for (const pre of details.querySelectorAll('pre.mermaid')) {
      if (diagramOf.get(pre)?.state !== 'waiting') continue;
      observer.unobserve(pre);
      observer.observe(pre);
    }
  },
  true,
);

// The reader switched between light and dark: redraw what is already drawn, in the new theme.
// (Diagrams not yet drawn pick up the theme when they are.)
darkScheme.addEventListener('change', () => {
  for (const diagram of diagrams) {
    if (diagram.state === 'drawn' && diagram.element.dataset.theme !== themeNow()) schedule(diagram);
  }
});
