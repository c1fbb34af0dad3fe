// The shape of src/: imports go one way. A cycle between two files, or between two folders of
// src/ (each top-level file such as types.ts counts as its own node), makes the folders stop
// meaning anything and lets a change in one place ripple back into itself; and the build pipeline
// never depends on the dev server that drives it. Type-only imports count: they couple the code
// just as much.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** `import … from './x.js'`, `export … from './x.js'`, `import './x.js'` and `import('./x.js')`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

type Graph = Map<string, Set<string>>;

/** Every .ts file under `root`, as `/`-separated paths relative to it. */
function sourceFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** File → the files it imports (paths relative to src/). Imports of no known file are reported. */
function importGraph(files: readonly string[], read: (file: string) => string): { graph: Graph; unresolved: string[] } {
  const known = new Set(files);
  const graph: Graph = new Map();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of read(file).matchAll(RELATIVE_IMPORT)) {
      const specifier = match[1]!;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
      if (known.has(target)) targets.add(target);
      else unresolved.push(`${file} → ${specifier}`);
    }
    graph.set(file, targets);
  }
  return { graph, unresolved };
}

/** The node a file belongs to in the folder graph: its top-level folder, or itself at the top. */
function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? file : `${file.slice(0, slash)}/`;
}

/** The graph of `graph`'s nodes grouped by `group`, without self-edges. */
function groupGraph(graph: Graph, group: (node: string) => string): Graph {
  const grouped: Graph = new Map();
  for (const [from, targets] of graph) {
    const edges = grouped.get(group(from)) ?? new Set<string>();
    grouped.set(group(from), edges);
    for (const to of targets) if (group(to) !== group(from)) edges.add(group(to));
  }
  return grouped;
}

/**
 * One cycle per strongly connected component of more than one node (or a node importing
 * itself), written `a → b → a`, in a stable order. Files tangled in several cycles show one at a
 * time: break it, and the next run names the next.
 */
function cyclesOf(graph: Graph): string[] {
  const cycles: string[] = [];
  for (const component of stronglyConnected(graph)) {
    const inside = new Set(component);
    const start = [...component].sort()[0]!;
    if (component.length === 1 && !graph.get(start)?.has(start)) continue;
    cycles.push([...shortestCycle(graph, start, inside), start].join(' → '));
  }
  return cycles.sort();
}

/** Tarjan's strongly connected components (recursive: src/ is small). */
function stronglyConnected(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** The shortest path from `start` back to itself inside one component (breadth first), `start` first. */
function shortestCycle(graph: Graph, start: string, inside: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

const files = sourceFiles(SRC);
const { graph, unresolved } = importGraph(files, (file) => fs.readFileSync(path.join(SRC, file), 'utf8'));

describe('the import graph of src/', () => {
  it('resolves every relative import to a file of src/', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(unresolved).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(cyclesOf(graph), 'import cycles between files').toEqual([]);
  });

  it('has no cycle between the folders of src/ (top-level files count as their own nodes)', () => {
    expect(cyclesOf(groupGraph(graph, folderOf)), 'import cycles between folders').toEqual([]);
  });

  it('keeps the pipeline independent of the dev server', () => {
    const imports = [...graph].flatMap(([from, targets]) =>
      from.startsWith('pipeline/') ? [...targets].filter((to) => to.startsWith('serve/')).map((to) => `${from} → ${to}`) : [],
    );
    expect(imports, 'src/pipeline/ imports from src/serve/').toEqual([]);
  });
});

describe('the import-graph checks themselves', () => {
  const graphOf = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

  it('find and name cycles', () => {
    expect(cyclesOf(graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] }))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    expect(cyclesOf(graphOf({ 'a.ts': ['a.ts'] }))).toEqual(['a.ts → a.ts']);
    expect(cyclesOf(graphOf({ 'a.ts': ['b.ts'], 'b.ts': [] }))).toEqual([]);
  });

  it('group files into folders, top-level files on their own', () => {
    const folders = groupGraph(graphOf({ 'feeds/x.ts': ['seo/y.ts', 'types.ts'], 'seo/y.ts': ['feeds/z.ts'], 'feeds/z.ts': [], 'types.ts': [] }), folderOf);
    expect(cyclesOf(folders)).toEqual(['feeds/ → seo/ → feeds/']);
  });

  it('read every form of relative import', () => {
    const sources: Record<string, string> = {
      'a.ts': [
        "import { x } from './b.js';",
        "import type { Y } from '../c.js';",
        "export { z } from './d.js';",
        "export * from './e.js';",
        "import './f.js';",
        "const lazy = await import('./g.js');",
        "import {\n  many,\n  names,\n} from './h.js';",
        "import fs from 'node:fs';",
      ].join('\n'),
    };
    const { graph: parsed, unresolved: missing } = importGraph(['a.ts'], (file) => sources[file] ?? '');
    expect(parsed.get('a.ts')).toEqual(new Set());
    expect(missing).toEqual(['./b.js', '../c.js', './d.js', './e.js', './f.js', './g.js', './h.js'].map((s) => `a.ts → ${s}`));
  });
});
