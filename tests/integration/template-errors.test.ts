// A mistake in a site's own templates, in a layout or in any partial it includes, is one
// diagnostic at the user's file and line, with a hint: never a crash, never a stack trace, never a
// chain of "Template render error" prefixes naming the built-in theme.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, runCli, siteFromFiles } from '../helpers/site.js';

const POSTS = {
  'posts/ko/2024-05-01-hello.md': '---\ntitle: 안녕\n---\n본문.\n',
  'posts/en/2024-05-01-hello.md': '---\ntitle: Hello\n---\nBody.\n',
};
const FOOTER = 'templates/partials/footer.njk';

describe.each([
  { name: 'a syntax error', footer: '<footer>\n  {% if %}\n</footer>\n', line: 2, message: /unexpected token/, hint: undefined },
  { name: 'an unknown filter', footer: '<footer>\n  <p>{{ site.title | uper }}</p>\n</footer>\n', line: 2, message: /filter not found: uper/, hint: /did you mean "upper"\? available filters: .*\bescape\b/ },
  { name: 'a missing include', footer: '<footer>\n\n  {% include "partials/missing.njk" %}\n</footer>\n', line: 3, message: /template not found: partials\/missing\.njk/, hint: /neither templates\/ nor the built-in theme/ },
  { name: 'a render error', footer: '<footer>\n  {{ site.nothing.here() }}\n</footer>\n', line: 2, message: /Unable to call/, hint: undefined },
])('$name in an included partial', ({ footer, line, message, hint }) => {
  it('build: exit 1, one diagnostic at the partial\'s line, the previous site untouched', async () => {
    const root = siteFromFiles(POSTS);
    expect((await runCli(['build', '--root', root], { cwd: root })).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    fs.mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    fs.writeFileSync(path.join(root, FOOTER), footer);

    const result = await runCli(['build', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => / error: /.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${FOOTER}:${line}(:\\d+)? error: template error: `));
    expect(errors[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/Template render error|node_modules|\n\s+at |TypeError/);
    if (hint) expect(result.stderr).toMatch(hint);
    expect(result.stdout).toMatch(/build failed: 1 error/);
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });

  it('check: exit 1 with the same diagnostic', async () => {
    const root = siteFromFiles({ ...POSTS, [FOOTER]: footer });
    const result = await runCli(['check', '--root', root], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${FOOTER}:${line}(:\\d+)? error: template error: `));
    expect(result.stdout).toMatch(/check failed: 1 error/);
    expect(result.stdout + result.stderr).not.toMatch(/Template render error|\n\s+at /);
  });
});

describe('a malformed UI-strings file', () => {
  it('is an error at the line where the JSON goes wrong, in build and check; the previous site stays', async () => {
    const root = siteFromFiles(POSTS);
    expect((await runCli(['build', '--root', root], { cwd: root })).status).toBe(0);
    const before = readTree(path.join(root, '_site'));
    fs.mkdirSync(path.join(root, 'templates/i18n'), { recursive: true });
    fs.writeFileSync(path.join(root, 'templates/i18n/ko.json'), '{\n  "home": "처음으로"\n  "search": "검색"\n}\n');
    for (const command of ['build', 'check']) {
      const result = await runCli([command, '--root', root], { cwd: root });
      expect(result.status, command).toBe(1);
      expect(result.stdout + result.stderr, command).toMatch(/templates\/i18n\/ko\.json:3:3 error: UI strings are not valid JSON/);
      expect(result.stdout + result.stderr, command).not.toMatch(/SyntaxError|\n\s+at /);
    }
    expect(readTree(path.join(root, '_site'))).toEqual(before);
  });
});
