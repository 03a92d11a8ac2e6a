/**
 * The relative-import graph of a source folder, and the circles in it. Type-only imports count
 * too: a circle of types is still two modules that cannot be read, moved or tested apart.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each file of `root` (recursively) with the files it imports, as paths relative to `root`. */
export function importGraph(root: string): Map<string, string[]> {
  const base = resolve(root);
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(base)) {
    const imports = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) =>
      relative(base, resolve(dirname(file), (match[1] ?? match[2])!.replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(base, file), imports);
  }
  return graph;
}

/** Every import circle, each written `a.ts → b.ts → a.ts`, among the files under `within`. */
export function importCircles(graph: Map<string, string[]>, within: string[] = ['']): string[] {
  const inScope = (file: string) => within.some((folder) => file.startsWith(folder));
  const circles = new Set<string>();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!inScope(next)) continue;
      const at = path.indexOf(next);
      if (at >= 0) circles.add([...path.slice(at), next].join(' → '));
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (inScope(file) && !done.has(file)) visit(file);
  return [...circles];
}
