// omnipress serve: live reload. Injected into HTML pages by the dev server only (src/serve/server.ts),
// never part of a built site. Plain browser JavaScript, no build step.
//
// Listens to the server's events (server-sent events, reconnecting on their own):
//   - `change` with the changed output paths: a stylesheet-only change swaps the stylesheets in
//     place (no reload, scroll position kept); anything else reloads the page;
//   - `failed` with the overlay's markup: shows it (file, line, message of what broke the build);
//     the last good page stays underneath;
//   - `hello` on every (re)connection with the server's build number: a page that missed builds
//     while disconnected (the server restarted, the laptop slept) reloads.
(() => {
  const OVERLAY_ID = 'omnipress-overlay';
  let build;

  const showOverlay = (html) => {
    document.getElementById(OVERLAY_ID)?.remove();
    if (!html) return;
    document.body.insertAdjacentHTML('afterbegin', html);
  };

  const swapStylesheets = () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('omnipress', String(Date.now()));
      const fresh = link.cloneNode();
      fresh.href = url.href;
      // Remove the old sheet only once the new one has loaded, so the page never flashes unstyled.
      fresh.addEventListener('load', () => link.remove(), { once: true });
      fresh.addEventListener('error', () => link.remove(), { once: true });
      link.after(fresh);
    }
  };

  const events = new EventSource('/__omnipress/events');
  events.addEventListener('hello', (event) => {
    const data = JSON.parse(event.data);
    if (build !== undefined && data.build !== build) location.reload();
    build = data.build;
    showOverlay(data.overlay);
  });
  events.addEventListener('change', (event) => {
    const data = JSON.parse(event.data);
    build = data.build;
    const paths = data.paths;
    if (paths.length === 0) showOverlay('');
    else if (paths.every((path) => path.endsWith('.css'))) {
      showOverlay('');
      swapStylesheets();
    } else location.reload();
  });
  events.addEventListener('failed', (event) => {
    const data = JSON.parse(event.data);
    build = data.build;
    showOverlay(data.overlay);
  });
})();
