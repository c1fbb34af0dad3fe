import { describe, expect, test } from 'vitest';
import { BODY_LINE, FILE, lines, renderer } from '../render.js';

const render = renderer();

/** `line: message` of each diagnostic, for compact assertions. */
function reported(body: string): string[] {
  return render(body).diagnostics.map((d) => `${d.line}: ${d.message}`);
}

describe('raw HTML', () => {
  test('<script> is removed, content and all, with a warning at its source line', () => {
    const body = lines('Intro', '', '<script>alert("x")</script>', '', 'After');
    const result = render(body);
    expect(result.html).toBe('<p>Intro</p>\n\n<p>After</p>\n');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file: FILE,
        line: BODY_LINE + 2,
        severity: 'warning',
        message: 'Raw HTML <script> is not allowed in posts and was removed',
      }),
    ]);
    expect(result.diagnostics[0]?.hint).toMatch(/trustedHtml/);
  });

  test('frames, plugins, forms and styles are removed, each reported once', () => {
    const body = lines(
      '<div class="embed">',
      '<iframe src="https://www.youtube.com/embed/x"></iframe>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<form action="/x"><input name="q"></form>',
      '<style>body{display:none}</style>',
      '</div>',
    );
    const result = render(body);
    expect(result.html).toBe('<div class="embed">\n\n\n\n\n</div>');
    expect(result.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '6: Raw HTML <iframe> is not allowed in posts and was removed',
      '7: Raw HTML <object> is not allowed in posts and was removed',
      '7: Raw HTML <embed> is not allowed in posts and was removed',
      '8: Raw HTML <form> is not allowed in posts and was removed',
      '9: Raw HTML <style> is not allowed in posts and was removed',
    ]);
  });

  test('event handlers are removed from inline HTML, at the line inside the paragraph', () => {
    const body = lines('First line', 'second <img src="/a.png" onerror="alert(1)"> line', 'third <b onclick="x()">b</b>');
    const result = render(body);
    expect(result.html).toBe(
      '<p>First line\nsecond <img src="/a.png" loading="lazy" decoding="async"> line\nthird <b>b</b></p>\n',
    );
    expect(result.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '6: Event handler onerror on <img> is not allowed in posts and was removed',
      '7: Event handler onclick on <b> is not allowed in posts and was removed',
    ]);
  });

  test('javascript: URLs are removed, also when obfuscated', () => {
    const urls = ['javascript:alert(1)', 'jav&#x61;script:alert(1)', ' JaVaScRiPt:alert(1)', 'java&#9;script:x', 'vbscript:x', 'data:text/html,x'];
    const body = urls.map((url) => `<a href="${url}">x</a>`).join('\n\n');
    const result = render(body);
    expect(result.html).not.toMatch(/script:|data:/i);
    expect(result.diagnostics.map((d) => d.line)).toEqual([5, 7, 9, 11, 13, 15]);
    expect(result.diagnostics[1]?.message).toBe('Unsafe URL in href="javascript:alert(1)" on <a> was removed');
  });

  test('styles that load something or cover the page are removed with a warning; others are kept', () => {
    const body = lines(
      '<p style="background:url(https://tracker.example/p.gif)">a</p>',
      '',
      'Text <span style="position: fixed; inset: 0; z-index: 9999">overlay</span>',
      '',
      '<div style="background: u\\rl(https://t.example/p)">c</div>',
      '<div style="color: red; position: sticky">d</div>',
    );
    const result = render(body);
    expect(result.html).not.toMatch(/url|fixed/i);
    expect(result.html).toContain('<div style="color: red; position: sticky">d</div>');
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}: ${d.message}`)).toEqual([
      '5 unsafe-style: Style "background:url(https://tracker.example/…" on <p> loads something or covers the page and was removed',
      '7 unsafe-style: Style "position: fixed; inset: 0; z-index: 9999" on <span> loads something or covers the page and was removed',
      '9 unsafe-style: Style "background: u\\rl(https://t.example/p)" on <div> loads something or covers the page and was removed',
    ]);
  });

  test('hidden elements stay hidden', () => {
    const result = render(lines('<div hidden>', '', 'Draft text', '', '</div>', '', 'Shown <span hidden="">not this</span>'));
    expect(result.html).toBe('<div hidden="">\n<p>Draft text</p>\n</div>\n<p>Shown <span hidden="">not this</span></p>\n');
  });

  test('templates and frames go with their content, which readers never see', () => {
    const result = render(lines('<template><p>Template text</p></template>', '', 'A <iframe>Frame <b>fallback</b></iframe> B <noembed>No embed</noembed>C'));
    expect(result.html).toBe('<p></p>\n<p>A  B C</p>\n');
  });

  test('a tag spanning lines is reported at the line of its attribute', () => {
    expect(reported(lines('Text', '', '<div>', '<img', '  src="/a.png"', '  onload="x()">', '</div>'))).toEqual([
      '8: Event handler onload on <img> is not allowed in posts and was removed',
    ]);
  });

  test('the parts of a removed element are not reported again', () => {
    const body = lines('Icon <svg viewBox="0 0 1 1"><path d="M0"/><circle r="1"/></svg> and <math><mi>x</mi></math>');
    expect(reported(body)).toEqual([
      '5: Raw HTML <svg> is not allowed in posts and was removed',
      '5: Raw HTML <math> is not allowed in posts and was removed',
    ]);
    expect(render(body).html).toBe('<p>Icon  and x</p>\n');
  });

  test('inline footnotes are reported at the line of their reference', () => {
    expect(reported(lines('Intro', '', 'Text^[see <b onclick="x">b</b>]', '', 'More'))).toEqual([
      '7: Event handler onclick on <b> is not allowed in posts and was removed',
    ]);
  });

  test('table cells are reported at their row', () => {
    expect(reported(lines('| a | b |', '|---|---|', '| 1 | 2 |', '| <span onmouseover="x">3</span> | 4 |'))).toEqual([
      '8: Event handler onmouseover on <span> is not allowed in posts and was removed',
    ]);
  });

  test('the HTML blog posts use is kept', () => {
    const body = lines(
      '<details open><summary>더 보기</summary>',
      '',
      'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>x<sup>2</sup> H<sub>2</sub>O',
      '',
      '</details>',
      '',
      '<figure><img src="/a.png" alt="a" width="300"><figcaption>그림 1</figcaption></figure>',
      '',
      '<video controls src="/v.mp4" poster="/v.jpg"></video>',
      '',
      '<div align="center" style="color: red"><span class="x" data-id="1">t</span> <font color="red">重点</font></div>',
    );
    const result = render(body);
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toContain('<details open><summary>더 보기</summary>');
    expect(result.html).toContain('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>x<sup>2</sup> H<sub>2</sub>O');
    expect(result.html).toContain('<figure><img src="/a.png" alt="a" width="300" loading="lazy" decoding="async"><figcaption>그림 1</figcaption></figure>');
    expect(result.html).toContain('<video controls src="/v.mp4" poster="/v.jpg"></video>');
    expect(result.html).toContain('<div align="center" style="color: red"><span class="x" data-id="1">t</span> <font color="red">重点</font></div>');
  });

  test('comments are dropped silently', () => {
    const result = render('Intro\n\n<!-- more -->\n\nRest');
    expect(result.diagnostics).toEqual([]);
    expect(result.html).not.toContain('<!--');
  });

  test('trustedHtml keeps everything and reports nothing', () => {
    const body = '<script>alert(1)</script>\n\n<a href="https://other.com" onclick="x()">x</a>';
    const result = renderer({ trustedHtml: true })(body);
    expect(result.html).toBe('<script>alert(1)</script>\n<p><a href="https://other.com" onclick="x()">x</a></p>\n');
    expect(result.diagnostics).toEqual([]);
  });

  test('elements nested more than 512 deep are an error at the line that goes past, and the raw HTML is dropped', () => {
    const ok = render(lines('<div>'.repeat(512), 'x', '</div>'.repeat(512)));
    expect(ok.diagnostics).toEqual([]);
    const deep = render(lines('Intro', '', '<section>', '', '<div>'.repeat(300), '<div>'.repeat(300), 'x', '</div>'.repeat(600), '', '</section>'));
    expect(deep.diagnostics.map((d) => `${d.severity} ${d.line}: ${d.message}`)).toEqual(['error 10: raw HTML nests elements more than 512 deep']);
    expect(deep.html).toBe('<p>Intro</p>\n');
  });

  test('nesting counts across blocks, as the sanitizer sees the whole post', () => {
    const blocks = Array.from({ length: 513 }, () => '<div>').join('\n\n');
    expect(reported(blocks)).toEqual([`${BODY_LINE + 1024}: raw HTML nests elements more than 512 deep`]);
  });
});

describe('tag-like prose', () => {
  test('is one kind of warning, tag-like-text, that says to put it in backticks; real HTML gets the policy hint', () => {
    const { diagnostics } = renderer()(lines('Connect with ssh -l <LOGIN> host.', '', 'Listen on <port>.', '', '<iframe src="x"></iframe>'));
    const [login, port, iframe] = diagnostics;
    expect(login).toMatchObject({
      code: 'tag-like-text',
      line: BODY_LINE,
      message: '<LOGIN> looks like a tag but is no HTML element, and was removed from the text',
      hint: expect.stringContaining('put it in backticks: `<LOGIN>`'),
    });
    expect(port).toMatchObject({ code: 'tag-like-text', line: BODY_LINE + 2, hint: expect.stringContaining('`<port>`') });
    expect(iframe).toMatchObject({ code: 'raw-html', hint: expect.stringMatching(/^Posts may contain HTML but not run code/) });
    expect(diagnostics.every((d) => d.code !== undefined)).toBe(true);
  });

  test('is reported once per placeholder in a post, at its first line', () => {
    const { diagnostics } = renderer()(lines('Bind <ip> and <port>.', '', 'Then <ip> again, and <port> too.', '', 'A new one: <user>.'));
    expect(diagnostics.map((d) => `${d.line} ${d.code} ${d.message.split(' ')[0]}`)).toEqual([
      `${BODY_LINE} tag-like-text <ip>`,
      `${BODY_LINE} tag-like-text <port>`,
      `${BODY_LINE + 4} tag-like-text <user>`,
    ]);
  });
});
