// docs/configuration.md read as data: its key tables, wrong values, command-line options and
// complete example, for the test that holds the page to the code.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './site.js';

export const CONFIG_DOC = path.join(REPO, 'docs/configuration.md');

/** A row of a `| Key | Type | Default | Example |` table. */
export interface KeyRow {
  key: string;
  type: string;
  /** The YAML value when the default is one code span; undefined when it is words. */
  literalDefault?: string;
  /** The default cell as written. */
  defaultText: string;
  /** The example: YAML for a whole config file. */
  example: string;
}

/** A row of the `| Key | Wrong value | Result |` table. */
export interface WrongRow {
  key: string;
  /** YAML for a whole config file. */
  value: string;
  severity: string;
  message: string;
}

/** A row of the `| Option | Commands | Key |` table. */
export interface OptionRow {
  option: string;
  commands: string[];
  key: string;
}

export interface ConfigDoc {
  keys: KeyRow[];
  wrong: WrongRow[];
  options: OptionRow[];
  /** The YAML block of the section "A complete example". */
  completeExample: string;
}

/** `` `x` `` → `x`; anything but exactly one code span → undefined. */
export function codeSpan(cell: string): string | undefined {
  return /^`([^`]+)`$/.exec(cell)?.[1];
}

/** Each Markdown table of `text`: its header cells and its rows of cells. */
function tables(text: string): Array<{ header: string[]; rows: string[][] }> {
  const found: Array<{ header: string[]; rows: string[][] }> = [];
  let current: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    if (!current) {
      current = [];
      found.push({ header: cells, rows: current });
    } else if (!cells.every((cell) => /^:?-+:?$/.test(cell))) {
      current.push(cells);
    }
  }
  return found;
}

function need(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`docs/configuration.md: ${what}`);
  return value;
}

export function readConfigDoc(text = fs.readFileSync(CONFIG_DOC, 'utf8')): ConfigDoc {
  const doc: ConfigDoc = { keys: [], wrong: [], options: [], completeExample: '' };
  for (const { header, rows } of tables(text)) {
    const kind = header.join(' | ');
    for (const cells of rows) {
      const row = cells.join(' | ');
      if (kind === 'Key | Type | Default | Example') {
        const [key, type, defaultText, example] = cells as [string, string, string, string];
        doc.keys.push({
          key: need(codeSpan(key), `the key of "${row}" must be one code span`),
          type,
          defaultText,
          literalDefault: codeSpan(defaultText),
          example: need(codeSpan(example), `the example of "${row}" must be one code span`),
        });
      } else if (kind === 'Key | Wrong value | Result') {
        const [key, value, result] = cells as [string, string, string];
        const outcome = /^(error|warning) `([^`]+)`$/.exec(result);
        if (!outcome) throw new Error(`docs/configuration.md: the result of "${row}" must be error or warning, then the message as a code span`);
        doc.wrong.push({
          key: need(codeSpan(key), `the key of "${row}" must be one code span`),
          value: need(codeSpan(value), `the wrong value of "${row}" must be one code span`),
          severity: outcome[1]!,
          message: outcome[2]!,
        });
      } else if (kind === 'Option | Commands | Key') {
        const [option, commands, key] = cells as [string, string, string];
        doc.options.push({
          option: need(codeSpan(option), `the option of "${row}" must be one code span`),
          commands: commands.split(',').map((command) => command.trim()),
          key: need(codeSpan(key), `the key of "${row}" must be one code span`),
        });
      }
    }
  }
  const example = /^## A complete example\n[\s\S]*?^```yaml\n([\s\S]*?)^```$/m.exec(text);
  doc.completeExample = need(example?.[1], 'the section "A complete example" must hold a ```yaml block');
  return doc;
}
