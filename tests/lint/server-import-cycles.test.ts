// The server's modules import one another without cycles (STYLE.md: a cycle of six files once ran
// http -> db -> services -> http). Type-only imports count too: they tie the same modules together.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The server files a file imports (relative specifiers, `.js` written for `.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'))
    .filter((path) => path.startsWith(ROOT + '/'));
}

/** Strongly connected components of two or more files (Tarjan), i.e. the cycles. */
export function importCycles(files: string[], edges: (file: string) => string[]): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    indices.set(file, index);
    low.set(file, index);
    index += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of edges(file)) {
      if (!indices.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, indices.get(next)!));
    }
    if (low.get(file) === indices.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || edges(file).includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!indices.has(file)) visit(file);
  return cycles;
}

describe('server import graph', () => {
  it('has no cycles', () => {
    const files = sourceFiles(ROOT);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const cycles = importCycles(files, (file) => graph.get(file) ?? []);
    expect(cycles.map((cycle) => cycle.map((file) => relative(ROOT, file)))).toEqual([]);
  });

  it('finds a cycle when there is one (the check bites)', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] };
    expect(importCycles(Object.keys(edges), (file) => edges[file] ?? [])).toEqual([['a', 'b', 'c']]);
  });
});
