// The sync read-ahead: pages come out in feed order, grouped up to a change budget, never more
// than the allowed number fetched ahead, and a fetch error surfaces after the pages before it.
import { expect, it } from 'vitest';
import { PageAhead, type AheadPage } from '../../main/core/sync/page-ahead.js';

/** A fake feed of `sizes.length` pages; page i has sizes[i] (empty) changes and cursor `c{i}`. */
function feed(sizes: number[], failAt: number | null = null) {
  const asked: (string | null)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (after: string | null): Promise<AheadPage> => {
    asked.push(after);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight--;
    const i = after === null ? 0 : Number(after.slice(1)) + 1;
    if (i === failAt) throw new Error('network down');
    return { changeCount: sizes[i] ?? 0, cursor: `c${i}`, more: i < sizes.length - 1 };
  };
  return { fetch, asked, maxInFlight: () => maxInFlight };
}

it('hands out every page in order, grouped up to the change budget, and ends with null', async () => {
  const f = feed([3, 3, 3, 5, 1]);
  const ahead = new PageAhead(f.fetch, null, 2);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const groups: string[][] = [];
  for (let pages = await ahead.take(6); pages; pages = await ahead.take(6)) {
    groups.push(pages.map((p) => p.cursor));
    expect(pages.length === 1 || pages.reduce((n, p) => n + p.changeCount, 0) <= 6).toBe(true);
  }
  expect(groups.flat()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  expect(groups.length).toBeLessThan(5); // the pause above let two pages wait: they came out together
  expect(f.asked).toEqual([null, 'c0', 'c1', 'c2', 'c3']);
  expect(f.maxInFlight()).toBe(1);
});

it('never holds more than the allowed number of pages ahead', async () => {
  const f = feed([1, 1, 1, 1, 1, 1]);
  const ahead = new PageAhead(f.fetch, 'c0', 2);
  await new Promise((resolve) => setTimeout(resolve, 40));
  expect(f.asked.length).toBeLessThanOrEqual(2);
  expect((await ahead.take(100))?.[0]?.cursor).toBe('c1');
  ahead.stop();
});

it('throws the fetch error only after the pages fetched before it were taken', async () => {
  const f = feed([1, 1, 1, 1], 2);
  const ahead = new PageAhead(f.fetch, null, 5);
  const taken: string[] = [];
  const error = await (async () => {
    for (;;) {
      const pages = await ahead.take(100);
      taken.push(...(pages ?? []).map((p) => p.cursor));
    }
  })().catch((e: unknown) => e);
  expect(taken).toEqual(['c0', 'c1']);
  expect(String(error)).toContain('network down');
});
