// omnipress copy button: a "Copy" button on every highlighted code block of the page.
//
// Shipped as-is (plain browser JavaScript, no build step) to /assets/omnipress/code-copy.js, and
// included only by pages that have a code block. The blocks are complete without it: selecting
// one and copying it gives the same text. It copies the block's text exactly (line numbers are
// CSS, never text), says so in a live region for screen readers, and adds nothing where the
// browser has no clipboard API (pages served over plain http from another host).

// Module scripts have no document.currentScript: find our tag by its data attribute.
const script = document.querySelector('script[data-copy-label]');
const COPY = script?.dataset.copyLabel || 'Copy';
const COPIED = script?.dataset.copiedLabel || 'Copied';

if (navigator.clipboard && window.isSecureContext) {
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  document.body.append(status);

  for (const pre of document.querySelectorAll('pre.code')) {
    const code = pre.querySelector('code');
    if (!code) continue;
    // The button sits in a wrapper, not in the <pre>: it must not scroll with long lines, and
    // must not be part of what a reader selects in the block.
    const wrap = document.createElement('div');
    wrap.className = 'code-wrap';
    pre.before(wrap);
    wrap.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = COPY;
    let reset;
    button.addEventListener('click', async () => {
      try {
        // The block's lines, as selecting it copies them: without the final line break.
        await navigator.clipboard.writeText((code.textContent ?? '').replace(/\n$/, ''));
      } catch {
        return;
      }
      button.textContent = COPIED;
      status.textContent = COPIED;
      clearTimeout(reset);
      reset = setTimeout(() => {
        button.textContent = COPY;
        status.textContent = '';
      }, 2000);
    });
    wrap.append(button);
  }
}
