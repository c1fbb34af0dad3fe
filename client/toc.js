// omnipress table of contents: marks the section being read in the side table of contents
// (wide screens; the stylesheet makes it sticky). Loaded only by pages that have one. The
// current section is the last heading above the top third of the window.
const links = new Map(
  [...document.querySelectorAll('.toc-side a[href^="#"]')].map((a) => [decodeURIComponent(a.hash.slice(1)), a]),
);
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);

function mark() {
  const line = innerHeight / 3;
  let current = headings[0];
  for (const heading of headings) if (heading.getBoundingClientRect().top <= line) current = heading;
  for (const [id, a] of links) {
    if (id === current?.id) a.setAttribute('aria-current', 'location');
    else a.removeAttribute('aria-current');
  }
}

if (headings.length > 0) {
  let queued = false;
  addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  }, { passive: true });
  mark();
}
