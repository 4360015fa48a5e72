// axe-core over the jsdom document in component tests: roles, names, labels and ARIA use. Colour contrast
// needs real layout, so that rule runs in the Chromium end-to-end suite instead.
import axe from 'axe-core';
import { expect } from 'vitest';

export async function expectNoAxeViolations(what: string, root: Element = document.body): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map(
    (v) => `${what}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(found).toEqual([]);
}
